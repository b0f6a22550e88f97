import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { boundaryViolations } from '../helpers/importBoundary'

const root = path.resolve(import.meta.dirname, '../..')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'boundary-'))

afterAll(() => fs.rmSync(scratch, { force: true, recursive: true }))

/** A small tree with its own manifest, to show each rule catches what it should. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(scratch, 'tree-'))
  const manifest = {
    dependencies: { '@sindresorhus/slugify': '3.0.1' },
    devDependencies: { redis: '6.3.1' },
    exports: { '.': './dist/index.js', './client': './dist/client.js' },
    name: 'payload-policy-posts',
    peerDependencies: { payload: '^3.90.2' },
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest))
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

describe('the boundary between the plugin and the site', () => {
  it('holds in this repository', () => {
    expect(boundaryViolations(root)).toEqual([])
  })

  it('catches the plugin importing site code, undeclared packages or itself', () => {
    const dir = tree({
      'src/lib/site/paths.ts': 'export const x = 1',
      'src/plugin/hooks/a.ts': [
        "import { x } from '../../lib/site/paths'",
        "import { y } from '@/lib/site/data'",
        "import { createClient } from 'redis'",
        "import { policyPosts } from 'payload-policy-posts'",
        "import fs from 'node:fs'",
        "import { buildConfig } from 'payload'",
        "import slugify from '@sindresorhus/slugify'",
        "import { b } from './b'",
        "export const lazy = () => import('../../app/page')",
      ].join('\n'),
      'src/plugin/hooks/b.ts': 'export const b = 1',
    })
    expect(boundaryViolations(dir).map(({ reason, specifier }) => `${specifier}: ${reason}`)).toEqual([
      '../../lib/site/paths: the plugin imports a file outside src/plugin',
      '@/lib/site/data: the plugin imports site code through a path alias',
      'redis: "redis" is neither a dependency nor a peer dependency',
      'payload-policy-posts: the plugin imports itself by name',
      '../../app/page: the plugin imports a file outside src/plugin',
    ])
  })

  it('catches the site reaching plugin internals', () => {
    const dir = tree({
      'src/components/Card.tsx': [
        "import { formatLongDate } from '../plugin/endnote/formatCitation'",
        "import { getStrings } from '@/plugin/i18n'",
        "import { roman } from 'payload-policy-posts/src/plugin/endnote/roman'",
        "import { policyPosts } from 'payload-policy-posts'",
        "import { TranslationsPanel } from 'payload-policy-posts/client'",
        "import { getStrings as s } from '@/lib/site/i18n'",
      ].join('\n'),
    })
    expect(boundaryViolations(dir).map(({ reason, specifier }) => `${specifier}: ${reason}`)).toEqual([
      '../plugin/endnote/formatCitation: the site imports a plugin file instead of the package',
      '@/plugin/i18n: the site imports a plugin file through @/plugin',
      'payload-policy-posts/src/plugin/endnote/roman: not a subpath the package exports',
    ])
  })

  it('registers admin components only as exported names of exported subpaths', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    const entries: Record<string, string> = { client: 'src/plugin/exports/client.ts' }
    const exportedNames = (file: string): string[] =>
      [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/export \{([^}]*)\}/g)].flatMap((match) =>
        match[1].split(',').map((name) => name.trim().split(/\s+as\s+/).pop()!).filter(Boolean),
      )
    const registered = new Set<string>()
    for (const entry of fs.readdirSync(path.join(root, 'src/plugin'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')
      for (const match of text.matchAll(/'payload-policy-posts\/([\w-]+)#(\w+)'/g)) registered.add(`${match[1]}#${match[2]}`)
    }
    expect(registered.size).toBeGreaterThanOrEqual(5)
    for (const key of registered) {
      const [subpath, name] = key.split('#')
      expect(Object.keys(manifest.exports), key).toContain(`./${subpath}`)
      expect(exportedNames(entries[subpath]), key).toContain(name)
    }
  })
})
