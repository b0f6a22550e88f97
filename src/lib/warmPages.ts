/**
 * Renders pages by requesting them from the server itself, so the next reader — and the next
 * database outage — finds them cached: right after a publish purged them (revalidateSite), and
 * right after a start, the most recent and the most read pages (warmOnStart).
 */
import { WARM_USER_AGENT } from './server/countedRead.mjs'
import { mostRead, type Reads } from './server/pageReads'

export interface WarmResult {
  /** Paths answered below 500 (rendered and cached; a 404 is the page of an unpublished post). */
  warmed: string[]
  /** Paths that failed (status or network error), with why. */
  failed: { path: string; reason: string }[]
  ms: number
}

export interface WarmOptions {
  /** Requests at once; rendering is CPU-bound, so few. @default 2 */
  concurrency?: number
  /** Per request. @default 30_000 */
  timeoutMs?: number
}

/** GETs every path from `origin` (anonymously, as a reader would) and reads the bodies. */
export async function warmPages(origin: string, paths: string[], { concurrency = 2, timeoutMs = 30_000 }: WarmOptions = {}): Promise<WarmResult> {
  const started = performance.now()
  const queue = [...new Set(paths)]
  const result: WarmResult = { failed: [], ms: 0, warmed: [] }
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      try {
        const response = await fetch(new URL(path, origin), {
          // not a reader: left out of the page reads (src/lib/server/countedRead.mjs)
          headers: { 'User-Agent': WARM_USER_AGENT },
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
        await response.arrayBuffer()
        if (response.status < 500) result.warmed.push(path)
        else result.failed.push({ path, reason: `HTTP ${response.status}` })
      } catch (error) {
        result.failed.push({ path, reason: (error as Error).message })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  result.ms = Math.round(performance.now() - started)
  return result
}

/**
 * This server's own origin: CACHE_WARM_ORIGIN when set, else the one `next start` / `next dev`
 * listens on (Next records it in `__NEXT_PRIVATE_ORIGIN` and PORT).
 */
export function ownOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CACHE_WARM_ORIGIN) return env.CACHE_WARM_ORIGIN
  if (env.__NEXT_PRIVATE_ORIGIN) return env.__NEXT_PRIVATE_ORIGIN
  return env.PORT ? `http://127.0.0.1:${env.PORT}` : undefined
}

/** Pages of a sitemap, newest first: the homes (no date, top priority), then by `<lastmod>`. */
export function sitemapPages(xml: string): string[] {
  const pages: { path: string; rank: number }[] = []
  for (const [entry] of xml.matchAll(/<url>[\s\S]*?<\/url>/g)) {
    const loc = /<loc>([^<]+)<\/loc>/.exec(entry)?.[1]
    if (!loc) continue
    let path: string
    try {
      path = new URL(loc.replaceAll('&amp;', '&')).pathname
    } catch {
      continue
    }
    const modified = Date.parse(/<lastmod>([^<]+)<\/lastmod>/.exec(entry)?.[1] ?? '')
    const priority = Number(/<priority>([^<]+)<\/priority>/.exec(entry)?.[1] ?? 0)
    pages.push({ path, rank: Number.isFinite(modified) ? modified : priority >= 1 ? Infinity : -Infinity })
  }
  return pages.sort((a, b) => b.rank - a.rank).map((page) => page.path)
}

/**
 * The pages to warm after a start: the most read and the most recent, taken in turns (the most
 * read first), each once, at most `limit`.
 */
export function pagesToWarm({ limit, reads, recent }: { limit: number; reads: Reads; recent: string[] }): string[] {
  const read = mostRead(reads)
  const chosen = new Set<string>()
  for (let i = 0; chosen.size < limit && (i < read.length || i < recent.length); i++) {
    if (i < read.length) chosen.add(read[i])
    if (chosen.size < limit && i < recent.length) chosen.add(recent[i])
  }
  return [...chosen]
}

/** Pages warmed after a start, from WARM_PAGES (default 1000; 0: none). */
export function warmPagesOnStart(env: Record<string, string | undefined> = process.env): number {
  if (env.CACHE_WARM === 'false') return 0
  const value = env.WARM_PAGES?.trim()
  if (!value) return 1000
  const count = Number(value)
  if (!Number.isInteger(count) || count < 0) throw new Error(`WARM_PAGES must be a whole number, 0 to turn the warm-up off (got "${value}")`)
  return count
}

export interface StartWarmResult extends WarmResult {
  /** Pages asked for. */
  pages: number
  /** Of which among the most read. */
  mostRead: number
}

/** The files a sitemap index names, as paths, in its order (none for a plain urlset). */
export function sitemapIndexFiles(xml: string): string[] {
  const files: string[] = []
  for (const [entry] of xml.matchAll(/<sitemap>[\s\S]*?<\/sitemap>/g)) {
    const loc = /<loc>([^<]+)<\/loc>/.exec(entry)?.[1]
    if (!loc) continue
    try {
      files.push(new URL(loc.replaceAll('&amp;', '&')).pathname)
    } catch {
      // not a URL: skipped
    }
  }
  return files
}

/**
 * The most recent pages from the site's sitemap, newest first: the index, then its files in
 * order — the pages file, then the posts files, newest posts first (src/lib/site/sitemapFiles.ts)
 * — only until `limit` posts are known, so a large archive costs one small file, not all.
 */
export async function recentPages(origin: string, limit: number, { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<string[]> {
  const read = async (path: string): Promise<string | undefined> => {
    try {
      const response = await fetch(new URL(path, origin), { headers: { 'User-Agent': WARM_USER_AGENT }, signal: AbortSignal.timeout(timeoutMs) })
      return response.ok ? await response.text() : undefined
    } catch {
      return undefined
    }
  }
  const index = await read('/sitemap.xml')
  if (index === undefined) return []
  const files = sitemapIndexFiles(index)
  if (files.length === 0) return sitemapPages(index)
  let xml = ''
  let posts = 0
  for (const file of files) {
    const text = await read(file)
    if (text === undefined) continue
    xml += text
    if (file.includes('/posts-')) posts += sitemapPages(text).length
    if (posts >= limit) break
  }
  return sitemapPages(xml)
}

/**
 * The warm-up after a start: reads the sitemap for the most recent pages, ranks them with the
 * saved reads (pagesToWarm) and renders up to `limit` of them.
 */
export async function warmOnStart(origin: string, { concurrency, limit, reads }: { concurrency: number; limit: number; reads: Reads }): Promise<StartWarmResult> {
  const started = performance.now()
  // no sitemap (database down): the most read pages only
  const recent = await recentPages(origin, limit)
  const paths = pagesToWarm({ limit, reads, recent })
  const topRead = new Set(mostRead(reads, paths.length))
  const result = await warmPages(origin, paths, { concurrency })
  return { ...result, mostRead: paths.filter((path) => topRead.has(path)).length, ms: Math.round(performance.now() - started), pages: paths.length }
}
