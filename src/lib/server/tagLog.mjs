// Revalidated cache tags shared by the server processes of one site: an append-only file of
// JSON lines `{"tag", "stale", "expired"}` (epoch ms, as in Next's own tags manifest). Every
// process appends its revalidations and, before each cache read, folds the lines other
// processes appended since its last look into its in-memory manifest. Appends of one short
// line are atomic on a local file system, so concurrent writers never lose each other's lines.
import fs from 'node:fs'
import path from 'node:path'

/** Keeps the later of two timestamps per field (a revalidation never becomes older). */
export function mergeTagEntry(current, update) {
  const merged = { ...current }
  for (const field of ['stale', 'expired']) {
    const value = update[field]
    if (typeof value === 'number' && !(typeof merged[field] === 'number' && merged[field] >= value)) merged[field] = value
  }
  return merged
}

/** Folds JSON lines into `manifest` (a Map of tag → { stale?, expired? }); malformed lines are skipped. */
export function applyTagLines(manifest, text) {
  for (const line of text.split('\n')) {
    if (!line) continue
    let entry
    try {
      entry = JSON.parse(line)
    } catch {
      continue
    }
    if (typeof entry?.tag !== 'string') continue
    manifest.set(entry.tag, mergeTagEntry(manifest.get(entry.tag) ?? {}, entry))
  }
}

export class TagLog {
  #offset = 0
  #inode = -1
  #partial = ''

  constructor(file) {
    this.file = file
  }

  /** Appends the tags' current entries of `manifest`. */
  append(tags, manifest) {
    const lines = tags.map((tag) => JSON.stringify({ tag, ...manifest.get(tag) }) + '\n').join('')
    if (!lines) return
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.appendFileSync(this.file, lines)
  }

  /** Reads what was appended since the last call into `manifest`; a stat when nothing was. */
  sync(manifest) {
    let stat
    try {
      // a missing file (none until the first revalidation) without an exception: this runs on every cache read
      stat = fs.statSync(this.file, { throwIfNoEntry: false })
    } catch {
      return
    }
    if (!stat) return
    if (stat.ino !== this.#inode) {
      // a new file (first look, or compacted before the processes started): read it whole
      this.#inode = stat.ino
      this.#offset = 0
      this.#partial = ''
    }
    if (stat.size <= this.#offset) return
    const length = stat.size - this.#offset
    const buffer = Buffer.alloc(length)
    const fd = fs.openSync(this.file, 'r')
    let read = 0
    try {
      read = fs.readSync(fd, buffer, 0, length, this.#offset)
    } finally {
      fs.closeSync(fd)
    }
    this.#offset += read
    const text = this.#partial + buffer.subarray(0, read).toString('utf8')
    const end = text.lastIndexOf('\n') + 1
    // a line still being written stays for the next look
    this.#partial = text.slice(end)
    applyTagLines(manifest, text.slice(0, end))
  }
}

/**
 * Rewrites the log with one line per tag. Only while no server process runs (the primary
 * calls it before starting them): a process reading the old file would miss the new one's lines.
 */
export function compactTagLog(file) {
  let text
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return
  }
  const manifest = new Map()
  applyTagLines(manifest, text)
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, [...manifest].map(([tag, entry]) => JSON.stringify({ tag, ...entry }) + '\n').join(''))
  fs.renameSync(temporary, file)
}

/** Where the processes serving the build in `serverDistDir` (`.next/server`) keep the log. */
export function tagLogPath(serverDistDir) {
  return path.join(serverDistDir, '..', 'cache', 'revalidated-tags.log')
}
