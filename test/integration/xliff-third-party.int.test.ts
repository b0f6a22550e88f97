/**
 * Our XLIFF files against two independent implementations. The `xliff` npm package parses the
 * exported 1.2 and 2.1 files and writes the files we import; Debian's translate-toolkit fills a
 * 1.2 file's targets through its Python API (as a CAT tool would) before we import it. Turkish
 * letters (İ ı ş ğ) must come back byte for byte.
 */
import type { XliffJs, XliffUnit } from 'xliff'

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import xliff from 'xliff'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'
import { createTranslatablePost, fillTargets, turkishOf } from '../helpers/xliffFixtures'

const FILL_SCRIPT = path.resolve(import.meta.dirname, '../fixtures/xliff/translate_toolkit_fill.py')

/** A Python that has translate-toolkit (Debian's package installs it for /usr/bin/python3). */
function translateToolkitPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import translate.storage.xliff'], { stdio: 'ignore' })
      return python
    } catch {
      // try the next one
    }
  }
  return undefined
}
const python = translateToolkitPython()
if (!python) {
  console.warn('[xliff] translate-toolkit round trip skipped: not installed (apt-get install translate-toolkit; .ci/run installs it).')
}

let t: TestPayload
let rest: ReturnType<typeof restClient>
let translator: string

beforeAll(async () => {
  t = await startTestPayload('xliff_third_party')
  rest = restClient(t.payload)
  const user = await createUser(t.payload, 'translator', { languages: ['tr'] })
  translator = await rest.login(user.email, user.password)
})

afterAll(async () => {
  await t?.cleanup()
})

async function exported(id: number, version: '1.2' | '2.1'): Promise<string> {
  const res = await rest.get(`/posts/${id}/xliff?target=tr&version=${version}`, { token: translator })
  expect(res.status).toBe(200)
  return res.body as string
}

async function importFile(id: number, xml: string) {
  return rest.post(`/posts/${id}/xliff`, { headers: { 'Content-Type': 'application/xliff+xml' }, raw: xml, token: translator })
}

type Inline = string | Record<string, Record<string, unknown>>

/** The library's inline model with each text translated (codes kept as they are). */
function translateInline(value: Inline | Inline[]): Inline | Inline[] {
  if (typeof value === 'string') return turkishOf(value)
  if (Array.isArray(value)) return value.map((item) => translateInline(item) as Inline)
  return Object.fromEntries(
    Object.entries(value).map(([type, element]) => [
      type,
      element.contents === undefined ? element : { ...element, contents: translateInline(element.contents as Inline | Inline[]) },
    ]),
  )
}

function withTargets(js: XliffJs): XliffJs {
  const resources = Object.fromEntries(
    Object.entries(js.resources).map(([file, units]) => [
      file,
      Object.fromEntries(Object.entries(units).map(([id, unit]): [string, XliffUnit] => [id, { ...unit, target: translateInline(unit.source) }])),
    ]),
  )
  return { ...js, resources }
}

/** What our own filler makes of the same export: the expected draft. */
async function expectedDraft(id: number) {
  const res = await importFile(id, fillTargets(await exported(id, '2.1')))
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: res.body.id })
}

const draftOf = (id: number) => t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id })

const textOf = (post: { content?: unknown; highlights?: null | { text?: null | string }[]; meta?: null | { description?: null | string }; title?: null | string }) =>
  JSON.stringify({ content: post.content, highlights: post.highlights?.map((h) => h.text), meta: post.meta?.description, title: post.title })

describe('the xliff npm package', () => {
  for (const version of ['2.1', '1.2'] as const) {
    it(`parses our XLIFF ${version} export, and we import the file it writes`, async () => {
      const { note, post } = await createTranslatablePost(t.payload, `Şişli ığdır İzmir ${version}`)
      const xml = await exported(post.id, version)
      const js = version === '1.2' ? await xliff.xliff12ToJs(xml) : await xliff.xliff2js(xml)
      expect(js).toMatchObject({ sourceLanguage: 'en', targetLanguage: 'tr' })
      const [file] = Object.keys(js.resources)
      expect(file).toBe(version === '1.2' ? `posts/${post.id}` : `posts-${post.id}`)
      const units = js.resources[file]
      expect(Object.keys(units)).toEqual(['title', 'highlight-1', 'highlight-2', 'meta-description', 'body-1', 'body-2', 'body-3', 'body-4', 'body-5', `note-${note.id}`])
      expect(units.title.source).toBe(`Şişli ığdır İzmir ${version}`)
      // Paired codes and placeholders are recognised as inline elements, not text.
      const span = version === '1.2' ? 'GenericSpan' : 'Span'
      expect(units['body-2'].source).toEqual([
        'Trade grew ',
        { [span]: expect.objectContaining({ contents: 'fast', id: '1' }) },
        ' after 2022, as ',
        { [span]: expect.objectContaining({ contents: { [span]: expect.objectContaining({ contents: 'the report', id: '3' }) }, id: '2' }) },
        ' shows.',
        { Standalone: expect.objectContaining({ id: '4' }) },
      ])

      const written =
        version === '1.2' ? await xliff.jsToXliff12(withTargets(js), { indent: '' }) : await xliff.js2xliff(withTargets(js), { indent: '', targetXliffVersion: '2.1' })
      const res = await importFile(post.id, written)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const draft = await draftOf(res.body.id)
      expect(Buffer.from(draft.title, 'utf8').equals(Buffer.from(`Şişli ığdır İzmir ${version} İışğ`, 'utf8'))).toBe(true)
      expect(textOf(draft)).toBe(textOf(await expectedDraft(post.id)))
    })
  }
})

describe.skipIf(!python)("Debian's translate-toolkit", () => {
  it('fills a 1.2 file through its Python API, and we import it', async () => {
    const { post } = await createTranslatablePost(t.payload, 'Iğdır, Şırnak ve İstanbul')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xliff-tt-'))
    try {
      fs.writeFileSync(path.join(dir, 'in.xlf'), await exported(post.id, '1.2'))
      execFileSync(python!, [FILL_SCRIPT, path.join(dir, 'in.xlf'), path.join(dir, 'out.xlf')], { stdio: 'pipe' })
      const filled = fs.readFileSync(path.join(dir, 'out.xlf'), 'utf8')
      const res = await importFile(post.id, filled)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const draft = await draftOf(res.body.id)
      expect(Buffer.from(draft.title, 'utf8').equals(Buffer.from('Iğdır, Şırnak ve İstanbul İışğ', 'utf8'))).toBe(true)
      expect(textOf(draft)).toBe(textOf(await expectedDraft(post.id)))
    } finally {
      fs.rmSync(dir, { force: true, recursive: true })
    }
  })
})
