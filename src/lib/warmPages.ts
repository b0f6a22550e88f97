/**
 * Renders pages again right after their cache entries were purged, by requesting them from the
 * server itself, so the next reader — and the next database outage — finds them cached.
 */

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
        const response = await fetch(new URL(path, origin), { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
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
