import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { TestPayload } from './testPayload'

import { seed } from '../../src/lib/seed/seed'
import { startTestPayload } from './testPayload'
import { freePort } from './freePort'

const root = path.resolve(import.meta.dirname, '../..')

export interface SiteServer extends TestPayload {
  baseUrl: string
  /** The server's (primary's) process id. */
  pid: number
  port: number
  /** Server output so far, for failure messages. */
  output: () => string
  stop: () => Promise<void>
}


async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms:\n${log()}`)
}

/**
 * A production Next server (`next start` on the committed build in .next/) on a fresh
 * database with the schema pushed and, by default, the demo content seeded.
 */
export async function startSiteServer(
  name: string,
  {
    env = {},
    processes,
    shareDatabaseWith,
    withSeed = true,
  }: {
    /** Extra environment of the server process (e.g. REDIS_URL for the shared cache). */
    env?: Record<string, string | undefined>
    /** Start the server as `npm start` does (src/lib/server/startCli.ts) with this many processes, instead of `next start`. */
    processes?: number
    /** Serve the database of this running server instead of a fresh one (a second instance); nothing is seeded. */
    shareDatabaseWith?: TestPayload
    withSeed?: boolean
  } = {},
): Promise<SiteServer> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run `npx next build` (npm test does it) before browser tests.')
  }
  // One secret for the in-process Payload and the server, so tokens work across both.
  process.env.PAYLOAD_SECRET ||= crypto.randomBytes(32).toString('hex')
  // A second instance borrows the first one's database and Payload; the first one cleans up.
  const t: TestPayload = shareDatabaseWith
    ? { ...shareDatabaseWith, cleanup: async () => undefined }
    : await startTestPayload(name)
  if (withSeed && !shareDatabaseWith) await seed(t.payload, { log: false })
  const port = await freePort()
  // Next's data cache (unstable_cache) lives on disk in .next/cache/fetch-cache and outlives the
  // server: entries from another test file's database would be served as if current.
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { force: true, recursive: true })
  let log = ''
  const baseUrl = `http://127.0.0.1:${port}`
  const command: [string, string[]] = processes
    ? [path.join(root, 'node_modules/.bin/tsx'), ['src/lib/server/startCli.ts', '--port', String(port), '--hostname', '127.0.0.1']]
    : [path.join(root, 'node_modules/.bin/next'), ['start', '--port', String(port), '--hostname', '127.0.0.1']]
  const spawnServer = () => {
    const started = spawn(command[0], command[1], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        NEXT_PUBLIC_SERVER_URL: baseUrl,
        NODE_ENV: 'production',
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
        ...(processes ? { WEB_CONCURRENCY: String(processes) } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.stdout?.on('data', (chunk) => (log += chunk))
    started.stderr?.on('data', (chunk) => (log += chunk))
    return started
  }
  let child = spawnServer()
  // Node 20 now and then ends a tsx process before it runs (status 0, no output): start it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForHttp(`${baseUrl}/api/users/me`, child, 90_000, () => log)
      // every process listens, not just the first one
      const deadline = Date.now() + 90_000
      while (processes && !/\[server\] \d+ process\(es\) listening/.test(log)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`not all ${processes} processes listen:\n${log}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      break
    } catch (error) {
      if (!processes || attempt >= 3 || child.exitCode !== 0 || log.trim() !== '') {
        // not left running (with its workers) after a failed start
        if (child.exitCode === null) child.kill('SIGTERM')
        if (!shareDatabaseWith) await t.cleanup().catch(() => undefined)
        throw error
      }
      child = spawnServer()
    }
  }
  return {
    ...t,
    baseUrl,
    output: () => log,
    pid: child.pid!,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await t.cleanup()
    },
  }
}
