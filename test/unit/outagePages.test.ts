import type { AddressInfo } from 'node:net'

import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { installOutagePages, isPageRequest, replacesAnswer } from '../../src/lib/server/outagePages'

const BODY = '<!doctype html><title>Temporarily unavailable</title><p>Şu anda</p>'
let down = false
let server: http.Server
let base: string

// How the test server answers: like Next, status and headers first, then the body in one
// `end`, or streamed after `flushHeaders` (Next's pipeToNodeResponse).
function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  const status = Number(url.searchParams.get('status') ?? 200)
  res.statusCode = status
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('x-nextjs-cache', status === 200 ? 'HIT' : 'MISS')
  if (url.searchParams.get('stream')) {
    res.flushHeaders()
    res.write('<html>part one')
    setTimeout(() => res.end(' and two</html>'), 5)
    return
  }
  if (url.searchParams.get('explicit')) res.writeHead(status, { 'X-Extra': '1' })
  res.end(`<html>answer ${status}</html>`)
}

beforeAll(async () => {
  installOutagePages({ body: BODY, headers: { 'Cache-Control': 'no-store', 'Retry-After': '10' }, isDown: () => down })
  server = http.createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('which answers become the outage page', () => {
  it('pages only: not the API, nor Next assets, nor writes', () => {
    expect(isPageRequest('GET', '/en/some-post')).toBe(true)
    expect(isPageRequest('HEAD', '/sitemap.xml')).toBe(true)
    expect(isPageRequest('GET', '/api/posts')).toBe(false)
    expect(isPageRequest('GET', '/_next/static/chunk.js')).toBe(false)
    expect(isPageRequest('POST', '/en')).toBe(false)
  })

  it('server errors (not 503s) while the database is down', () => {
    expect(replacesAnswer(500, 'GET', '/en', () => true)).toBe(true)
    expect(replacesAnswer(500, 'GET', '/en', () => false)).toBe(false)
    expect(replacesAnswer(200, 'GET', '/en', () => true)).toBe(false)
    expect(replacesAnswer(404, 'GET', '/en', () => true)).toBe(false)
    expect(replacesAnswer(503, 'GET', '/en/feed.xml', () => true)).toBe(false)
  })
})

describe('a real HTTP server with the patch', () => {
  it('a failed page render during an outage is the 503 page with Retry-After', async () => {
    down = true
    for (const query of ['status=500', 'status=500&stream=1', 'status=500&explicit=1', 'status=502']) {
      const response = await fetch(`${base}/en/uncached?${query}`)
      expect(response.status, query).toBe(503)
      expect(response.headers.get('retry-after')).toBe('10')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('x-nextjs-cache')).toBeNull()
      expect(response.headers.get('x-extra')).toBeNull()
      expect(await response.text()).toBe(BODY)
    }
    const head = await fetch(`${base}/en/uncached?status=500`, { method: 'HEAD' })
    expect(head.status).toBe(503)
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(BODY)))
  })

  it('cached pages, the API and answers outside an outage are untouched', async () => {
    down = true
    const hit = await fetch(`${base}/en/cached?status=200&stream=1`)
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(await hit.text()).toBe('<html>part one and two</html>')
    const api = await fetch(`${base}/api/posts?status=500`)
    expect(api.status).toBe(500)
    expect(await api.text()).toBe('<html>answer 500</html>')
    down = false
    const bug = await fetch(`${base}/en/broken?status=500`)
    expect(bug.status).toBe(500)
    expect(await bug.text()).toBe('<html>answer 500</html>')
  })
})
