import http from 'node:http'

/**
 * During a database outage a page that is in Next's cache is served from it as usual; one that
 * is not fails to render (the pool refuses at once, or gives up after its connect timeout) and
 * Next answers 500 with its error page. An App Router render cannot answer 503 itself, so the
 * server's responses are watched instead: a page whose answer is a server error while the
 * database is down gets the "temporarily unavailable" page as a 503 with `Retry-After`.
 */
export interface OutagePagesOptions {
  /** The page's HTML. */
  body: string
  /** Headers of the answer besides Content-Type and Content-Length (Retry-After, Cache-Control). */
  headers: Record<string, string>
  /** Whether the database is down right now. */
  isDown: () => boolean
}

type Decision = 'pass' | 'replaced'

const INSTALLED = Symbol.for('policy-posts.outagePages')
const DECISION = Symbol('policy-posts.outagePages.decision')

type Response = http.ServerResponse & { [DECISION]?: Decision }

/** Requests whose errors are the site's pages' (not the API's own 503s, nor Next's assets). */
export function isPageRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  const path = (url ?? '/').split('?')[0]
  return !path.startsWith('/api/') && !path.startsWith('/_next/')
}

/** Whether the answer `status` to this request is to become the outage page. */
export function replacesAnswer(status: number, method: string | undefined, url: string | undefined, isDown: () => boolean): boolean {
  return status >= 500 && status !== 503 && isPageRequest(method, url) && isDown()
}

/**
 * Patches `ServerResponse` (once per process) so the decision is taken when a response starts —
 * its first `writeHead`, `flushHeaders`, `write` or `end` — while its status and headers can
 * still change. A replaced response ignores whatever Next writes after.
 */
export function installOutagePages(options: OutagePagesOptions): void {
  const proto = http.ServerResponse.prototype as Response & { [INSTALLED]?: true }
  if (proto[INSTALLED]) return
  Object.defineProperty(proto, INSTALLED, { value: true })
  const bytes = Buffer.from(options.body, 'utf8')
  const { end, flushHeaders, write, writeHead } = proto

  const replaced = (res: Response, status?: number): boolean => {
    const known = res[DECISION]
    if (known) return known === 'replaced'
    if (res.headersSent) {
      res[DECISION] = 'pass'
      return false
    }
    const { method, url } = res.req ?? {}
    if (!replacesAnswer(status ?? res.statusCode, method, url, options.isDown)) {
      res[DECISION] = 'pass'
      return false
    }
    // Our own answer goes through the original methods (Node's end calls writeHead itself).
    res[DECISION] = 'pass'
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    res.statusCode = 503
    res.statusMessage = 'Service Unavailable'
    for (const [name, value] of Object.entries(options.headers)) res.setHeader(name, value)
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Content-Length', bytes.length)
    ;(end as (this: http.ServerResponse, chunk?: unknown) => unknown).call(res, method === 'HEAD' ? undefined : bytes)
    res[DECISION] = 'replaced'
    return true
  }

  const callbackOf = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === 'function')

  proto.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
    if (replaced(this, status)) return this
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, status, ...rest)
  } as typeof proto.writeHead
  proto.flushHeaders = function (this: Response) {
    if (replaced(this)) return
    flushHeaders.call(this)
  }
  proto.write = function (this: Response, ...args: unknown[]) {
    if (replaced(this)) {
      callbackOf(args)?.()
      return true
    }
    return (write as (...args: unknown[]) => boolean).apply(this, args)
  } as typeof proto.write
  proto.end = function (this: Response, ...args: unknown[]) {
    if (replaced(this)) {
      const callback = callbackOf(args)
      if (callback) setImmediate(callback)
      return this
    }
    return (end as (...args: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof proto.end
}
