import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { databaseReachable, markDatabaseDown, probeDue, resetDatabaseHealth } from '../../src/lib/database/health'
import { postgresReady, probeTarget, startupMessage, startupReply, TERMINATE_MESSAGE } from '../../src/lib/database/startupProbe'

/** A backend message: type byte, Int32 length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5)
  head.write(type, 0, 'latin1')
  head.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}

/** An ErrorResponse as PostgreSQL sends it when it refuses a session. */
const errorResponse = (code: string, text: string) => message('E', Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0Fpostmaster.c\0\0`, 'utf8'))

/** AuthenticationRequest: 0 ok, 5 MD5 (with its salt), 10 SASL (with its mechanisms). */
function authRequest(kind: number): Buffer {
  const code = Buffer.alloc(4)
  code.writeInt32BE(kind)
  const rest = kind === 5 ? Buffer.from([1, 2, 3, 4]) : kind === 10 ? Buffer.from('SCRAM-SHA-256\0\0', 'utf8') : Buffer.alloc(0)
  return message('R', Buffer.concat([code, rest]))
}

const STARTING_UP = errorResponse('57P03', 'the database system is starting up')

describe('the start-up message and the reply to it', () => {
  it('sends protocol 3.0 with the user and database, NUL-terminated', () => {
    const sent = startupMessage('postgres', 'bench_10k')
    expect(sent.readInt32BE(0)).toBe(sent.length)
    expect(sent.readInt32BE(4)).toBe(196_608)
    const fields = sent.toString('utf8', 8).split('\0')
    expect(fields.slice(0, 4)).toEqual(['user', 'postgres', 'database', 'bench_10k'])
    expect(sent.subarray(-2)).toEqual(Buffer.from([0, 0]))
    expect(TERMINATE_MESSAGE).toEqual(Buffer.from('X\0\0\0\x04', 'latin1'))
  })

  it('a request for a password, or a session let in, means ready', () => {
    expect(startupReply(authRequest(10))).toBe('ready')
    expect(startupReply(authRequest(5))).toBe('ready')
    expect(startupReply(authRequest(0))).toBe('authenticated')
  })

  it('"starting up" and the other outage errors mean not ready; errors of a running server mean ready', () => {
    expect(startupReply(STARTING_UP)).toBe('not-ready')
    expect(startupReply(errorResponse('57P03', 'the database system is not yet accepting connections'))).toBe('not-ready')
    expect(startupReply(errorResponse('57P01', 'terminating connection due to administrator command'))).toBe('not-ready')
    expect(startupReply(errorResponse('28P01', 'password authentication failed for user "x"'))).toBe('ready')
    expect(startupReply(errorResponse('3D000', 'database "nope" does not exist'))).toBe('ready')
    expect(startupReply(errorResponse('53300', 'sorry, too many clients already'))).toBe('ready')
  })

  it('waits for a whole reply and rejects one that is not PostgreSQL', () => {
    expect(startupReply(Buffer.alloc(0))).toBeUndefined()
    expect(startupReply(STARTING_UP.subarray(0, 4))).toBeUndefined()
    expect(startupReply(STARTING_UP.subarray(0, STARTING_UP.length - 3))).toBeUndefined()
    expect(startupReply(authRequest(10).subarray(0, 7))).toBeUndefined()
    expect(startupReply(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toBe('not-ready')
  })

  it('reads host, port, user and database from the URL, with libpq defaults', () => {
    expect(probeTarget('postgres://ed%40x:secret@db.example:6543/site%2Fone')).toEqual({ database: 'site/one', host: 'db.example', port: 6543, user: 'ed@x' })
    expect(probeTarget('postgres://127.0.0.1')).toEqual({ database: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres' })
    expect(probeTarget('postgres://u@[::1]:5433/d')).toEqual({ database: 'd', host: '::1', port: 5433, user: 'u' })
    expect(probeTarget('not a url')).toBeUndefined()
  })
})

describe('probeDue', () => {
  it('probes again after ttlMs while up and after the shorter downTtlMs while down', () => {
    expect(probeDue(999, true, 1_000, 200)).toBe(false)
    expect(probeDue(1_000, true, 1_000, 200)).toBe(true)
    expect(probeDue(199, false, 1_000, 200)).toBe(false)
    expect(probeDue(200, false, 1_000, 200)).toBe(true)
    // A shorter ttlMs (tests pass 0) is never lengthened.
    expect(probeDue(0, false, 0, 200)).toBe(true)
  })
})

/** A server on a real port that answers each connection as `answer` says, recording what it got. */
async function fakeServer(answer: (socket: net.Socket) => void) {
  const received: Buffer[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('data', (chunk) => received.push(chunk))
    socket.on('error', () => undefined)
    answer(socket)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
    port,
    received,
    url: `postgres://site:secret@127.0.0.1:${port}/app`,
  }
}

const target = (port: number) => ({ database: 'app', host: '127.0.0.1', port, user: 'site' })

describe('postgresReady on real sockets', () => {
  it('says false for a server that accepts TCP but is starting up, true once it asks for a password', async () => {
    let starting = true
    const server = await fakeServer((socket) => socket.once('data', () => (starting ? socket.end(STARTING_UP) : socket.write(authRequest(10)))))
    try {
      expect(await postgresReady(target(server.port), 500)).toBe(false)
      starting = false
      expect(await postgresReady(target(server.port), 500)).toBe(true)
      // What it sent is the start-up message, for the URL's user and database.
      expect(server.received[0]).toEqual(startupMessage('site', 'app'))
    } finally {
      await server.close()
    }
  })

  it('ends a session that was let in with Terminate', async () => {
    const server = await fakeServer((socket) => socket.once('data', () => socket.write(authRequest(0))))
    try {
      expect(await postgresReady(target(server.port), 500)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(Buffer.concat(server.received).subarray(-5)).toEqual(TERMINATE_MESSAGE)
    } finally {
      await server.close()
    }
  })

  it('says false for a closed port, a server that hangs up, and one that says nothing (within the timeout)', async () => {
    const silent = await fakeServer(() => undefined)
    const hangsUp = await fakeServer((socket) => socket.destroy())
    const closed = await fakeServer(() => undefined)
    await closed.close()
    try {
      expect(await postgresReady(target(closed.port), 500)).toBe(false)
      expect(await postgresReady(target(hangsUp.port), 500)).toBe(false)
      const started = performance.now()
      expect(await postgresReady(target(silent.port), 150)).toBe(false)
      expect(performance.now() - started).toBeLessThan(1_000)
    } finally {
      await silent.close()
      await hangsUp.close()
    }
  })
})

describe('databaseReachable while the database is down', () => {
  afterEach(() => resetDatabaseHealth())

  it('probes every downTtlMs, one probe at a time, and lets requests through once the server is ready', async () => {
    let starting = true
    let probes = 0
    const server = await fakeServer((socket) =>
      socket.once('data', () => {
        probes++
        if (starting) socket.end(STARTING_UP)
        else socket.write(authRequest(10))
      }),
    )
    try {
      markDatabaseDown()
      // Twenty callers at once within downTtlMs: the failure stands, no probe.
      const early = await Promise.all(Array.from({ length: 20 }, () => databaseReachable(server.url, { downTtlMs: 100 })))
      expect(early.every((ok) => ok === false)).toBe(true)
      expect(probes).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, 120))
      // Due: one probe shared by all of them; the server is starting up, so still down.
      const starting20 = await Promise.all(Array.from({ length: 20 }, () => databaseReachable(server.url, { downTtlMs: 100 })))
      expect(starting20.every((ok) => ok === false)).toBe(true)
      expect(probes).toBe(1)
      starting = false
      // Ready now: within about one downTtlMs (not the 1-second ttlMs) the answer turns.
      const readySince = performance.now()
      while (!(await databaseReachable(server.url, { downTtlMs: 100 }))) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(performance.now() - readySince).toBeLessThan(400)
      expect(probes).toBe(2)
      // Up: the answer stands for ttlMs.
      expect(await databaseReachable(server.url, { downTtlMs: 100 })).toBe(true)
      expect(probes).toBe(2)
    } finally {
      await server.close()
    }
  })
})
