import net from 'node:net'

import { databaseUnavailability } from './unavailable'

/**
 * A probe that asks PostgreSQL itself whether it takes connections, not just the port: while
 * it starts up (or shuts down, or recovers) the port accepts TCP connections but the server
 * refuses every session with 57P03 "the database system is starting up". It sends the
 * protocol's StartupMessage and reads the first reply, without credentials: an authentication
 * request (or any error other than "not ready") means a session would be served. It never
 * authenticates, so it needs no password and runs no query.
 */

const PROTOCOL_3_0 = 196_608

/** The StartupMessage (protocol 3.0) for `user` and `database`. */
export function startupMessage(user: string, database: string): Buffer {
  const body = Buffer.from(`user\0${user}\0database\0${database}\0application_name\0policy-posts-probe\0\0`, 'utf8')
  const message = Buffer.alloc(8 + body.length)
  message.writeInt32BE(message.length, 0)
  message.writeInt32BE(PROTOCOL_3_0, 4)
  body.copy(message, 8)
  return message
}

/** Terminate ('X'): ends a session that was already authenticated without an error in the server's log. */
export const TERMINATE_MESSAGE = Buffer.from([0x58, 0, 0, 0, 4])

/**
 * What the server's first reply to a StartupMessage says: `ready` (it asked for a password, let
 * the session in, or refused it for a reason that is not an outage: wrong password, unknown
 * database, too many clients — the site gets those errors itself); `not-ready` (an outage
 * error such as 57P03, or a reply that is not PostgreSQL's); `authenticated` (AuthenticationOk:
 * ready, and the session should be ended with Terminate); undefined while the reply is incomplete.
 */
export type StartupReply = 'authenticated' | 'not-ready' | 'ready'

export function startupReply(data: Buffer): StartupReply | undefined {
  if (data.length < 5) return undefined
  const type = String.fromCharCode(data[0])
  const length = data.readInt32BE(1)
  if (length < 4 || length > 1_000_000) return 'not-ready'
  if (type === 'R') {
    if (data.length < 9) return undefined
    return data.readInt32BE(5) === 0 ? 'authenticated' : 'ready'
  }
  // NegotiateProtocolVersion: the server is up and talking.
  if (type === 'v') return 'ready'
  if (type !== 'E') return 'not-ready'
  if (data.length < 1 + length) return undefined
  const code = errorField(data.subarray(5, 1 + length), 'C')
  return databaseUnavailability({ code, message: errorField(data.subarray(5, 1 + length), 'M') }) === 'down' ? 'not-ready' : 'ready'
}

/** One field of an ErrorResponse body (type byte, text, NUL; a NUL ends the list). */
function errorField(body: Buffer, field: string): string | undefined {
  let at = 0
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1)
    if (end < 0) return undefined
    if (String.fromCharCode(body[at]) === field) return body.toString('utf8', at + 1, end)
    at = end + 1
  }
  return undefined
}

export interface ProbeTarget {
  database: string
  host: string
  port: number
  user: string
}

/** Host, port, user and database of a postgres:// URL (libpq's defaults where it says nothing). */
export function probeTarget(url: string): ProbeTarget | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const user = decodeURIComponent(parsed.username) || 'postgres'
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user
  return { database, host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(parsed.port || 5432), user }
}

/** Whether PostgreSQL at `target` would serve a session now, answered within `timeoutMs`. */
export function postgresReady(target: ProbeTarget, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: target.host, port: target.port })
    let received = Buffer.alloc(0)
    let settled = false
    const done = (ok: boolean, terminate = false) => {
      if (settled) return
      settled = true
      resolve(ok)
      socket.setTimeout(0)
      if (terminate) {
        // Let the server end the session itself: closing with its replies unread would reset
        // the connection, which it logs.
        socket.end(TERMINATE_MESSAGE)
        socket.setTimeout(timeoutMs, () => socket.destroy())
        socket.on('error', () => undefined)
        socket.on('data', () => undefined)
        return
      }
      socket.removeAllListeners()
      socket.on('error', () => undefined)
      socket.destroy()
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => socket.write(startupMessage(target.user, target.database)))
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const reply = startupReply(received)
      if (reply) done(reply !== 'not-ready', reply === 'authenticated')
    })
    socket.once('error', () => done(false))
    socket.once('close', () => done(false))
  })
}
