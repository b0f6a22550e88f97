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
