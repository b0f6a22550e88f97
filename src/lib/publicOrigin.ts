/** The name is assembled at run time so Next does not inline the build machine's value. */
const PUBLIC_SERVER_URL = ['NEXT', 'PUBLIC', 'SERVER', 'URL'].join('_')

/**
 * Production refuses to run without the public origin (SITE_URL or NEXT_PUBLIC_SERVER_URL):
 * canonical links, hreflang, JSON-LD, the feeds, the sitemap, robots.txt, CSRF and CORS are
 * all built from it, and a silent `http://localhost:3000` in them is wrong for every reader.
 */
export function requirePublicOrigin(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production' || env.NEXT_PHASE === 'phase-production-build') return
  const name = env.SITE_URL ? 'SITE_URL' : PUBLIC_SERVER_URL
  const value = env.SITE_URL || env[PUBLIC_SERVER_URL]
  if (!value) {
    throw new Error(
      `${PUBLIC_SERVER_URL} must be set to the site's public origin in production (e.g. https://policy.example.org): links, feeds, the sitemap and CSRF/CORS are built from it.`,
    )
  }
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
    throw new Error(`${name} must be an origin such as https://policy.example.org (http or https, no path); it is "${value}".`)
  }
}
