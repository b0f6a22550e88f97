import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EncodedBodies, installEncodedResponseBodies } from '../../src/lib/server/encodedResponseBodies'

describe('EncodedBodies', () => {
  it('encodes a body once and returns the same bytes while it stays recent', () => {
    const bodies = new EncodedBodies(8, 1024)
    const body = '“Türkçe” şehir '.repeat(4)
    const first = bodies.encode(body)
    expect(first.equals(Buffer.from(body, 'utf8'))).toBe(true)
    expect(bodies.encode(body)).toBe(first)
    // an equal string that is another object is found too (Map compares contents)
    expect(bodies.encode(body.slice(0, 5) + body.slice(5))).toBe(first)
  })

  it('accepts only strings of at least minLength', () => {
    const bodies = new EncodedBodies(10)
    expect(bodies.accepts('a'.repeat(9))).toBe(false)
    expect(bodies.accepts('a'.repeat(10))).toBe(true)
    expect(bodies.accepts(Buffer.alloc(20))).toBe(false)
    expect(bodies.accepts(undefined)).toBe(false)
  })

  it('evicts the least recently used bodies beyond maxBytes, and never keeps one larger than the budget', () => {
    const bodies = new EncodedBodies(1, 30)
    const a = 'a'.repeat(10)
    const b = 'b'.repeat(10)
    const c = 'c'.repeat(10)
    const bytesOfA = bodies.encode(a)
    bodies.encode(b)
    bodies.encode(c)
    expect(bodies.bytes).toBe(30)
    bodies.encode(a) // a is now the most recent: b goes next
    bodies.encode('d'.repeat(10))
    expect(bodies.size).toBe(3)
    expect(bodies.bytes).toBe(30)
    expect(bodies.encode(a)).toBe(bytesOfA)
    const huge = 'h'.repeat(31)
    expect(bodies.encode(huge).length).toBe(31)
    expect(bodies.bytes).toBeLessThanOrEqual(30)
  })
})

describe('installEncodedResponseBodies', () => {
  const big = '<p>“Kuzey–Güney” koridoru, şehirler ve limanlar.</p>\n'.repeat(1200)
  let server: http.Server
  let base: string
  let bodies: EncodedBodies
  let callbacks = 0

  beforeAll(async () => {
    bodies = installEncodedResponseBodies(new EncodedBodies(32 * 1024))
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/latin1') {
        res.setHeader('Content-Type', 'text/plain; charset=latin1')
        return res.end('é'.repeat(40_000), 'latin1')
      }
      if (url.pathname === '/callback') {
        return res.end(big, () => callbacks++)
      }
      if (url.pathname === '/small') return res.end('ş')
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Content-Length', Buffer.byteLength(big))
      return res.end(big)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('is installed once: a second call returns the installed cache', () => {
    expect(installEncodedResponseBodies()).toBe(bodies)
  })

  it('sends a large string body as the same UTF-8 bytes, encoding it once for repeated responses', async () => {
    const before = bodies.size
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/page`)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(bytes.equals(Buffer.from(big, 'utf8'))).toBe(true)
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length)
    }
    expect(bodies.size).toBe(before + 1)
    const head = await fetch(`${base}/page`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('answers Buffer.byteLength of a large string from the same encoding, and leaves the rest to Node', () => {
    const other = `${big}<p>son</p>`
    const before = bodies.size
    expect(Buffer.byteLength(other)).toBe(Buffer.from(other, 'utf8').length)
    expect(Buffer.byteLength(other, 'utf-8')).toBe(Buffer.from(other, 'utf8').length)
    expect(bodies.size).toBe(before + 1)
    expect(Buffer.byteLength(other, 'latin1')).toBe(other.length)
    expect(Buffer.byteLength('ş')).toBe(2)
    expect(Buffer.byteLength(Buffer.alloc(3))).toBe(3)
    expect(bodies.size).toBe(before + 1)
  })

  it('keeps the callback form working and leaves other encodings and small bodies to Node', async () => {
    expect(Buffer.from(await (await fetch(`${base}/callback`)).arrayBuffer()).equals(Buffer.from(big, 'utf8'))).toBe(true)
    await expect.poll(() => callbacks).toBe(1)
    const latin1 = Buffer.from(await (await fetch(`${base}/latin1`)).arrayBuffer())
    expect(latin1.length).toBe(40_000)
    expect(latin1.equals(Buffer.from('é'.repeat(40_000), 'latin1'))).toBe(true)
    expect(await (await fetch(`${base}/small`)).text()).toBe('ş')
  })
})
