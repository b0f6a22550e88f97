import http from 'node:http'

/**
 * UTF-8 bytes of the large response bodies sent last, keyed by the body string itself.
 *
 * Next answers a cached page (an ISR hit) with `Buffer.byteLength(html)` for Content-Length and
 * `res.end(html)`, handing Node the same string object on every hit; Node then measures and
 * encodes it to UTF-8 on every request — for a page with any “ or ş that is a two-byte string,
 * and re-encoding a whole page on every hit was a large share of a hit's CPU (figures in README,
 * Performance). Lookups by the same string object are cheap (V8 compares
 * identity before contents), so a hit costs a Map lookup; a body seen once is encoded once
 * for both its length and its bytes.
 */
export class EncodedBodies {
  readonly #entries = new Map<string, Buffer>()
  #bytes = 0

  constructor(
    /** Bodies shorter than this (UTF-16 code units) are left to Node: not worth keeping. */
    readonly minLength = 32 * 1024,
    /** Encoded bytes kept at most, oldest use evicted first. */
    readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  /** Whether `body` is large enough to be served from here. */
  accepts(body: unknown): body is string {
    return typeof body === 'string' && body.length >= this.minLength
  }

  /** The UTF-8 bytes of `body`, encoded at most once while it stays among the recent ones. */
  encode(body: string): Buffer {
    const hit = this.#entries.get(body)
    if (hit) {
      // most recently used last, so eviction takes the oldest
      this.#entries.delete(body)
      this.#entries.set(body, hit)
      return hit
    }
    const bytes = Buffer.from(body, 'utf8')
    if (bytes.length > this.maxBytes) return bytes
    this.#entries.set(body, bytes)
    this.#bytes += bytes.length
    for (const [key, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(key)
      this.#bytes -= value.length
    }
    return bytes
  }

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }
}

const INSTALLED = Symbol.for('policy-posts.encodedResponseBodies')

type End = http.ServerResponse['end']

const isUtf8 = (encoding: unknown): boolean => encoding === undefined || (typeof encoding === 'string' && /^utf-?8$/i.test(encoding))

/**
 * Makes `ServerResponse#end(body)` send large UTF-8 string bodies from `bodies`, and
 * `Buffer.byteLength(body)` read their length from there (once per process; later calls
 * return the installed cache). Other encodings, small strings, Buffers and streams pass
 * through untouched; the bytes on the wire and the lengths are the same.
 */
export function installEncodedResponseBodies(bodies = new EncodedBodies()): EncodedBodies {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [INSTALLED]?: EncodedBodies }
  if (proto[INSTALLED]) return proto[INSTALLED]
  const end = proto.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse
  proto.end = function (this: http.ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args
    if (bodies.accepts(chunk) && (typeof encoding === 'function' || isUtf8(encoding))) {
      const rest = typeof encoding === 'string' ? args.slice(2) : args.slice(1)
      return end.call(this, bodies.encode(chunk), ...rest)
    }
    return end.apply(this, args)
  } as End
  const byteLength = Buffer.byteLength
  Buffer.byteLength = function (value: unknown, encoding?: unknown) {
    if (bodies.accepts(value) && isUtf8(encoding)) return bodies.encode(value).length
    return (byteLength as (value: unknown, encoding?: unknown) => number).call(Buffer, value, encoding)
  } as typeof Buffer.byteLength
  Object.defineProperty(proto, INSTALLED, { value: bodies })
  return bodies
}
