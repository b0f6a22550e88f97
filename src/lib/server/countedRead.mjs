// Which responses count as a reader's page read for the warm-up after a start (src/lib/warmPages.ts).

/** The User-Agent of the server's own warming requests, which are not reads. */
export const WARM_USER_AGENT = 'policy-posts-cache-warm'

const NOT_PAGES = /^\/(?:admin|api|_next)(?:\/|$)/

/**
 * The path of a page a reader got (GET, 200, HTML, not the admin, API or Next's assets, not the
 * server warming itself), without its query; undefined for anything else.
 * @param {{ method?: string, url?: string, status: number, contentType?: unknown, userAgent?: string }} response
 * @returns {string | undefined}
 */
export function countedRead({ contentType, method, status, url, userAgent }) {
  if (method !== 'GET' || status !== 200 || !url || userAgent === WARM_USER_AGENT) return undefined
  if (typeof contentType !== 'string' || !contentType.startsWith('text/html')) return undefined
  const path = url.split(/[?#]/, 1)[0]
  if (!path.startsWith('/') || path.startsWith('//') || path.length > 300 || NOT_PAGES.test(path)) return undefined
  return path
}
