/**
 * Where the header's link to another language should go from the current page: the page's
 * own hreflang alternate for that language (a post's published translation, the same author,
 * category or home), else the same search in that language (query kept), else its home.
 */
export function languageSwitchTarget({
  alternates,
  pathname,
  search,
  target,
}: {
  /** hreflang → URL, from the page's `<link rel="alternate" hreflang>` tags. */
  alternates: Readonly<Record<string, string>>
  pathname: string
  search: string
  target: string
}): string {
  const alternate = alternates[target]
  if (alternate) {
    // Only the path: the configured public origin may differ from the one being browsed.
    const url = new URL(alternate, 'http://placeholder.invalid')
    return `${url.pathname}${url.search}`
  }
  const segments = pathname.split('/').filter(Boolean)
  if (segments.length === 2 && segments[1] === 'search') {
    const q = new URLSearchParams(search).get('q')
    return q ? `/${target}/search?q=${encodeURIComponent(q)}` : `/${target}/search`
  }
  return `/${target}`
}
