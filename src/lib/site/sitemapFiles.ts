/**
 * How the sitemap is split: `/sitemap.xml` is a sitemap index naming `/sitemaps/pages.xml`
 * (homes, categories, authors) and `/sitemaps/posts-1.xml` … with the published posts, newest
 * first, a fixed number per file (the protocol allows 50,000 URLs and 50 MB per file). Small
 * files keep one file's slice, its XML and its data-cache entry well inside a server process's
 * memory budget. Newest first, so the first posts file is also the list of recent pages the
 * warm-up after a start reads.
 */

export const DEFAULT_URLS_PER_FILE = 5_000
export const PAGES_FILE = 'pages'

export const sitemapFilePath = (name: string): string => `/sitemaps/${name}.xml`

/** Posts per sitemap file, from SITEMAP_URLS_PER_FILE (1 to 50,000; default 5,000). */
export function sitemapUrlsPerFile(env: Record<string, string | undefined> = process.env): number {
  const value = env.SITEMAP_URLS_PER_FILE?.trim()
  if (!value) return DEFAULT_URLS_PER_FILE
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1 || count > 50_000) throw new Error(`SITEMAP_URLS_PER_FILE must be a whole number from 1 to 50000 (got "${value}")`)
  return count
}

/** The files of the index: the pages file, then one posts file per `perFile` posts (at least one). */
export function sitemapFileNames(posts: number, perFile: number): string[] {
  const files = Math.max(1, Math.ceil(posts / perFile))
  return [PAGES_FILE, ...Array.from({ length: files }, (_, i) => `posts-${i + 1}`)]
}

export type SitemapFile = { kind: 'pages' } | { kind: 'posts'; limit: number; number: number; offset: number }

/** What a requested file name (`pages.xml`, `posts-3.xml`) holds; null for anything else. */
export function parseSitemapFile(fileName: string, perFile: number): null | SitemapFile {
  if (fileName === `${PAGES_FILE}.xml`) return { kind: 'pages' }
  const match = /^posts-([1-9]\d{0,5})\.xml$/.exec(fileName)
  if (!match) return null
  const number = Number(match[1])
  return { kind: 'posts', limit: perFile, number, offset: (number - 1) * perFile }
}
