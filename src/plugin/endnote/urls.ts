/** URL helpers shared by the citation renderer and the article importer. */

/** Anything that looks like a link: `scheme://…` or a bare `www.…`. */
export const URL_LIKE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"“”]+/gi

/**
 * Drops what usually follows a URL in prose: a full stop or comma, and a closing parenthesis
 * that has no opening partner inside the URL (…/wiki/A_(b) keeps its own).
 */
export function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?'’]+$/, '')
  const count = (s: string, c: string): number => s.split(c).length - 1
  while (url.endsWith(')') && count(url, '(') < count(url, ')')) {
    url = url.slice(0, -1).replace(/[.,;:!?'’]+$/, '')
  }
  return url
}

export type UrlMatch = { index: number; url: string }

/** Every URL-like run in `text`, trimmed of trailing punctuation, in order. */
export function findUrls(text: string): UrlMatch[] {
  return Array.from(text.matchAll(URL_LIKE), (m) => ({ index: m.index ?? 0, url: trimUrl(m[0]) }))
}
