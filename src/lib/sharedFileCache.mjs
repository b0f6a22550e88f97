// The Next.js cache of a site served by several processes on one machine (`npm start` with
// WEB_CONCURRENCY > 1, see src/lib/server/cluster.ts), used whenever REDIS_URL is not set.
//
// Next's own file-system cache already keeps rendered pages and `unstable_cache` data in files
// under .next/, which every process reads; what it keeps per process is a memory copy of recent
// entries and the list of revalidated tags. This handler shares the tags: a revalidation
// (revalidateTag / revalidatePath) is appended to .next/cache/revalidated-tags.log, and each
// process reads the lines of the others before every cache read, so a page or data entry a
// publish on another process expired is expired here too. A memory copy found expired is
// dropped and the files are read again: the other process may already have rendered the page.
// Entries are written to a temporary file and renamed, so a reader never sees half a page.
//
// A write whose render began before the newest revalidation of one of its tags is dropped, and
// a kept one is dated by its render's start, not by the write (src/lib/cacheWrites.mjs): the
// date Next compares with a tag's revalidation is the files' mtime, set before the rename.
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import crypto from 'node:crypto'

import { cacheWriteDecision, entryTags, isStaleHit, tagRevalidatedAt } from './cacheWrites.mjs'
import { RenderStarts } from './renderStarts.mjs'
import { TagLog, tagLogPath } from './server/tagLog.mjs'

const require = createRequire(import.meta.url)
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default
const { areTagsStale, tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js')

// The render start of the entry being written, for the files of that write.
const writeDate = new AsyncLocalStorage()

async function writeFileAtomically(file, data) {
  const temporary = `${file}.${crypto.randomUUID()}.tmp`
  try {
    await fs.promises.writeFile(temporary, data)
    const lastModified = writeDate.getStore()
    if (typeof lastModified === 'number') await fs.promises.utimes(temporary, lastModified / 1000, lastModified / 1000)
    await fs.promises.rename(temporary, file)
  } catch (error) {
    await fs.promises.unlink(temporary).catch(() => undefined)
    throw error
  }
}

// One log reader per process, however often Next constructs the handler (once per request).
const logs = new Map()
const renderStarts = new RenderStarts()

export default class SharedFileCache extends FileSystemCache {
  constructor(context) {
    super({ ...context, fs: context.fs && { ...context.fs, writeFile: writeFileAtomically } })
    // The proxy (src/proxy.ts) gets a cache without files (no `fs`, no directory), as with Next's
    // default handler: nothing is cached there.
    this.inert = !context.fs || !context.serverDistDir
    if (this.inert) return
    const file = tagLogPath(context.serverDistDir)
    if (!logs.has(file)) logs.set(file, new TagLog(file))
    this.tagLog = logs.get(file)
  }

  async get(key, context) {
    if (this.inert) return null
    const now = Date.now()
    const data = await this.#read(key, context)
    const rendersAgain = !data || isStaleHit(data, context, now) || areTagsStale(entryTags(data.value, context), data.lastModified)
    if (rendersAgain) renderStarts.noteRead(key, now)
    return data
  }

  async #read(key, context) {
    this.tagLog.sync(tagsManifest)
    const data = await super.get(key, context)
    if (data) return data
    const memory = FileSystemCache.memoryCache
    if (!memory?.has(key)) return null
    memory.remove(key)
    return super.get(key, context)
  }

  async set(key, data, context) {
    if (this.inert) return
    this.tagLog.sync(tagsManifest)
    const now = Date.now()
    const { lastModified, store } = cacheWriteDecision({
      revalidatedAt: entryTags(data, context).map((tag) => tagRevalidatedAt(tagsManifest.get(tag), now)),
      startedAt: renderStarts.takeStart(key, now),
      writtenAt: now,
    })
    if (!store) return
    await writeDate.run(lastModified, async () => {
      const written = super.set(key, data, context)
      // Next has put the memory copy in place synchronously, dated now
      const copy = FileSystemCache.memoryCache?.get(key)
      if (copy) copy.lastModified = lastModified
      await written
    })
  }

  async revalidateTag(tags, durations) {
    this.tagLog?.sync(tagsManifest)
    await super.revalidateTag(tags, durations)
    this.tagLog?.append(typeof tags === 'string' ? [tags] : tags, tagsManifest)
  }
}
