/**
 * Presentation settings of the public site, in one place. Data (posts, authors …) lives in
 * Payload; the languages come from the plugin options in src/lib/siteOptions.ts.
 */
export const siteSettings = {
  /** Shown in the header, the footer, feeds and page titles. */
  siteName: 'Policy Posts',
  /**
   * Print the author's surname in capitals ("Ergün MAMEDOV"), as many think tanks do.
   * Only the rendering changes; the stored name stays as typed.
   */
  surnameInCapitals: true,
  /** Posts per listing page (home, category, author, search). */
  postsPerPage: 10,
  /** Items in each language's RSS feed. */
  feedItems: 20,
  /** Similar posts under an article. */
  similarPostsLimit: 3,
} as const

/**
 * The public origin, without a trailing slash, for canonical URLs, feeds and the sitemap.
 * SITE_URL wins; NEXT_PUBLIC_SERVER_URL (Payload's serverURL) is the fallback. The name is
 * assembled at run time so Next does not inline the build machine's value.
 */
const PUBLIC_SERVER_URL = ['NEXT', 'PUBLIC', 'SERVER', 'URL'].join('_')

export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.SITE_URL || env[PUBLIC_SERVER_URL] || 'http://localhost:3000'
  return url.replace(/\/+$/, '')
}

/** Whether the public origin is configured (else siteUrl() is a development guess). */
export const hasConfiguredSiteUrl = (env: NodeJS.ProcessEnv = process.env): boolean =>
  Boolean(env.SITE_URL || env[PUBLIC_SERVER_URL])

export const absoluteUrl = (path: string): string => `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`
