/**
 * `npm run test:faults`: the site under steady load (readers + an editor creating posts), then
 * PostgreSQL stopped for 10 s and started again, all on 127.0.0.1.
 *
 * Checks: during the outage every request is answered within 5 s (a 503 page, no hang) and the
 * server process stays up; after the restart the site serves 200s again without a restart of
 * its own; every write the API acknowledged (201) is in the database exactly once.
 * Prints the figures per phase and exits 1 when a check fails.
 */
import { finishScript, login, percentile, readerPaths, seedDatabase, startDatabase, startSite } from '../load/harness'

const READERS = Number(process.env.FAULT_READERS ?? 6)
const WARMUP_MS = 10_000
const OUTAGE_MS = 10_000
const RECOVERY_GRACE_MS = 5_000
const AFTER_MS = 20_000
const REQUEST_TIMEOUT_MS = 15_000
const HANG_LIMIT_MS = 5_000

type Phase = 'after' | 'before' | 'outage' | 'recovery'

interface Sample {
  ms: number
  path: string
  phase: Phase
  status: number // 0: network error or timeout
}

let phase: Phase = 'before'
let running = true
const samples: Sample[] = []

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; response?: Response; status: number }> {
  const started = performance.now()
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    await response.arrayBuffer()
    return { ms: performance.now() - started, response, status: response.status }
  } catch {
    return { ms: performance.now() - started, status: 0 }
  }
}

async function reader(baseUrl: string, paths: string[], offset: number) {
  let i = offset
  while (running) {
    const path = paths[i++ % paths.length]
    const at = phase
    const { ms, status } = await timed(`${baseUrl}${path}`)
    samples.push({ ms, path, phase: at, status })
  }
}

const acknowledged: string[] = []
let writeAttempts = 0

async function writer(baseUrl: string, token: string) {
  let n = 0
  while (running) {
    const title = `Fault write ${process.pid} ${++n}`
    writeAttempts++
    const at = phase
    const { ms, response, status } = await timed(`${baseUrl}/api/posts?draft=true`, {
      body: JSON.stringify({ language: n % 2 ? 'en' : 'tr', title }),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    samples.push({ ms, path: 'POST /api/posts', phase: at, status })
    if (status === 201 && response) acknowledged.push(title)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function summarize(which: Phase) {
  const list = samples.filter((sample) => sample.phase === which)
  const byStatus: Record<string, number> = {}
  for (const sample of list) byStatus[sample.status === 0 ? 'no answer' : String(sample.status)] = (byStatus[sample.status === 0 ? 'no answer' : String(sample.status)] ?? 0) + 1
  const ms = list.map((sample) => sample.ms)
  // Which URLs got a 5xx other than the outage's 503 (there should be none).
  const serverErrors: Record<string, number> = {}
  for (const sample of list) {
    if (sample.status >= 500 && sample.status !== 503) {
      const key = `${sample.status} ${sample.path.replace(/\/\d+\//, '/:id/')}`
      serverErrors[key] = (serverErrors[key] ?? 0) + 1
    }
  }
  return {
    byStatus,
    maxMs: Math.round(Math.max(0, ...ms)),
    p99Ms: Math.round(percentile(ms, 99)),
    requests: list.length,
    serverErrors,
  }
}

async function main() {
  console.log('[faults] starting PostgreSQL, seeding, starting next start on 127.0.0.1 …')
  const db = await startDatabase('faults')
  await seedDatabase(db.url)
  const site = await startSite(db.url)
  const failures: string[] = []
  try {
    const token = await login(site.baseUrl, 'editor@example.com', 'editor-demo-2025')
    const paths = await readerPaths(site.baseUrl)
    const rssStart = site.rssMb()
    const workers = [
      ...Array.from({ length: READERS }, (_, i) => reader(site.baseUrl, paths, i)),
      writer(site.baseUrl, token),
    ]
    await sleep(WARMUP_MS)

    console.log('[faults] stopping PostgreSQL for 10 s')
    phase = 'outage'
    const stoppedAt = Date.now()
    await db.stop()
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)))
    console.log('[faults] starting PostgreSQL again')
    await db.start()
    phase = 'recovery'
    await sleep(RECOVERY_GRACE_MS)
    phase = 'after'
    await sleep(AFTER_MS)
    running = false
    await Promise.all(workers)

    const alive = site.child.exitCode === null
    const rssEnd = site.rssMb()
    const rows = await db.query<{ title: string }>("select title from posts where title like 'Fault write %'")
    const found = new Map<string, number>()
    for (const row of rows) found.set(row.title, (found.get(row.title) ?? 0) + 1)
    const lost = acknowledged.filter((title) => !found.has(title))
    const duplicated = [...found.entries()].filter(([, count]) => count > 1)

    const figures = {
      before: summarize('before'),
      outage: summarize('outage'),
      recovery: summarize('recovery'),
      after: summarize('after'),
      serverAlive: alive,
      rssMb: { end: rssEnd, start: rssStart },
      writes: { acknowledged: acknowledged.length, attempted: writeAttempts, duplicated: duplicated.length, found: rows.length, lost: lost.length },
    }
    console.log('[faults] figures')
    for (const which of ['before', 'outage', 'recovery', 'after'] as const) {
      const f = figures[which]
      console.log(`  ${which.padEnd(8)} requests ${String(f.requests).padStart(5)}  p99 ${String(f.p99Ms).padStart(5)} ms  max ${String(f.maxMs).padStart(5)} ms  status ${JSON.stringify(f.byStatus)}`)
      if (Object.keys(f.serverErrors).length > 0) console.log(`           other 5xx: ${JSON.stringify(f.serverErrors)}`)
    }
    console.log(`  server alive after the outage: ${alive}; RSS start ${rssStart} MB, end ${rssEnd} MB`)
    console.log(`  writes: attempted ${writeAttempts}, acknowledged (expected) ${acknowledged.length}, found ${rows.length}, lost ${lost.length}, duplicated ${duplicated.length}`)

    if (!alive) failures.push('the server process died during the outage')
    if (figures.outage.maxMs > HANG_LIMIT_MS) failures.push(`a request during the outage took ${figures.outage.maxMs} ms (limit ${HANG_LIMIT_MS} ms)`)
    if (!figures.outage.byStatus['503']) failures.push('no 503 answer during the outage')
    for (const which of ['outage', 'recovery'] as const) {
      const other = Object.entries(figures[which].serverErrors)
      if (other.length > 0) failures.push(`${which}: 5xx other than 503 (a database failure must be a 503): ${JSON.stringify(Object.fromEntries(other))}`)
    }
    if (figures.outage.byStatus['no answer']) failures.push(`${figures.outage.byStatus['no answer']} request(s) got no answer during the outage`)
    const afterErrors = Object.entries(figures.after.byStatus).filter(([status]) => !/^[23]\d\d$/.test(status))
    if (afterErrors.length > 0) failures.push(`after recovery: ${JSON.stringify(Object.fromEntries(afterErrors))}`)
    if (figures.after.requests === 0) failures.push('no request completed after recovery')
    if (lost.length > 0) failures.push(`${lost.length} acknowledged write(s) lost: ${lost.slice(0, 5).join(', ')}`)
    if (duplicated.length > 0) failures.push(`${duplicated.length} write(s) duplicated`)
    console.log(JSON.stringify({ faults: figures }))
  } catch (error) {
    failures.push(String((error as Error).stack ?? error))
  } finally {
    running = false
    await site.stop()
    await db.stop().catch(() => undefined)
  }
  finishScript('faults', failures, site.output())
}

void main()
