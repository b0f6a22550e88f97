import { EventEmitter } from 'node:events'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import {
  databaseFailedRecently,
  databaseReachable,
  markDatabaseDown,
  noteDatabaseError,
  resetDatabaseHealth,
  watchDatabasePool,
} from '../../src/lib/database/health'
import { answer503WhenDatabaseUnavailable } from '../../src/lib/database/routes'
import { databaseUnavailability, isDatabaseUnavailableError } from '../../src/lib/database/unavailable'
import { DATABASE_UNAVAILABLE_HEADER } from '../../src/lib/database/unavailableHook'

/** An error as node-postgres builds it from a server ErrorResponse (a DatabaseError). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' })

/** A real socket error from connecting to a port nothing listens on. */
async function refusedError(): Promise<Error> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return new Promise((resolve) => net.connect({ host: '127.0.0.1', port }).once('error', resolve))
}

/** Drizzle wraps the driver's error: "Failed query: …" with the pg error as `cause`. */
const failedQuery = (cause: unknown) => Object.assign(new Error('Failed query: select "id" from "posts"\nparams: '), { cause })

describe('isDatabaseUnavailableError', () => {
  it('recognises a refused connection, directly and wrapped by Drizzle', async () => {
    const refused = await refusedError()
    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED')
    expect(isDatabaseUnavailableError(refused)).toBe(true)
    expect(isDatabaseUnavailableError(failedQuery(refused))).toBe(true)
    // Node reports a host with several addresses as an AggregateError of per-address errors.
    expect(isDatabaseUnavailableError(new AggregateError([refused], ''))).toBe(true)
  })

  it('recognises shutdown, start-up and connection-exception SQLSTATEs', () => {
    for (const [code, message] of [
      ['57P01', 'terminating connection due to administrator command'],
      ['57P02', 'terminating connection because of crash of another server process'],
      ['57P03', 'the database system is starting up'],
      ['57P03', 'the database system is shutting down'],
      ['08006', 'connection failure'],
      ['08001', 'could not connect to server'],
    ]) {
      expect(databaseUnavailability(pgError(code, message)), code).toBe('down')
      expect(isDatabaseUnavailableError(failedQuery(pgError(code, message))), code).toBe(true)
    }
  })

  it('recognises the errors node-postgres and pg-pool make themselves', () => {
    for (const code of ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']) {
      expect(isDatabaseUnavailableError(Object.assign(new Error(code), { code })), code).toBe(true)
    }
    expect(databaseUnavailability(new Error('Connection terminated unexpectedly'))).toBe('down')
    expect(databaseUnavailability(new Error('Connection terminated'))).toBe('down')
    expect(databaseUnavailability(new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }))).toBe('down')
    expect(databaseUnavailability(new Error('Client has encountered a connection error and is not queryable'))).toBe('down')
    expect(databaseUnavailability(new Error('Client was closed and is not queryable'))).toBe('down')
  })

  it('reads the message when the code was lost (Payload rethrows a failed BEGIN as a plain Error)', () => {
    for (const inner of [
      'connect ECONNREFUSED 127.0.0.1:54330',
      'read ECONNRESET',
      'terminating connection due to administrator command',
      'the database system is starting up',
      'the database system is shutting down',
      'the database system is not yet accepting connections',
      'Connection terminated unexpectedly',
    ]) {
      expect(databaseUnavailability(new Error(`Error: cannot begin transaction: ${inner}`)), inner).toBe('down')
    }
    // Drizzle's message for a BEGIN whose connection was cut; Payload drops its cause.
    expect(databaseUnavailability(new Error('Error: cannot begin transaction: Failed query: begin\nparams: '))).toBe('down')
    expect(databaseUnavailability(new Error('Failed query: begin isolation level serializable\nparams: '))).toBe('down')
    expect(databaseUnavailability(new Error('Failed query: select "begin_date" from "posts"\nparams: '))).toBeUndefined()
    expect(databaseUnavailability(new Error('Error: cannot begin transaction: timeout exceeded when trying to connect'))).toBe('busy')
    expect(databaseUnavailability(new Error('Error: cannot begin transaction: permission denied for table posts'))).toBeUndefined()
    // Only at the start of a message: a validation text that quotes it is not an outage.
    expect(isDatabaseUnavailableError(new Error('title: "the database system is starting up" is too long'))).toBe(false)
  })

  it('calls a pool with no free connection or a full server "busy", not "down"', () => {
    expect(databaseUnavailability(new Error('timeout exceeded when trying to connect'))).toBe('busy')
    expect(databaseUnavailability(pgError('53300', 'sorry, too many clients already'))).toBe('busy')
    expect(isDatabaseUnavailableError(failedQuery(new Error('timeout exceeded when trying to connect')))).toBe(true)
    // A chain holding both is an outage.
    expect(databaseUnavailability(Object.assign(new Error('timeout exceeded when trying to connect'), { cause: pgError('57P03', 'the database system is starting up') }))).toBe('down')
  })

  it('finds the cause behind a GraphQL error (originalError)', () => {
    const graphqlError = Object.assign(new Error('Failed query'), { originalError: failedQuery(pgError('57P01', 'terminating connection due to administrator command')) })
    expect(isDatabaseUnavailableError(graphqlError)).toBe(true)
  })

  it('leaves every other error alone', () => {
    for (const error of [
      pgError('23505', 'duplicate key value violates unique constraint "posts_slug_idx"'),
      pgError('22P02', 'invalid input syntax for type integer: "abc"'),
      pgError('42601', 'syntax error at or near "selct"'),
      pgError('08P01', 'invalid message format'), // a protocol violation is a bug, not an outage
      failedQuery(pgError('23503', 'insert or update violates foreign key constraint')),
      new Error('Something went wrong.'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      Object.assign(new Error('The following field is invalid: title'), { name: 'ValidationError', status: 400 }),
      new Error('Query read timeout'),
      'ECONNREFUSED',
      null,
      undefined,
      42,
    ]) {
      expect(isDatabaseUnavailableError(error), String((error as Error)?.message ?? error)).toBe(false)
    }
  })

  it('stops on cyclic causes', () => {
    const a: Error & { cause?: unknown } = new Error('a')
    const b: Error & { cause?: unknown } = new Error('b', { cause: a })
    a.cause = b
    expect(isDatabaseUnavailableError(a)).toBe(false)
  })
})

describe('markDatabaseDown and the probe', () => {
  afterEach(() => resetDatabaseHealth())

  /** A server that answers a start-up message as PostgreSQL does when it wants a password (SASL). */
  async function listening(): Promise<{ close: () => Promise<void>; url: string }> {
    const saslRequest = Buffer.from('R\0\0\0\x17\0\0\0\x0aSCRAM-SHA-256\0\0', 'latin1')
    const server = net.createServer((socket) => socket.once('data', () => socket.end(saslRequest))).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as net.AddressInfo
    return { close: () => new Promise((resolve) => server.close(() => resolve())), url: `postgres://u:p@127.0.0.1:${port}/db` }
  }

  it('a reported failure wins over a reachable port until the next probe', async () => {
    const server = await listening()
    try {
      expect(await databaseReachable(server.url, { ttlMs: 0 })).toBe(true)
      markDatabaseDown()
      expect(databaseFailedRecently()).toBe(true)
      expect(await databaseReachable(server.url, { ttlMs: 60_000 })).toBe(false)
      // The next probe (here at once) sees the server taking sessions again.
      expect(await databaseReachable(server.url, { ttlMs: 0 })).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('without a URL only a reported failure counts', async () => {
    expect(await databaseReachable('')).toBe(true)
    markDatabaseDown()
    expect(await databaseReachable('')).toBe(false)
    expect(await databaseReachable('', { ttlMs: 0 })).toBe(true)
  })

  it('noteDatabaseError marks the database down for outages only', () => {
    expect(noteDatabaseError(pgError('23505', 'duplicate key'))).toBe(false)
    expect(noteDatabaseError(new Error('timeout exceeded when trying to connect'))).toBe(false)
    expect(databaseFailedRecently()).toBe(false)
    expect(noteDatabaseError(failedQuery(pgError('57P01', 'terminating connection due to administrator command')))).toBe(true)
    expect(databaseFailedRecently()).toBe(true)
  })

  it('the pool watcher reports idle connections lost and failed connects (callback and promise)', async () => {
    let fail: Error | undefined
    const pool = Object.assign(new EventEmitter(), {
      connect(callback?: (error: Error | undefined, client?: unknown) => void): Promise<unknown> | void {
        if (callback) return void setImmediate(() => callback(fail, fail ? undefined : 'client'))
        return fail ? Promise.reject(fail) : Promise.resolve('client')
      },
    })
    const warnings: string[] = []
    watchDatabasePool(pool, (message) => warnings.push(message))
    watchDatabasePool(pool) // a second call does not wrap twice
    expect(pool.listenerCount('error')).toBe(1)

    expect(await pool.connect()).toBe('client')
    expect(databaseFailedRecently()).toBe(false)

    pool.emit('error', pgError('57P01', 'terminating connection due to administrator command'))
    expect(warnings).toEqual(['[db] idle connection lost: terminating connection due to administrator command'])
    expect(databaseFailedRecently()).toBe(true)

    resetDatabaseHealth()
    fail = await refusedError()
    await expect(pool.connect()).rejects.toBe(fail)
    expect(databaseFailedRecently()).toBe(true)

    resetDatabaseHealth()
    const seen = await new Promise<Error | undefined>((resolve) => pool.connect((error) => resolve(error)))
    expect(seen).toBe(fail)
    expect(databaseFailedRecently()).toBe(true)
  })
})

describe('the pool watcher and checked-out connections', () => {
  afterEach(() => resetDatabaseHealth())

  /** A pool that hands out one client (an EventEmitter like pg's) and records its releases. */
  function fakePool() {
    const releases: (Error | boolean | undefined)[] = []
    const client = Object.assign(new EventEmitter(), { release: (error?: Error | boolean) => void releases.push(error) })
    const handOut = () => {
      client.release = (error?: Error | boolean) => void releases.push(error)
      return client
    }
    const pool = Object.assign(new EventEmitter(), {
      connect(callback?: (error: Error | undefined, client?: unknown, release?: unknown) => void): Promise<unknown> | void {
        if (callback) return void setImmediate(() => callback(undefined, handOut(), client.release))
        return Promise.resolve(handOut())
      },
    })
    watchDatabasePool(pool)
    return { client, pool, releases }
  }

  it('hands a client whose connection fails back to the pool as broken, once, and marks the database down', async () => {
    const { client, pool, releases } = fakePool()
    const held = (await pool.connect()) as typeof client
    const lost = pgError('57P01', 'terminating connection due to administrator command')
    held.emit('error', lost)
    expect(releases).toEqual([lost])
    expect(databaseFailedRecently()).toBe(true)
    // The holder's own release (if it ever comes) and the 'end' that follows change nothing.
    held.release()
    held.emit('end')
    expect(releases).toEqual([lost])
    expect(held.listenerCount('error') + held.listenerCount('end')).toBe(0)
  })

  it('hands a client whose connection ended back as broken (callback connect; its done is the same release)', async () => {
    const { client, pool, releases } = fakePool()
    const [held, done] = await new Promise<[typeof client, (error?: Error) => void]>((resolve) =>
      pool.connect((_error, c, release) => resolve([c as typeof client, release as (error?: Error) => void])),
    )
    held.emit('end')
    expect(releases).toHaveLength(1)
    expect(releases[0]).toBeInstanceOf(Error)
    done()
    expect(releases).toHaveLength(1)
  })

  it('leaves a normal release alone: no error, listeners gone', async () => {
    const { client, pool, releases } = fakePool()
    const held = (await pool.connect()) as typeof client
    held.release()
    expect(releases).toEqual([undefined])
    expect(held.listenerCount('error') + held.listenerCount('end')).toBe(0)
    held.emit('end') // the pool closing it later
    expect(releases).toEqual([undefined])
    expect(databaseFailedRecently()).toBe(false)
  })
})

describe('answer503WhenDatabaseUnavailable', () => {
  afterEach(() => resetDatabaseHealth())

  it('turns a thrown outage into a 503 with Retry-After and marks the database down', async () => {
    const handler = answer503WhenDatabaseUnavailable(async () => {
      throw failedQuery(pgError('57P01', 'terminating connection due to administrator command'))
    })
    const response = await handler()
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('10')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ errors: [{ message: 'The database is unavailable; try again shortly.' }] })
    expect(databaseFailedRecently()).toBe(true)

    const text = await answer503WhenDatabaseUnavailable(async () => {
      throw new Error('Connection terminated unexpectedly')
    }, 'text')()
    expect(text.status).toBe(503)
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/)
  })

  it('turns an answer flagged by the afterError hook into a 503 and drops the flag', async () => {
    const handler = answer503WhenDatabaseUnavailable(async () =>
      Response.json({ errors: [{ message: 'x' }] }, { headers: { [DATABASE_UNAVAILABLE_HEADER]: '1', 'Retry-After': '10' } }),
    )
    const response = await handler()
    expect(response.status).toBe(503)
    expect(response.headers.has(DATABASE_UNAVAILABLE_HEADER)).toBe(false)
    expect(response.headers.get('retry-after')).toBe('10')
  })

  it('passes other answers and errors through', async () => {
    const ok = await answer503WhenDatabaseUnavailable(async () => new Response('fine'))()
    expect(ok.status).toBe(200)
    const boom = new Error('boom')
    await expect(
      answer503WhenDatabaseUnavailable(async () => {
        throw boom
      })(),
    ).rejects.toBe(boom)
  })
})
