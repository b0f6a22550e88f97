/** Public paths of the site: the routes under src/app/(frontend). */
export const homePath = (lang: string): string => `/${lang}`

export const postPath = (post: { language: string; slug?: null | string }): string => `/${post.language}/${post.slug ?? ''}`

export const authorPath = (lang: string, slug?: null | string): string =>
  `/${lang}/authors/${encodeURIComponent(slug ?? '')}`

export const categoryPath = (lang: string, slug?: null | string): string =>
  `/${lang}/categories/${encodeURIComponent(slug ?? '')}`

export const searchPath = (lang: string, q?: string): string =>
  q ? `/${lang}/search?q=${encodeURIComponent(q)}` : `/${lang}/search`

export const feedPath = (lang: string): string => `/${lang}/feed.xml`

export const sitemapPath = '/sitemap.xml'
