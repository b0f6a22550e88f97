import { postgresReady, probeTarget } from './startupProbe'
import { databaseUnavailability } from './unavailable'

interface HealthState {
  checkedAt: number
  /** When a query or connection last failed because the database was unavailable (0: never). */
  failedAt: number
  /** How many failures were reported, so a probe can tell one arrived while it ran. */
  failures: number
  ok: boolean
  pending?: Promise<boolean>
}

// One state per process, on globalThis: the proxy, the API routes, the pages and
// instrumentation are separate bundles in Next, each with its own copy of this module.
const KEY = Symbol.for('policy-posts.database-health')
const holder = globalThis as typeof globalThis & { [KEY]?: HealthState }
const state: HealthState = (holder[KEY] ??= { checkedAt: 0, failedAt: 0, failures: 0, ok: true })

/**
 * How long a probe's answer stands: `ttlMs` while the database is up (a failed query marks it
 * down at once anyway), the shorter `downTtlMs` while it is down, so that the API answers again
 * soon after PostgreSQL does. Either way one probe at a time, shared by every request.
 */
export function probeDue(sinceCheckMs: number, ok: boolean, ttlMs: number, downTtlMs: number): boolean {
  return sinceCheckMs >= (ok ? ttlMs : Math.min(ttlMs, downTtlMs))
}

/**
 * Whether PostgreSQL at `url` would serve a session (startupProbe.ts: it answers the protocol's
 * start-up message, not only TCP, so a server still starting up counts as down), checked at most
 * once per `ttlMs` while up and once per `downTtlMs` while down (one probe shared by concurrent
 * callers), never waiting longer than `timeoutMs`. Lets the site answer 503 at once during a
 * database outage instead of letting every request time out, and let requests through again
 * soon after it. A failure reported by markDatabaseDown counts as "down" until the next probe.
 * Without a URL (nothing to probe) it says true unless such a failure is under `ttlMs` old.
 */
export async function databaseReachable(
  url: string | undefined = process.env.DATABASE_URL,
  { downTtlMs = 200, timeoutMs = 500, ttlMs = 1_000 }: { downTtlMs?: number; timeoutMs?: number; ttlMs?: number } = {},
): Promise<boolean> {
  const now = Date.now()
  // Nothing to probe: only a failure the site itself reported (markDatabaseDown) counts.
  if (!url) return !(state.failedAt > 0 && now - state.failedAt < ttlMs)
  if (!probeDue(now - state.checkedAt, state.ok, ttlMs, downTtlMs)) return state.ok
  if (state.pending) return state.pending
  const target = probeTarget(url)
  if (!target) return true
  const failuresBefore = state.failures
  state.pending = postgresReady(target, timeoutMs).then((ok) => {
    state.pending = undefined
    // A failure reported while the probe ran wins over its "ready" (a query may have failed
    // on a connection the shutdown cut after the probe's session was let in).
    if (state.failures !== failuresBefore) return state.ok
    state.ok = ok
    state.checkedAt = Date.now()
    return ok
  })
  return state.pending
}

/**
 * Records that the database just failed a query or a connection: until the next probe (at
 * most `ttlMs` of databaseReachable later) every request gets the proxy's 503 at once, instead
 * of waiting for the next probe to notice. Called by the API's afterError hook, the pool
 * watcher below and Next's onRequestError (src/instrumentation.ts).
 */
export function markDatabaseDown(): void {
  const now = Date.now()
  state.ok = false
  state.checkedAt = now
  state.failedAt = now
  state.failures++
}

/** Whether the database was marked down within the last `withinMs`. */
export function databaseFailedRecently(withinMs = 5_000): boolean {
  return state.failedAt > 0 && Date.now() - state.failedAt < withinMs
}

/**
 * Whether the database is down as far as this process knows: a failure reported, or a probe
 * that found it unreachable, within the last `withinMs`.
 */
export function databaseDown(withinMs = 5_000): boolean {
  return databaseFailedRecently(withinMs) || (!state.ok && Date.now() - state.checkedAt < withinMs)
}

/** Marks the database down when `error` says it is unreachable; returns whether it did. */
export function noteDatabaseError(error: unknown): boolean {
  if (databaseUnavailability(error) !== 'down') return false
  markDatabaseDown()
  return true
}

/** Only for tests: forget every probe and failure. */
export function resetDatabaseHealth(): void {
  state.checkedAt = 0
  state.failedAt = 0
  state.ok = true
  state.pending = undefined
}

type ConnectCallback = (error: Error | undefined, client?: unknown, release?: unknown) => void

/** A pooled pg client as the pool hands it out. */
interface PooledClient {
  on: (event: 'end' | 'error', listener: (error?: Error) => void) => unknown
  release: (error?: Error | boolean) => void
  removeListener: (event: 'end' | 'error', listener: (error?: Error) => void) => unknown
}

export interface WatchablePool {
  connect: (callback?: ConnectCallback) => Promise<unknown> | void
  idleCount?: number
  on: (event: 'error', listener: (error: Error) => void) => unknown
  totalCount?: number
  waitingCount?: number
}

/** "(pool: 10 open, 0 idle, 3 waiting)": whether connections are in use, stuck, or missing. */
export function describePool(pool: WatchablePool): string {
  if (pool.totalCount === undefined) return ''
  return ` (pool: ${pool.totalCount} open, ${pool.idleCount ?? 0} idle, ${pool.waitingCount ?? 0} waiting)`
}

const WATCHED = Symbol.for('policy-posts.database-pool-watched')

/**
 * A checked-out client whose connection fails or ends is handed back to the pool as broken
 * (the pool then drops it and frees its slot), whether or not its holder ever releases it; the
 * holder's own release afterwards does nothing. Drizzle's transaction() sends BEGIN outside its
 * try/finally, so a connection cut at that moment — PostgreSQL shutting down under a write —
 * was never released: each such write kept a slot for good, and once the slots were gone every
 * query waited for the connect timeout and got a 503 with PostgreSQL up again. Listening here
 * also keeps the lost connection's 'error' event from being an uncaught exception.
 */
function releaseWhenConnectionLost(client: PooledClient, onLost: (error: Error | undefined) => void): void {
  const release = client.release
  let released = false
  const finish = (error?: Error | boolean) => {
    if (released) return
    released = true
    client.removeListener('error', lost)
    client.removeListener('end', lost)
    release.call(client, error)
  }
  function lost(error?: Error) {
    if (error) noteDatabaseError(error)
    finish(error ?? new Error('Connection ended while checked out'))
    onLost(error)
  }
  client.on('error', lost)
  client.on('end', lost)
  client.release = finish
}

const isPooledClient = (value: unknown): value is PooledClient =>
  typeof value === 'object' && value !== null && typeof (value as PooledClient).release === 'function' && typeof (value as PooledClient).on === 'function'

/**
 * Lets the pg pool report outages the moment it sees them: an idle connection killed by a
 * PostgreSQL shutdown ('error', which would otherwise crash the process) and a connection that
 * cannot be made (every query, `pool.query` included, gets its connection through `connect`).
 * A checked-out connection that is lost frees its slot (releaseWhenConnectionLost).
 * Watching a pool twice changes nothing.
 */
export function watchDatabasePool(pool: WatchablePool, warn: (message: string) => void = () => undefined): void {
  const marked = pool as WatchablePool & { [WATCHED]?: true }
  if (marked[WATCHED]) return
  marked[WATCHED] = true
  pool.on('error', (error) => {
    noteDatabaseError(error)
    warn(`[db] idle connection lost: ${error.message}${describePool(pool)}`)
  })
  const onLost = (error: Error | undefined) => warn(`[db] connection lost while in use: ${error?.message ?? 'it ended'}${describePool(pool)}`)
  // Waiting for a connection in vain (the pool is full) is worth a line: it says what holds them.
  const failed = (error: unknown) => {
    if (!noteDatabaseError(error) && databaseUnavailability(error) === 'busy') warn(`[db] ${(error as Error).message}${describePool(pool)}`)
  }
  const connect = pool.connect.bind(pool)
  pool.connect = (callback?: ConnectCallback) => {
    if (typeof callback === 'function') {
      return connect((error, client, release) => {
        if (error) failed(error)
        if (!error && isPooledClient(client)) {
          releaseWhenConnectionLost(client, onLost)
          release = client.release
        }
        callback(error, client, release)
      })
    }
    return (connect() as Promise<unknown>).then(
      (client) => {
        if (isPooledClient(client)) releaseWhenConnectionLost(client, onLost)
        return client
      },
      (error: unknown) => {
        failed(error)
        throw error
      },
    )
  }
}
