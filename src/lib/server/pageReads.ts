import fs from 'node:fs'
import path from 'node:path'

/**
 * Page reads per path, counted by the server processes and kept by the primary in a small JSON
 * file outside .next/ (PAGE_READS_FILE, default .data/page-reads.json), so the pages readers
 * read most are known again after a restart or a new build (the warm-up, src/lib/warmPages.ts).
 */
export type Reads = Record<string, number>

/** Paths kept in the file: the most read ones. */
export const MAX_TRACKED_PAGES = 10_000

/** Adds `more` to `reads` (in place) and returns it. */
export function addReads(reads: Reads, more: Reads): Reads {
  for (const [page, count] of Object.entries(more)) {
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) reads[page] = (reads[page] ?? 0) + count
  }
  return reads
}

/** The `limit` most read paths, most read first (ties by path, for a stable order). */
export function mostRead(reads: Reads, limit = Infinity): string[] {
  return Object.entries(reads)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([page]) => page)
}

export function pageReadsFile(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.PAGE_READS_FILE || '.data/page-reads.json')
}

/** The saved counts; empty when there is no file yet or it cannot be read. */
export function loadReads(file: string): Reads {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { reads?: unknown }
    return saved.reads && typeof saved.reads === 'object' ? addReads({}, saved.reads as Reads) : {}
  } catch {
    return {}
  }
}

/** Writes the most read MAX_TRACKED_PAGES paths (temporary file, then rename). */
export function saveReads(file: string, reads: Reads): void {
  const kept: Reads = {}
  for (const page of mostRead(reads, MAX_TRACKED_PAGES)) kept[page] = reads[page]
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify({ reads: kept, savedAt: new Date().toISOString() }))
  fs.renameSync(temporary, file)
}
