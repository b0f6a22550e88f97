/**
 * Which requests the proxy (src/proxy.ts) sees, through Next's own compiler of `config.matcher`
 * and its rule of trying the raw and the decoded path: the API and every address a malformed
 * escape can arrive in, and not the plain page addresses, which skip the proxy's cost.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

import { config } from '../../src/proxy'

// Next's compiler (not in its type declarations): matcher source → the regexp the server tests.
const { getMiddlewareMatchers } = createRequire(import.meta.url)('next/dist/build/analysis/get-page-static-info.js') as {
  getMiddlewareMatchers: (matchers: string[], nextConfig: object) => { regexp: string }[]
}
const matchers = getMiddlewareMatchers(config.matcher, {}).map((matcher) => new RegExp(matcher.regexp))

function proxied(rawPath: string): boolean {
  let decoded = rawPath
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    // as Next: a path that cannot be decoded is matched raw only
  }
  return matchers.some((matcher) => matcher.test(rawPath) || matcher.test(decoded))
}

describe('the proxy matcher', () => {
  it.each(['/api/posts', '/api/posts/12', '/api/graphql', '/api/users/login'])('runs for the API: %s', (p) => {
    expect(proxied(p)).toBe(true)
  })

  it.each(['/en/%00', '/en/a%00b', '/%E0%A4', '/tr/search/%C3', '/en/authors/%00', '/tr/%C3%A7ok'])('runs for an address with a percent-escape: %s', (p) => {
    expect(proxied(p)).toBe(true)
  })

  it.each(['/', '/en', '/en/a-policy-analysis', '/tr/bir-analiz', '/en/authors/jane-doe', '/en/feed.xml', '/sitemap.xml', '/admin', '/_next/static/chunks/app.js'])(
    'skips a plain address: %s',
    (p) => {
      expect(proxied(p)).toBe(false)
    },
  )
})
