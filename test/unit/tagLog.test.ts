import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { applyTagLines, compactTagLog, mergeTagEntry, TagLog } from '../../src/lib/server/tagLog.mjs'

type Manifest = Map<string, { stale?: number; expired?: number }>
const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tags-')), 'cache', 'revalidated-tags.log')

describe('TagLog: revalidated tags shared by processes', () => {
  it('a revalidation appended by one process reaches another on its next sync, once', () => {
    const file = tempFile()
    // two processes: each with its own manifest and its own reader of the one file
    const a = { log: new TagLog(file), manifest: new Map() as Manifest }
    const b = { log: new TagLog(file), manifest: new Map() as Manifest }
    b.log.sync(b.manifest) // no file yet
    expect(b.manifest.size).toBe(0)

    a.manifest.set('post:7', { expired: 1_000, stale: 1_000 })
    a.log.append(['post:7'], a.manifest)
    b.log.sync(b.manifest)
    expect(b.manifest.get('post:7')).toEqual({ expired: 1_000, stale: 1_000 })

    a.manifest.set('_N_T_/en/x', { expired: 2_000 })
    a.log.append(['_N_T_/en/x'], a.manifest)
    b.manifest.set('post:7', { expired: 5_000 }) // b's own later revalidation: lines already read are not applied again
    b.log.sync(b.manifest)
    expect(b.manifest.get('_N_T_/en/x')).toEqual({ expired: 2_000 })
    expect(b.manifest.get('post:7')).toEqual({ expired: 5_000 })
  })

  it('keeps a line still being written for the next sync', () => {
    const file = tempFile()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, '{"tag":"a","expired":1}\n{"tag":"b","exp')
    const manifest: Manifest = new Map()
    const log = new TagLog(file)
    log.sync(manifest)
    expect([...manifest.keys()]).toEqual(['a'])
    fs.appendFileSync(file, 'ired":2}\n')
    log.sync(manifest)
    expect(manifest.get('b')).toEqual({ expired: 2 })
  })

  it('compaction keeps the latest entry per tag, and readers start over on the new file', () => {
    const file = tempFile()
    const writer = { log: new TagLog(file), manifest: new Map() as Manifest }
    for (const expired of [1, 3, 2]) {
      writer.manifest.set('posts', { expired })
      writer.log.append(['posts'], writer.manifest)
    }
    const before = { log: new TagLog(file), manifest: new Map() as Manifest }
    before.log.sync(before.manifest)
    compactTagLog(file)
    expect(fs.readFileSync(file, 'utf8')).toBe('{"tag":"posts","expired":3}\n')
    const fresh: Manifest = new Map()
    new TagLog(file).sync(fresh)
    expect(fresh.get('posts')).toEqual({ expired: 3 })
    compactTagLog(path.join(path.dirname(file), 'missing.log')) // nothing to do
  })

  it('merges per field, the later time winning, and skips malformed lines', () => {
    expect(mergeTagEntry({ expired: 5, stale: 1 }, { expired: 3, stale: 4 })).toEqual({ expired: 5, stale: 4 })
    const manifest: Manifest = new Map()
    applyTagLines(manifest, 'nonsense\n{"no":"tag"}\n{"tag":"x","stale":9}\n\n')
    expect([...manifest]).toEqual([['x', { stale: 9 }]])
  })
})
