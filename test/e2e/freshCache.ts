import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * `next start` keeps ISR pages and data-cache entries in .next/ across runs, keyed by path,
 * not by database: a page cached by an earlier run (another database) would be served to
 * this one. Start from an empty cache.
 */
export function clearNextCache(): void {
  for (const dir of ['.next/server/route-cache', '.next/cache/fetch-cache']) {
    fs.rmSync(path.join(root, dir), { force: true, recursive: true })
  }
}
