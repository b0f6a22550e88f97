/** Sitemap protocol XML (urlset and sitemap index) with `xhtml:link` hreflang alternates. */

export interface SitemapEntry {
  url: string
  /** hreflang (or x-default) → URL */
  alternates?: Record<string, string>
  lastModified?: string
  changeFrequency?: 'always' | 'daily' | 'hourly' | 'monthly' | 'never' | 'weekly' | 'yearly'
  priority?: number
}

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' })[char]!)

export function urlsetXml(entries: SitemapEntry[]): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
  ]
  for (const entry of entries) {
    parts.push(`<url>\n<loc>${escapeXml(entry.url)}</loc>\n`)
    for (const [language, href] of Object.entries(entry.alternates ?? {})) {
      parts.push(`<xhtml:link rel="alternate" hreflang="${escapeXml(language)}" href="${escapeXml(href)}" />\n`)
    }
    if (entry.lastModified) parts.push(`<lastmod>${escapeXml(new Date(entry.lastModified).toISOString())}</lastmod>\n`)
    if (entry.changeFrequency) parts.push(`<changefreq>${entry.changeFrequency}</changefreq>\n`)
    if (entry.priority !== undefined) parts.push(`<priority>${entry.priority}</priority>\n`)
    parts.push('</url>\n')
  }
  parts.push('</urlset>\n')
  return parts.join('')
}

export function sitemapIndexXml(locations: string[]): string {
  const files = locations.map((loc) => `<sitemap>\n<loc>${escapeXml(loc)}</loc>\n</sitemap>\n`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files}</sitemapindex>\n`
}

export const xmlResponse = (xml: string, status = 200): Response =>
  new Response(xml, { headers: { 'Cache-Control': 'public, max-age=0, must-revalidate', 'Content-Type': 'application/xml; charset=utf-8' }, status })
