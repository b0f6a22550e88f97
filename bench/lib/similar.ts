/**
 * `findSimilarPosts` (the plugin's real function) over random published posts, and the same
 * call with the full-text GIN index out of the planner's reach — dropped inside a transaction
 * that is rolled back — so the identical ranking runs as a sequential scan: the baseline.
 */
import type { Payload } from 'payload'

import { createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Summary } from './stats'

import { cardSelect } from '../../src/lib/site/data'
import { findSimilarPosts } from 'payload-policy-posts'
import { Random } from './random'
import { summarize } from './stats'

interface Db {
  execute: (query: string) => Promise<{ rows: Record<string, unknown>[] }>
}

export interface SimilarResult {
  /** Samples are taken until `samples` posts or the time budget (≥ 50 samples) is used up. */
  indexed: Summary & { throughputPerSec: number; concurrentThroughputPerSec: number; averageFound: number }
  baseline: (Summary & { sameResults: number; budgetSeconds: number }) | { skipped: string }
  speedupP95?: number
  ginIndex: string
}

/** As the post page asks (src/lib/site/data.ts `getSimilarPosts`): three cards at depth 0, as a reader. */
const SITE_CALL = { depth: 0, limit: 3, overrideAccess: false, select: cardSelect } as const

export async function samplePublishedIds(payload: Payload, count: number, seed: string): Promise<number[]> {
  const db = (payload.db as unknown as { drizzle: Db }).drizzle
  const rows = (await db.execute(`select id from posts where _status = 'published' order by id`)).rows.map((r) => Number(r.id))
  const random = new Random(`${seed}:similar-sample`)
  return random.sample(rows, Math.min(count, rows.length))
}

export async function benchSimilar(
  payload: Payload,
  {
    baselineBudgetSeconds = 120,
    indexedBudgetSeconds = 300,
    log,
    samples = 300,
    seed,
  }: { baselineBudgetSeconds?: number; indexedBudgetSeconds?: number; log: (line: string) => void; samples?: number; seed: string },
): Promise<SimilarResult> {
  const ids = await samplePublishedIds(payload, samples, seed)
  const warm = ids.slice(0, Math.min(30, ids.length))
  for (const id of warm) await findSimilarPosts(payload, id, SITE_CALL)

  const times: number[] = []
  const found: Map<number, string> = new Map()
  let total = 0
  const started = performance.now()
  const measureDeadline = started + indexedBudgetSeconds * 1000
  for (const id of ids) {
    // a slow ranking must not hold a large run forever: stop after the budget (≥ 50 samples)
    if (performance.now() > measureDeadline && times.length >= 50) break
    const t0 = performance.now()
    const docs = await findSimilarPosts(payload, id, SITE_CALL)
    times.push(performance.now() - t0)
    total += docs.length
    found.set(id, docs.map((d) => d.id).join(','))
  }
  const elapsed = (performance.now() - started) / 1000
  const measured = ids.slice(0, times.length)

  // throughput with 4 concurrent callers (a busy site renders several pages at once)
  let cursor = 0
  let completed = 0
  const concurrentStart = performance.now()
  const concurrentDeadline = concurrentStart + Math.max(30, indexedBudgetSeconds / 4) * 1000
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (cursor < measured.length && (performance.now() < concurrentDeadline || completed < 20)) {
        const id = measured[cursor++]
        await findSimilarPosts(payload, id, SITE_CALL)
        completed++
      }
    }),
  )
  const concurrentElapsed = (performance.now() - concurrentStart) / 1000
  const indexed = {
    ...summarize(times),
    averageFound: Math.round((total / times.length) * 100) / 100,
    concurrentThroughputPerSec: Math.round((completed / concurrentElapsed) * 10) / 10,
    throughputPerSec: Math.round((times.length / elapsed) * 10) / 10,
  }
  log(`  findSimilarPosts: p50 ${indexed.p50} ms, p95 ${indexed.p95} ms, p99 ${indexed.p99} ms (${times.length} posts)`)

  const db = (payload.db as unknown as { drizzle: Db }).drizzle
  const gin = (
    await db.execute(
      `select indexname from pg_indexes where schemaname = current_schema() and tablename = 'posts_fts' and indexdef ilike '%using gin%'`,
    )
  ).rows.map((r) => String(r.indexname))
  if (gin.length === 0) return { baseline: { skipped: 'no GIN index on posts_fts' }, ginIndex: '(none)', indexed }

  // Baseline: same function, same ranking SQL, with the GIN index dropped in a rolled-back
  // transaction, so Postgres has to scan and match every stored vector.
  const baseTimes: number[] = []
  let same = 0
  const deadline = performance.now() + baselineBudgetSeconds * 1000
  for (const id of measured) {
    if (performance.now() > deadline && baseTimes.length >= 10) break
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      const sessions = (payload.db as unknown as { sessions: Record<string, { db: Db }> }).sessions
      const session = sessions[String(await req.transactionID)].db
      for (const name of gin) await session.execute(`drop index "${name}"`)
      const t0 = performance.now()
      const docs = await findSimilarPosts(payload, id, { ...SITE_CALL, req })
      baseTimes.push(performance.now() - t0)
      if (docs.map((d) => d.id).join(',') === found.get(id)) same++
    } finally {
      await killTransaction(req)
    }
  }
  const baseline = { ...summarize(baseTimes), budgetSeconds: baselineBudgetSeconds, sameResults: same }
  log(`  baseline (sequential scan): p50 ${baseline.p50} ms, p95 ${baseline.p95} ms (${baseTimes.length} posts)`)
  return { baseline, ginIndex: gin.join(', '), indexed, speedupP95: Math.round((baseline.p95 / indexed.p95) * 10) / 10 }
}
