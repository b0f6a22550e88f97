/**
 * Recognising "the database is not there" among errors, so that it is answered with a 503 and
 * `Retry-After` instead of a 500 (src/proxy.ts, the API's afterError hook, the GraphQL route).
 * No imports: the proxy, Payload hooks and unit tests all use it.
 */

/** Seconds a client is asked to wait before retrying (`Retry-After`). */
export const DATABASE_RETRY_AFTER_SECONDS = 10

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable; try again shortly.'

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'EAI_AGAIN',
  'ECONNABORTED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
])

/**
 * SQLSTATEs of a server that is going away or starting up: class 08 (connection exception)
 * except 08P01 (protocol violation, a bug rather than an outage), 57P01 admin_shutdown
 * ("terminating connection due to administrator command"), 57P02 crash_shutdown, 57P03
 * cannot_connect_now ("the database system is starting up / shutting down").
 */
const SERVER_DOWN_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '08007', '57P01', '57P02', '57P03'])

/**
 * Messages of the same failures, for errors that lost their code: those node-postgres and
 * pg-pool create themselves, Node's socket errors, and PostgreSQL's own texts (Payload's
 * transactions rethrow "cannot begin transaction: <message>" as a plain Error).
 */
const DOWN_MESSAGES = [
  /^Connection terminated\b/, // "Connection terminated unexpectedly", "… due to connection timeout"
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^(connect|read|write) (ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/,
  /^getaddrinfo (ENOTFOUND|EAI_AGAIN)\b/,
  /^terminating connection due to administrator command$/,
  /^terminating connection because of crash of another server process$/,
  /^the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)$/,
  // A BEGIN that failed on a connection just taken from the pool: the connection was lost (it
  // cannot fail otherwise). Payload's beginTransaction keeps only Drizzle's message
  // ("cannot begin transaction: Failed query: begin\nparams: "), not the cause.
  /^Failed query: begin(\s|$)/,
]

/**
 * The database is there but has no connection to spare: every pooled connection stayed busy
 * for `connectionTimeoutMillis` (pg-pool), or the server refuses more clients (53300).
 */
const BUSY_CODES = new Set(['53300'])
const BUSY_MESSAGES = [/^timeout exceeded when trying to connect$/, /^sorry, too many clients already$/, /^remaining connection slots are reserved\b/]

/** Prefixes of errors that wrap another error's message in their own. */
const WRAPPER_PREFIX = /^(?:Error: )?cannot begin transaction: /

interface ErrorLike {
  cause?: unknown
  code?: unknown
  errors?: unknown
  message?: unknown
  originalError?: unknown
}

/** `down`: unreachable, shutting down or starting up; `busy`: reachable but out of connections. */
export type DatabaseUnavailability = 'busy' | 'down'

function kindOf(error: ErrorLike): DatabaseUnavailability | undefined {
  const code = typeof error.code === 'string' ? error.code : undefined
  const message = typeof error.message === 'string' ? error.message.replace(WRAPPER_PREFIX, '') : ''
  if (code && (NETWORK_CODES.has(code) || SERVER_DOWN_CODES.has(code))) return 'down'
  if (DOWN_MESSAGES.some((pattern) => pattern.test(message))) return 'down'
  if (code && BUSY_CODES.has(code)) return 'busy'
  if (BUSY_MESSAGES.some((pattern) => pattern.test(message))) return 'busy'
  return undefined
}

/**
 * Why `error` (or what it wraps: `cause` as Drizzle's "Failed query" and pg-pool's timeout
 * use it, GraphQL's `originalError`, an AggregateError's `errors`) says the database cannot
 * serve the request, or undefined when it is any other error (a bad query, bad input, a bug).
 * `down` wins over `busy` when a chain holds both.
 */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | undefined {
  const queue: unknown[] = [error]
  const seen = new Set<unknown>()
  let found: DatabaseUnavailability | undefined
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift()
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    const candidate = current as ErrorLike
    const kind = kindOf(candidate)
    if (kind === 'down') return kind
    found ??= kind
    queue.push(candidate.cause, candidate.originalError)
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors)
  }
  return found
}

/**
 * Whether `error` means the database cannot serve the request right now (unreachable, shutting
 * down, starting up, connection cut, or no connection free), which deserves a 503 with
 * `Retry-After` rather than a 500.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return databaseUnavailability(error) !== undefined
}

/** Headers of every "database unavailable" answer. */
export function databaseUnavailableHeaders(): Record<string, string> {
  return { 'Cache-Control': 'no-store', 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }
}
