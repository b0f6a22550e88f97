/**
 * The post page through `next start`, measured with autocannon (10 connections, 20 s, after a
 * warm-up): (a) served from the Next cache, (b) a forced dynamic render (a draft-mode request:
 * Next bypasses both the full-route cache and `unstable_cache`, so every request renders the
 * page and reads Postgres), (c) the same HTML saved as a static file in `public/` and served
 * by the same server (the ceiling). The server's resident memory is sampled during (b).
 *
 * The server runs on a private copy of the production build (`bench/.cache/site`), so the
 * pages it caches never land in the shared `.next/` other runs (tests) serve from, and a
 * rebuild by someone else during a run cannot pull files from under it.
 */
import type { ChildProcess } from 'node:child_process'

import autocannonModule from 'autocannon'
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Summary } from './stats'

import { DEFAULT_HEAP_CAP_MB, productionMemoryEnv, productionNodeFlags } from '../../src/lib/productionNodeFlags'
import type { PageWeight } from './pageWeight'
import { measurePageWeight } from './pageWeight'
import { freePort } from '../../test/helpers/freePort'
import { treeRssMb } from './processTree'
import { summarize } from './stats'
import { type LoadOptions, runWrk, wrkAvailable } from './wrk'

// autocannon ships no types: the part used here (its `response` event gives every latency).
interface AutocannonResult {
  errors: number
  statusCodeStats?: Record<string, { count: number }>
  non2xx: number
  requests: { total: number }
  throughput: { total: number }
  timeouts: number
}
interface AutocannonInstance extends Promise<AutocannonResult> {
  on: (event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void) => void
}
const autocannon = autocannonModule as unknown as (options: Record<string, unknown>) => AutocannonInstance

const root = path.resolve(import.meta.dirname, '../..')
export const SITE_DIR = path.join(root, 'bench/.cache/site')
const STATIC_NAME = 'bench-static-ceiling.html'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function buildRunning(): boolean {
  try {
    const out = execFileSync('pgrep', ['-f', 'next build'], { encoding: 'utf8' })
    // only a build of this checkout (other checkouts on the machine build their own .next)
    const ofThisCheckout = (pid: string) => {
      try {
        return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(root)
      } catch {
        return false
      }
    }
    return out.trim().split('\n').filter((pid) => pid && Number(pid) !== process.pid && ofThisCheckout(pid)).length > 0
  } catch {
    return false
  }
}

/**
 * A production build to serve: waits for a `next build` already running (never starts a
 * second one), builds when there is none, and snapshots `.next` into the private site dir.
 */
export async function prepareSite({ allowBuild, log }: { allowBuild: boolean; log: (line: string) => void }): Promise<{ buildId: string } | { error: string }> {
  const dist = path.join(root, '.next')
  for (let waited = 0; buildRunning(); waited += 5) {
    if (waited % 60 === 0) log(`  waiting for a running \`next build\` to finish (${waited} s)…`)
    if (waited > 900) return { error: 'a `next build` ran for more than 15 minutes' }
    await sleep(5000)
  }
  if (!fs.existsSync(path.join(dist, 'BUILD_ID'))) {
    if (!allowBuild) return { error: 'no production build in .next/ (run `npx next build`, or drop --no-build)' }
    log('  no production build in .next/: running `npx next build` (≈ 2–3 min)…')
    try {
      execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 15 * 60_000,
      })
    } catch (error) {
      const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`
      return { error: `next build failed: ${output.split('\n').filter(Boolean).slice(-8).join(' | ').slice(0, 800)}` }
    }
  }
  const buildId = fs.readFileSync(path.join(dist, 'BUILD_ID'), 'utf8').trim()
  const target = path.join(SITE_DIR, '.next')
  const current = fs.existsSync(path.join(target, 'BUILD_ID')) ? fs.readFileSync(path.join(target, 'BUILD_ID'), 'utf8').trim() : ''
  fs.mkdirSync(SITE_DIR, { recursive: true })
  if (current !== buildId) {
    fs.rmSync(target, { force: true, recursive: true })
    fs.mkdirSync(target)
    for (const entry of fs.readdirSync(dist)) {
      if (['cache', 'dev', 'turbopack', 'trace', 'diagnostics', 'lock'].includes(entry)) continue
      execFileSync('cp', ['-a', path.join(dist, entry), target])
    }
    const after = fs.existsSync(path.join(dist, 'BUILD_ID')) ? fs.readFileSync(path.join(dist, 'BUILD_ID'), 'utf8').trim() : ''
    if (after !== buildId || buildRunning()) {
      fs.rmSync(target, { force: true, recursive: true })
      return { error: 'the build changed while it was being copied; rerun' }
    }
  } else {
    // pages cached by an earlier run of another corpus must not be served
    // Next keeps page files in server/route-cache (older versions: server/app/<lang>)
    for (const stale of ['server/route-cache', 'server/app/en', 'server/app/tr', 'cache']) fs.rmSync(path.join(target, stale), { force: true, recursive: true })
    for (const file of fs.readdirSync(path.join(target, 'server/app'))) {
      if (/^(en|tr)\.(html|rsc|meta|segments)$/.test(file)) fs.rmSync(path.join(target, 'server/app', file), { force: true, recursive: true })
    }
  }
  for (const file of ['next.config.mjs', 'package.json', 'tsconfig.json']) fs.copyFileSync(path.join(root, file), path.join(SITE_DIR, file))
  const modules = path.join(SITE_DIR, 'node_modules')
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, 'node_modules'), modules)
  for (const dir of ['src', 'media']) {
    const link = path.join(SITE_DIR, dir)
    if (!fs.existsSync(link) && fs.existsSync(path.join(root, dir))) fs.symlinkSync(path.join(root, dir), link)
  }
  fs.mkdirSync(path.join(SITE_DIR, 'public'), { recursive: true })
  if (fs.existsSync(path.join(root, 'public'))) {
    for (const entry of fs.readdirSync(path.join(root, 'public'))) {
      const link = path.join(SITE_DIR, 'public', entry)
      if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, 'public', entry), link)
    }
  }
  // The file must exist when the server starts (public files are listed at start-up).
  fs.writeFileSync(path.join(SITE_DIR, 'public', STATIC_NAME), '<!doctype html><title>placeholder</title>')
  return { buildId }
}

export interface RunningServer {
  baseUrl: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** `next start` on the private build, against `databaseUrl`, in production mode. */
export async function startServer({
  databaseUrl,
  env = {},
  nodeArgs = [],
  port,
}: {
  databaseUrl: string
  env?: Record<string, string | undefined>
  /** Flags for the server's Node process (e.g. --cpu-prof for profiling). */
  nodeArgs?: string[]
  port?: number
}): Promise<RunningServer> {
  const listen = port ?? (await freePort())
  let log = ''
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${listen}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: process.env.BENCH_PAYLOAD_SECRET ?? crypto.createHash('sha256').update('policy-posts-bench').digest('hex'),
    ...env,
  }
  delete childEnv.PAYLOAD_MIGRATING
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'node_modules/next/dist/bin/next'), 'start', SITE_DIR, '--port', String(listen), '--hostname', '127.0.0.1'], {
    cwd: SITE_DIR,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  const baseUrl = `http://127.0.0.1:${listen}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`)
    try {
      const response = await fetch(`${baseUrl}/api/users/me`, { signal: AbortSignal.timeout(10_000) })
      if (response.status < 500) break
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 90 s:\n${log}`)
    await sleep(250)
  }
  return {
    baseUrl,
    child,
    output: () => log,
    stop: () => stopChild(child, 5000),
  }
}

/** The kernel's high-water mark of resident memory (MB) of one process. */
export function peakRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}

export interface LoadResult {
  latency: Summary
  requestsPerSec: number
  requests: number
  non2xx: number
  /** Responses per HTTP status. */
  statuses: Record<string, number>
  errors: number
  bytesPerRequest: number
  durationSeconds: number
  connections: number
  /** The load generator: wrk when installed (it leaves the cores to the server), else autocannon. */
  tool: 'autocannon' | 'wrk'
}

/**
 * Load against `paths` (one path, or a rotation): wrk when it is installed (see wrk.ts), else
 * autocannon, recording every response time for percentiles.
 */
export async function load({ baseUrl, connections, duration, headers = {}, paths }: LoadOptions): Promise<LoadResult> {
  if (wrkAvailable()) {
    const run = await runWrk({ baseUrl, connections, duration, headers, paths })
    const ok = Object.entries(run.statuses).reduce((sum, [status, count]) => sum + (status.startsWith('2') ? count : 0), 0)
    return {
      bytesPerRequest: Math.round(run.bytes / Math.max(1, run.requests)),
      connections,
      durationSeconds: duration,
      errors: run.errors,
      latency: { ...run.latencyMs, samples: run.requests },
      non2xx: run.requests - ok,
      requests: run.requests,
      requestsPerSec: Math.round((run.requests / run.seconds) * 10) / 10,
      statuses: run.statuses,
      tool: 'wrk',
    }
  }
  const latencies: number[] = []
  let next = 0
  const instance = autocannon({
    connections,
    duration,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
    url: baseUrl,
  })
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  const result = await instance
  return {
    bytesPerRequest: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    connections,
    durationSeconds: duration,
    errors: result.errors + result.timeouts,
    latency: summarize(latencies),
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count])),
    requests: result.requests.total,
    requestsPerSec: Math.round((result.requests.total / duration) * 10) / 10,
    tool: 'autocannon',
  }
}

/**
 * Renders every post of the rotation `passes` times (4 requests at a time), so each server
 * process has rendered each post before (b) measures the steady state; a post's first render in
 * a process is measured on its own (`dynamicFirstRenders`).
 */
export async function warmRotation({ baseUrl, cookie, passes, paths }: { baseUrl: string; cookie: string; passes: number; paths: string[] }): Promise<void> {
  const queue = Array.from({ length: passes }, () => paths).flat()
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const response = await fetch(`${baseUrl}${next}`, { headers: { cookie } })
      await response.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

/** SIGTERM, then SIGKILL when `child` has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, sleep(graceMs)])
  if (child.exitCode === null) child.kill('SIGKILL')
}

export interface PagePaths {
  /** One published post with a published translation: the page of (a) and (c). */
  main: string
  /** Published posts the dynamic render (b) rotates through. */
  rotation: string[]
}

export interface PageResult {
  buildId: string
  url: string
  htmlBytes: number
  /** What a reader downloads: HTML and the JavaScript the page loads, for the post page and the `/en` listing. */
  weight?: { listing: PageWeight; post: PageWeight }
  cached: LoadResult & { cacheHeader: null | string }
  dynamic: LoadResult & { rotation: number; cacheControl: null | string }
  /** (b) one connection over posts this server has not rendered yet: each post's first render. */
  dynamicFirstRenders?: LoadResult
  /** (b) on a server started with `npm start`'s V8 flags (capped heap, src/lib/productionNodeFlags.ts), for its memory. */
  dynamicHeapCapped?: LoadResult & { nodeArgs: string[]; peakRssMb: number }
  /** (b) with one connection: render latency without queueing behind other requests. */
  dynamicSingleConnection: LoadResult
  static: LoadResult
  cachedVsStatic: number
  /** Sampled every 200 ms (process tree); the kernel's VmHWM of the server process as a cross-check. */
  serverRssMb: { idle: number; peakDuringDynamic: number; peakOverall: number; highWaterMarkAfterDynamic: number }
}

export async function benchPages({
  buildId,
  connections,
  databaseUrl,
  duration,
  heapCapMb = DEFAULT_HEAP_CAP_MB,
  log,
  paths,
  warmup,
}: {
  buildId: string
  /** Also measure (b) with `--max-old-space-size=<this>` (0: skip). */
  heapCapMb?: number
  connections: number
  databaseUrl: string
  duration: number
  log: (line: string) => void
  paths: PagePaths
  warmup: number
}): Promise<PageResult> {
  const server = await startServer({ databaseUrl, env: { REDIS_URL: undefined } })
  const pid = server.child.pid!
  let peakOverall = 0
  const sampler = setInterval(() => (peakOverall = Math.max(peakOverall, treeRssMb(pid))), 250)
  try {
    const first = await fetch(`${server.baseUrl}${paths.main}`)
    if (first.status !== 200) throw new Error(`GET ${paths.main} answered ${first.status}:\n${server.output().slice(-2000)}`)
    await first.text()
    await load({ baseUrl: server.baseUrl, connections, duration: warmup, paths: [paths.main] })
    const probe = await fetch(`${server.baseUrl}${paths.main}`)
    const html = await probe.text()
    const cacheHeader = probe.headers.get('x-nextjs-cache')
    log(`  page ${paths.main}: ${html.length} bytes, x-nextjs-cache: ${cacheHeader}`)
    const weight = { listing: await measurePageWeight({ baseUrl: server.baseUrl, distDir: path.join(SITE_DIR, '.next'), pagePath: '/en' }), post: await measurePageWeight({ baseUrl: server.baseUrl, distDir: path.join(SITE_DIR, '.next'), pagePath: paths.main }) }
    const cached = { ...(await load({ baseUrl: server.baseUrl, connections, duration, paths: [paths.main] })), cacheHeader }
    log(`  (a) cached: ${cached.requestsPerSec} req/s, p95 ${cached.latency.p95} ms`)

    // (b) forced dynamic render: Next's draft-mode cookie (the build's preview id) makes every
    // request render and read the database; no staff session, so the published post is shown.
    const manifest = JSON.parse(fs.readFileSync(path.join(SITE_DIR, '.next/prerender-manifest.json'), 'utf8'))
    const cookie = `__prerender_bypass=${manifest.preview.previewModeId}`
    const dynProbe = await fetch(`${server.baseUrl}${paths.rotation[0]}`, { headers: { cookie } })
    await dynProbe.text()
    if (dynProbe.status !== 200) throw new Error(`dynamic GET ${paths.rotation[0]} answered ${dynProbe.status}`)
    const cacheControl = dynProbe.headers.get('cache-control')
    // fewer requests than the rotation holds, so every one is a post's first render here
    const dynamicFirstRenders = await load({ baseUrl: server.baseUrl, connections: 1, duration: 4, headers: { cookie }, paths: paths.rotation.slice(1) })
    log(`  (b) first renders, 1 connection: ${dynamicFirstRenders.requestsPerSec} req/s, p50 ${dynamicFirstRenders.latency.p50} ms (${dynamicFirstRenders.requests} of ${paths.rotation.length} posts)`)
    await warmRotation({ baseUrl: server.baseUrl, cookie, passes: 1, paths: paths.rotation })
    await load({ baseUrl: server.baseUrl, connections, duration: warmup, headers: { cookie }, paths: paths.rotation.slice().reverse() })
    const idle = treeRssMb(pid)
    let peakDynamic = idle
    const dynSampler = setInterval(() => (peakDynamic = Math.max(peakDynamic, treeRssMb(pid))), 200)
    let dynamicLoad: LoadResult
    try {
      dynamicLoad = await load({ baseUrl: server.baseUrl, connections, duration, headers: { cookie }, paths: paths.rotation })
    } finally {
      clearInterval(dynSampler)
    }
    const highWaterAfterDynamic = peakRssMb(pid)
    const dynamic = { ...dynamicLoad, cacheControl, rotation: paths.rotation.length }
    log(`  (b) dynamic: ${dynamic.requestsPerSec} req/s, p95 ${dynamic.latency.p95} ms, peak RSS ${peakDynamic} MB`)
    // the same render one request at a time: the render's own latency, without queueing
    const dynamicSingle = await load({ baseUrl: server.baseUrl, connections: 1, duration: Math.max(5, Math.round(duration / 2)), headers: { cookie }, paths: paths.rotation })
    log(`  (b') dynamic, 1 connection: ${dynamicSingle.requestsPerSec} req/s, p95 ${dynamicSingle.latency.p95} ms`)

    // (c) the ceiling: the cached page's HTML as a static file of the same server
    fs.writeFileSync(path.join(SITE_DIR, 'public', STATIC_NAME), html)
    const staticPath = `/${STATIC_NAME}`
    const check = await fetch(`${server.baseUrl}${staticPath}`)
    const body = await check.text()
    if (check.status !== 200 || body.length !== html.length) throw new Error(`static file not served as saved (${check.status}, ${body.length} bytes)`)
    await load({ baseUrl: server.baseUrl, connections, duration: warmup, paths: [staticPath] })
    const staticLoad = await load({ baseUrl: server.baseUrl, connections, duration, paths: [staticPath] })
    log(`  (c) static: ${staticLoad.requestsPerSec} req/s, p95 ${staticLoad.latency.p95} ms`)
    await server.stop()

    // (b) again on a server whose V8 heap is capped: the same renders, resident memory bounded
    let heapCapped: (LoadResult & { nodeArgs: string[]; peakRssMb: number }) | undefined
    if (heapCapMb > 0) {
      const nodeArgs = productionNodeFlags(heapCapMb)
      const capped = await startServer({ databaseUrl, env: { REDIS_URL: undefined, ...productionMemoryEnv() }, nodeArgs })
      try {
        await warmRotation({ baseUrl: capped.baseUrl, cookie, passes: 1, paths: paths.rotation })
        await load({ baseUrl: capped.baseUrl, connections, duration: warmup, headers: { cookie }, paths: paths.rotation.slice().reverse() })
        let peak = 0
        const cappedSampler = setInterval(() => (peak = Math.max(peak, treeRssMb(capped.child.pid!))), 200)
        try {
          const result = await load({ baseUrl: capped.baseUrl, connections, duration, headers: { cookie }, paths: paths.rotation })
          heapCapped = { ...result, nodeArgs, peakRssMb: peak }
        } finally {
          clearInterval(cappedSampler)
        }
        log(`  (b'') dynamic with ${nodeArgs.join(' ')}: ${heapCapped.requestsPerSec} req/s, p95 ${heapCapped.latency.p95} ms, peak RSS ${peak} MB`)
      } finally {
        await capped.stop()
      }
    }
    return {
      buildId,
      cached,
      dynamicHeapCapped: heapCapped,
      cachedVsStatic: Math.round((cached.requestsPerSec / staticLoad.requestsPerSec) * 1000) / 1000,
      dynamic,
      dynamicFirstRenders,
      dynamicSingleConnection: dynamicSingle,
      htmlBytes: html.length,
      weight,
      serverRssMb: { highWaterMarkAfterDynamic: highWaterAfterDynamic, idle, peakDuringDynamic: peakDynamic, peakOverall: Math.max(peakOverall, peakDynamic) },
      static: staticLoad,
      url: paths.main,
    }
  } finally {
    clearInterval(sampler)
    await server.stop()
  }
}
