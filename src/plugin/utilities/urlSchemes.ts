/**
 * The one set of URL scheme rules: footnote URLs, links in post bodies, links found in citation
 * text and imported articles, and the site's rendering of body links all use these.
 */

/** Schemes of absolute web addresses: footnote URLs and links in citation text. */
const WEB_SCHEMES = new Set(['http', 'https'])

/** Link schemes a post body may use; anything else (javascript:, data:, vbscript:, file: …) is refused. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel']

/**
 * The scheme of `url` as a browser would read it: browsers ignore leading spaces and control
 * characters and tabs or newlines anywhere in a URL ("java\tscript:" runs as "javascript:").
 * Undefined for relative URLs ("/en/x", "#note-1", "page?x=1").
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '')
  // Percent-encoded or entity-encoded schemes ("javascript&#58;…") never reach a browser as a
  // scheme through React's attribute escaping, but refuse them all the same.
  const match = /^([a-z][a-z0-9+.-]*)(?::|&#0*58;?|&colon;|%3a)/i.exec(cleaned)
  return match ? match[1].toLowerCase() : undefined
}

/** A relative link, or one whose scheme is in `LINK_SCHEMES`. */
export const isSafeLinkUrl = (url: string): boolean => {
  const scheme = urlScheme(url)
  return scheme === undefined || LINK_SCHEMES.includes(scheme)
}

/** An absolute http(s) address without spaces, e.g. a URL found in a citation's text. */
export const isHttpUrl = (url: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url) && WEB_SCHEMES.has(urlScheme(url) ?? '')

/** `true` or a message: only absolute http(s) URLs are accepted (no javascript:, data:, …). */
export function validateHttpUrl(value: unknown): string | true {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'The URL must be text.'
  if (value.length > 2048) return 'The URL is longer than 2048 characters.'
  const scheme = urlScheme(value.trim())
  if (scheme !== undefined && !WEB_SCHEMES.has(scheme)) return `Only http and https URLs are allowed, not "${scheme}:".`
  try {
    new URL(value.trim())
  } catch {
    return `"${value.slice(0, 80)}" is not a valid URL: use a full address starting with https://`
  }
  return true
}
