/**
 * `npm start`'s several server processes (src/lib/server/startCli.ts on the private build of
 * bench/lib/site.ts), measured with wrk: (d) the warm-up after the start (the server's own
 * "[cache] warm-up done" line), then on that server, with all processes, (b) the forced dynamic
 * render with each process's resident memory sampled. (a) The cached post page is compared on
 * two servers started alike, one with all processes and one with one, both after the warm-up
 * (the page files are there) and neither having rendered: processes whose heap the warm-up
 * filled would make the comparison one of memory states, not of process counts. The machine is
 * shared, so the speed-up is taken from short runs on the two servers in turns (both running),
 * the median of the pairs' ratios.
 */
import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { LoadResult, PagePaths } from './site'

import { freePort } from '../../test/helpers/freePort'
import { processTree } from './processTree'
import { load, SITE_DIR, stopChild, warmRotation } from './site'

const root = path.resolve(import.meta.dirname, '../..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface WarmUpResult {
  pages: number
  warmed: number
  seconds: number
  line: string
}

export interface ProcessesResult {
  workers: number
  /** (d) null when --warm-pages 0. */
  warmUp: WarmUpResult | null
  /** (a) with all processes, and with one. */
  cachedAll: LoadResult
  cachedOne: LoadResult
  /** Median of cachedSpeedupRounds. */
  cachedSpeedup: number
  /** Throughput ratios all ÷ one of short runs in turns on both servers. */
  cachedSpeedupRounds: number[]
  /** (b) with all processes. */
  dynamicAll: LoadResult
  /** (c) resident memory of each server process: idle before (b), peak during (b). */
  rssPerProcessMb: { idle: number[]; peakDuringDynamic: number[]; max: number }
}

interface ClusterServer {
  baseUrl: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** The server processes (worker.mjs) below `pid`, with their resident memory in MB. */
export function serverProcessRss(pid: number): Map<number, number> {
  return new Map(processTree(pid).filter((info) => info.cmdline.includes('worker.mjs')).map((info) => [info.pid, Math.round(info.rssKb / 1024)]))
}

/** `npm start`'s server (src/lib/server/startCli.ts) with `workers` processes on the private build. */
export async function startCluster({ databaseUrl, env = {}, workers }: { databaseUrl: string; env?: Record<string, string | undefined>; workers: number }): Promise<ClusterServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let log = ''
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_PUBLIC_SERVER_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: process.env.BENCH_PAYLOAD_SECRET ?? crypto.createHash('sha256').update('policy-posts-bench').digest('hex'),
    REDIS_URL: undefined,
    WEB_CONCURRENCY: String(workers),
    ...env,
  }
  delete childEnv.PAYLOAD_MIGRATING
  const spawnServer = () => {
    const started = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/lib/server/startCli.ts'), '--port', String(port), '--hostname', '127.0.0.1', '--dir', SITE_DIR], {
      cwd: SITE_DIR,
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.stdout?.on('data', (chunk) => (log += chunk))
    started.stderr?.on('data', (chunk) => (log += chunk))
    return started
  }
  let child = spawnServer()
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) {
      // Node 20 now and then ends a tsx process before it runs (status 0, no output)
      if (child.exitCode === 0 && log.trim() === '') child = spawnServer()
      else throw new Error(`the server exited with ${child.exitCode}:\n${log}`)
    }
    if (/\[server\] \d+ process\(es\) listening/.test(log)) break
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`the server did not listen within 120 s:\n${log}`)
    }
    await sleep(250)
  }
  return {
    baseUrl,
    child,
    output: () => log,
    stop: () => stopChild(child, 20_000),
  }
}

async function waitForWarmUp(server: ClusterServer, timeoutMs: number): Promise<WarmUpResult> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = /\[cache\] warm-up done: (\d+)\/(\d+) page\(s\) in ([\d.]+) s[^\n]*/.exec(server.output())
    if (match) return { line: match[0], pages: Number(match[2]), seconds: Number(match[3]), warmed: Number(match[1]) }
    if (Date.now() > deadline) throw new Error(`no warm-up line within ${timeoutMs / 1000} s:\n${server.output().slice(-2000)}`)
    await sleep(250)
  }
}

async function cachedLoad(server: ClusterServer, { connections, duration, page, warmup }: { connections: number; duration: number; page: string; warmup: number }): Promise<LoadResult> {
  const first = await fetch(`${server.baseUrl}${page}`)
  await first.text()
  if (first.status !== 200) throw new Error(`GET ${page} answered ${first.status}`)
  await load({ baseUrl: server.baseUrl, connections, duration: warmup, paths: [page] })
  return load({ baseUrl: server.baseUrl, connections, duration, paths: [page] })
}

export async function benchProcesses({
  connections,
  databaseUrl,
  duration,
  log,
  paths,
  warmPages,
  warmup,
  workers,
}: {
  connections: number
  databaseUrl: string
  duration: number
  log: (line: string) => void
  paths: PagePaths
  warmPages: number
  warmup: number
  workers: number
}): Promise<ProcessesResult> {
  const readsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reads-')), 'page-reads.json')
  const manifest = JSON.parse(fs.readFileSync(path.join(SITE_DIR, '.next/prerender-manifest.json'), 'utf8'))
  const cookie = `__prerender_bypass=${manifest.preview.previewModeId}`

  const all = await startCluster({ databaseUrl, env: { PAGE_READS_FILE: readsFile, WARM_PAGES: String(warmPages) }, workers })
  const started: ClusterServer[] = [all]
  let warmUp: WarmUpResult | null = null
  let cachedAll: LoadResult
  let cachedOne: LoadResult
  let dynamicAll: LoadResult
  const rounds: number[] = []
  const rss = { idle: [] as number[], peakDuringDynamic: [] as number[] }
  try {
    if (warmPages > 0) {
      warmUp = await waitForWarmUp(all, 30 * 60_000)
      log(`  (d) ${warmUp.line}`)
    }
    const fresh = { PAGE_READS_FILE: readsFile, WARM_PAGES: '0' }
    const allFresh = await startCluster({ databaseUrl, env: fresh, workers })
    started.push(allFresh)
    const one = await startCluster({ databaseUrl, env: fresh, workers: 1 })
    started.push(one)
    cachedAll = await cachedLoad(allFresh, { connections, duration, page: paths.main, warmup })
    log(`  (a) cached, ${workers} processes: ${cachedAll.requestsPerSec} req/s, p95 ${cachedAll.latency.p95} ms`)
    cachedOne = await cachedLoad(one, { connections, duration, page: paths.main, warmup })
    log(`  (a) cached, 1 process: ${cachedOne.requestsPerSec} req/s, p95 ${cachedOne.latency.p95} ms`)
    const short = Math.max(3, Math.round(duration / 3))
    for (let round = 0; round < 3; round++) {
      const a = await load({ baseUrl: allFresh.baseUrl, connections, duration: short, paths: [paths.main] })
      const b = await load({ baseUrl: one.baseUrl, connections, duration: short, paths: [paths.main] })
      rounds.push(Math.round((a.requestsPerSec / Math.max(0.1, b.requestsPerSec)) * 100) / 100)
    }
    log(`  (a) all ÷ 1 in turns, ${short} s each: ${rounds.join(', ')}`)
    await Promise.all([allFresh.stop(), one.stop()])
    started.splice(1)

    const probe = await fetch(`${all.baseUrl}${paths.rotation[0]}`, { headers: { cookie } })
    await probe.text()
    if (probe.status !== 200) throw new Error(`dynamic GET ${paths.rotation[0]} answered ${probe.status}`)
    // every process renders every post of the rotation before the steady state is measured
    await warmRotation({ baseUrl: all.baseUrl, cookie, passes: workers * 2 + 1, paths: paths.rotation })
    await load({ baseUrl: all.baseUrl, connections, duration: warmup, headers: { cookie }, paths: paths.rotation.slice().reverse() })
    rss.idle = [...serverProcessRss(all.child.pid!).values()]
    const peaks = new Map<number, number>()
    const sampler = setInterval(() => {
      for (const [pid, mb] of serverProcessRss(all.child.pid!)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, mb))
    }, 200)
    try {
      dynamicAll = await load({ baseUrl: all.baseUrl, connections, duration, headers: { cookie }, paths: paths.rotation })
    } finally {
      clearInterval(sampler)
    }
    rss.peakDuringDynamic = [...peaks.values()]
    log(`  (b) dynamic, ${workers} processes: ${dynamicAll.requestsPerSec} req/s, p95 ${dynamicAll.latency.p95} ms; RSS per process ${rss.idle.join('/')} → peak ${rss.peakDuringDynamic.join('/')} MB`)
  } finally {
    await Promise.all(started.map((server) => server.stop()))
  }
  return {
    cachedAll,
    cachedOne,
    cachedSpeedup: [...rounds].sort((x, y) => x - y)[1],
    cachedSpeedupRounds: rounds,
    dynamicAll,
    rssPerProcessMb: { ...rss, max: Math.max(0, ...rss.idle, ...rss.peakDuringDynamic) },
    warmUp,
    workers,
  }
}
