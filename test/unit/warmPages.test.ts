import type { AddressInfo } from 'node:net'

import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ownOrigin, warmPages } from '../../src/lib/warmPages'

const requested: string[] = []
let server: http.Server
let origin: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(`${req.method} ${req.url} ${req.headers.authorization ?? 'anonymous'}`)
    if (req.url === '/broken') res.statusCode = 500
    if (req.url === '/en/unpublished') res.statusCode = 404
    if (req.url === '/') {
      res.statusCode = 307
      res.setHeader('Location', '/en')
    }
    res.end(`page ${req.url}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('warmPages', () => {
  it('requests every path once, anonymously, and reports failures', async () => {
    const result = await warmPages(origin, ['/en/post', '/en', '/en/post', '/sitemap.xml', '/broken', '/', '/en/unpublished'], { concurrency: 2 })
    expect(requested.sort()).toEqual([
      'GET / anonymous',
      'GET /broken anonymous',
      'GET /en anonymous',
      'GET /en/post anonymous',
      'GET /en/unpublished anonymous',
      'GET /sitemap.xml anonymous',
    ])
    // An unpublished post's page is a 404 to render and cache like any other.
    expect(result.warmed.sort()).toEqual(['/', '/en', '/en/post', '/en/unpublished', '/sitemap.xml'])
    expect(result.failed).toEqual([{ path: '/broken', reason: 'HTTP 500' }])
    expect(result.ms).toBeGreaterThanOrEqual(0)
  })

  it('reports a server that is not there as failed, not thrown', async () => {
    const result = await warmPages('http://127.0.0.1:1', ['/en'], { timeoutMs: 2_000 })
    expect(result.warmed).toEqual([])
    expect(result.failed).toHaveLength(1)
  })
})

describe('ownOrigin', () => {
  it('prefers CACHE_WARM_ORIGIN, then the origin Next listens on, then PORT', () => {
    expect(ownOrigin({ CACHE_WARM_ORIGIN: 'http://10.0.0.5:3000', __NEXT_PRIVATE_ORIGIN: 'http://localhost:3000' })).toBe('http://10.0.0.5:3000')
    expect(ownOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:4100', PORT: '4100' })).toBe('http://127.0.0.1:4100')
    expect(ownOrigin({ PORT: '4200' })).toBe('http://127.0.0.1:4200')
    expect(ownOrigin({})).toBeUndefined()
  })
})

describe('warming after a start', () => {
  it('reads the sitemap newest first: homes, then posts by <lastmod>, then undated pages', async () => {
    const { sitemapPages } = await import('../../src/lib/warmPages')
    const xml = `<?xml version="1.0"?><urlset>
      <url><loc>https://site.example/en/category/trade</loc><priority>0.5</priority></url>
      <url><loc>https://site.example/en/old</loc><lastmod>2024-01-01T00:00:00.000Z</lastmod><priority>0.8</priority></url>
      <url><loc>https://site.example/en</loc><priority>1</priority></url>
      <url><loc>https://site.example/tr/yeni?x=1&amp;y=2</loc><lastmod>2025-06-01T00:00:00.000Z</lastmod><priority>0.8</priority></url>
      <url><loc>not a url</loc></url>
    </urlset>`
    expect(sitemapPages(xml)).toEqual(['/en', '/tr/yeni', '/en/old', '/en/category/trade'])
  })

  it('takes the most read and the most recent in turns, each once, up to the limit', async () => {
    const { pagesToWarm } = await import('../../src/lib/warmPages')
    const reads = { '/en/popular': 50, '/en/second': 20, '/en/new': 5 }
    const recent = ['/en', '/en/new', '/tr', '/en/older']
    expect(pagesToWarm({ limit: 10, reads, recent })).toEqual(['/en/popular', '/en', '/en/second', '/en/new', '/tr', '/en/older'])
    expect(pagesToWarm({ limit: 3, reads, recent })).toEqual(['/en/popular', '/en', '/en/second'])
    expect(pagesToWarm({ limit: 0, reads, recent })).toEqual([])
    expect(pagesToWarm({ limit: 2, reads: {}, recent })).toEqual(['/en', '/en/new'])
  })

  it('WARM_PAGES: 1000 by default, 0 or CACHE_WARM=false turn it off, nonsense is refused', async () => {
    const { warmPagesOnStart } = await import('../../src/lib/warmPages')
    expect(warmPagesOnStart({})).toBe(1000)
    expect(warmPagesOnStart({ WARM_PAGES: '250' })).toBe(250)
    expect(warmPagesOnStart({ WARM_PAGES: '0' })).toBe(0)
    expect(warmPagesOnStart({ CACHE_WARM: 'false', WARM_PAGES: '250' })).toBe(0)
    expect(() => warmPagesOnStart({ WARM_PAGES: '-1' })).toThrow(/WARM_PAGES/)
  })

  it('reads a sitemap index only up to the posts files it needs, newest first', async () => {
    const { sitemapIndexFiles, warmOnStart } = await import('../../src/lib/warmPages')
    const index = `<sitemapindex><sitemap><loc>http://x/sitemaps/pages.xml</loc></sitemap><sitemap><loc>http://x/sitemaps/posts-1.xml</loc></sitemap><sitemap><loc>http://x/sitemaps/posts-2.xml</loc></sitemap></sitemapindex>`
    expect(sitemapIndexFiles(index)).toEqual(['/sitemaps/pages.xml', '/sitemaps/posts-1.xml', '/sitemaps/posts-2.xml'])
    expect(sitemapIndexFiles('<urlset><url><loc>http://x/en</loc></url></urlset>')).toEqual([])
    const files: Record<string, string> = {
      '/sitemap.xml': index,
      '/sitemaps/pages.xml': `<urlset><url><loc>http://x/en</loc><priority>1</priority></url><url><loc>http://x/en/authors/a</loc><priority>0.4</priority></url></urlset>`,
      '/sitemaps/posts-1.xml': `<urlset><url><loc>http://x/en/older</loc><lastmod>2025-01-01</lastmod></url><url><loc>http://x/en/newest</loc><lastmod>2025-03-01</lastmod></url></urlset>`,
      '/sitemaps/posts-2.xml': `<urlset><url><loc>http://x/en/oldest</loc><lastmod>2024-01-01</lastmod></url></urlset>`,
    }
    const requested: string[] = []
    const site = http.createServer((req, res) => {
      requested.push(req.url!)
      if (files[req.url!]) return res.end(files[req.url!])
      res.end('page')
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    try {
      const result = await warmOnStart(`http://127.0.0.1:${(site.address() as AddressInfo).port}`, { concurrency: 1, limit: 2, reads: {} })
      expect(result.warmed).toEqual(['/en', '/en/newest'])
      expect(requested).not.toContain('/sitemaps/posts-2.xml')
      const all = await warmOnStart(`http://127.0.0.1:${(site.address() as AddressInfo).port}`, { concurrency: 1, limit: 10, reads: {} })
      expect(all.warmed).toEqual(['/en', '/en/newest', '/en/older', '/en/oldest', '/en/authors/a'])
    } finally {
      await new Promise((resolve) => site.close(resolve))
    }
  })

  it('warmOnStart renders the ranked pages of the live sitemap, as the warmer (not a reader)', async () => {
    const { warmOnStart } = await import('../../src/lib/warmPages')
    const agents = new Map<string, string>()
    const site = http.createServer((req, res) => {
      agents.set(req.url!, String(req.headers['user-agent']))
      if (req.url === '/sitemap.xml') {
        res.setHeader('Content-Type', 'application/xml')
        return res.end(`<urlset><url><loc>http://x/en</loc><priority>1</priority></url><url><loc>http://x/en/a</loc><lastmod>2025-01-01</lastmod></url></urlset>`)
      }
      res.end('page')
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    try {
      const result = await warmOnStart(`http://127.0.0.1:${(site.address() as AddressInfo).port}`, { concurrency: 2, limit: 3, reads: { '/en/read': 4 } })
      expect(result.pages).toBe(3)
      expect(result.mostRead).toBe(1)
      expect(result.warmed.sort()).toEqual(['/en', '/en/a', '/en/read'])
      expect(agents.get('/en/read')).toBe('policy-posts-cache-warm')
    } finally {
      await new Promise((resolve) => site.close(resolve))
    }
  })
})
