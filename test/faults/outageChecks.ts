/**
 * The phases of `npm run test:faults`, its figures per class and phase, and what makes it fail.
 * Pure: the script (db-outage.ts) records samples and hands them here.
 *
 * Phases follow PostgreSQL, not the script's intentions: `stopping` from the stop command until
 * PostgreSQL is gone (it may still answer, or refuse with "shutting down"); `outage` while it is
 * gone; `recovery` from the start command (it refuses while starting up) until a grace period
 * after it accepts connections; `after` from then on.
 */
import { percentile } from '../load/harness'

export const PHASES = ['before', 'stopping', 'outage', 'recovery', 'after'] as const
export const KINDS = ['cached', 'uncached', 'api', 'write'] as const
export type Phase = (typeof PHASES)[number]
export type Kind = (typeof KINDS)[number]

export interface Sample {
  /** The start of a 5xx body, for the failure message. */
  detail?: string
  kind: Kind
  ms: number
  /** The answer is what it must be: 200 with the marker and no Retry-After (cached), the unavailable page with Retry-After (uncached during the outage). */
  ok: boolean
  path: string
  /** The phase when the request was sent. */
  phase: Phase
  /** When it was sent, in ms since PostgreSQL accepted connections again (negative before). */
  sinceReadyMs?: number
  status: number // 0: network error or timeout
}

/**
 * The phase a request belongs to: the one it was sent in, except that a request still in
 * flight when PostgreSQL was told to stop belongs to `stopping` (the shutdown may cut it: a 503
 * is right), and one sent during the outage but answered after the start command belongs to
 * `recovery` (PostgreSQL may have served it: a rendered 200 is right).
 */
export function phaseOfRequest(sent: Phase, answered: Phase): Phase {
  const order = (which: Phase) => PHASES.indexOf(which)
  if (sent === 'before' && order(answered) > order('before')) return 'stopping'
  if (sent === 'outage' && order(answered) > order('outage')) return 'recovery'
  return sent
}

export interface Figures {
  byStatus: Record<string, number>
  maxMs: number
  notOk: string[]
  ok: number
  p99Ms: number
  requests: number
}

export function summarize(samples: Sample[], kind: Kind, which: Phase): Figures {
  const list = samples.filter((sample) => sample.kind === kind && sample.phase === which)
  const byStatus: Record<string, number> = {}
  for (const sample of list) {
    const key = sample.status === 0 ? 'no answer' : String(sample.status)
    byStatus[key] = (byStatus[key] ?? 0) + 1
  }
  const ms = list.map((sample) => sample.ms)
  return {
    byStatus,
    maxMs: Math.round(Math.max(0, ...ms)),
    notOk: list.filter((sample) => !sample.ok).map((sample) => `${sample.status} ${sample.path}`).slice(0, 5),
    ok: list.filter((sample) => sample.ok).length,
    p99Ms: Math.round(percentile(ms, 99)),
    requests: list.length,
  }
}

export type AllFigures = Record<Kind, Record<Phase, Figures>>

export function allFigures(samples: Sample[]): AllFigures {
  return Object.fromEntries(KINDS.map((kind) => [kind, Object.fromEntries(PHASES.map((which) => [which, summarize(samples, kind, which)]))])) as AllFigures
}

/**
 * How long after PostgreSQL accepted connections again the API answered its first read with
 * 2xx, every later read being 2xx too (undefined: it never settled).
 */
export function apiRecoveredMs(samples: Sample[]): number | undefined {
  const reads = samples.filter((sample) => sample.kind === 'api' && sample.sinceReadyMs !== undefined).sort((a, b) => a.sinceReadyMs! - b.sinceReadyMs!)
  let firstOfGoodRun: Sample | undefined
  for (const sample of reads) {
    if (sample.status >= 200 && sample.status < 300) firstOfGoodRun ??= sample
    else firstOfGoodRun = undefined
  }
  return firstOfGoodRun ? Math.max(0, Math.round(firstOfGoodRun.sinceReadyMs! + firstOfGoodRun.ms)) : undefined
}

/** No request may take longer than this where it says (a reader must never hang). */
export const HANG_LIMIT_MS = 5_000

const isSuccess = (status: string) => /^[23]\d\d$/.test(status)
const details = (samples: Sample[], kind: Kind, which: Phase) =>
  [...new Set(samples.filter((sample) => sample.kind === kind && sample.phase === which && sample.detail).map((sample) => `${sample.path}: ${sample.detail}`))]
    .slice(0, 3)
    .join(' | ')

/** Every way the run failed, in words; empty when it passed. */
export function outageFailures(samples: Sample[]): string[] {
  const figures = allFigures(samples)
  const failures: string[] = []
  for (const which of PHASES) {
    const c = figures.cached[which]
    if (c.ok !== c.requests) failures.push(`cached pages, ${which}: ${c.requests - c.ok} of ${c.requests} not 200 with their content (${c.notOk.join('; ')})`)
  }
  const outageUncached = figures.uncached.outage
  if (outageUncached.requests === 0) failures.push('no uncached page was read during the outage')
  if (outageUncached.byStatus['503'] !== outageUncached.requests) {
    failures.push(`uncached pages during the outage: ${JSON.stringify(outageUncached.byStatus)} (all must be the 503 page)`)
  }
  if (outageUncached.ok !== outageUncached.requests) failures.push(`uncached pages during the outage without the unavailable page and Retry-After: ${outageUncached.notOk.join('; ')}`)
  for (const kind of KINDS) {
    // Cached pages never need the database; nothing may wait for a database that is not there.
    const bounded: readonly Phase[] = kind === 'cached' ? PHASES : ['stopping', 'outage']
    for (const which of bounded) {
      const f = figures[kind][which]
      if (f.maxMs > HANG_LIMIT_MS) failures.push(`${kind}: a request while ${which} took ${f.maxMs} ms (limit ${HANG_LIMIT_MS} ms)`)
    }
    for (const which of PHASES) {
      const f = figures[kind][which]
      if (f.byStatus['no answer']) failures.push(`${kind}, ${which}: ${f.byStatus['no answer']} request(s) got no answer`)
      const other = Object.entries(f.byStatus).filter(([status]) => Number(status) >= 500 && status !== '503')
      if (other.length > 0) failures.push(`${kind}, ${which}: 5xx other than 503: ${JSON.stringify(Object.fromEntries(other))} ${details(samples, kind, which)}`)
    }
    // With PostgreSQL up, everything succeeds.
    for (const which of ['before', 'after'] as const) {
      const errors = Object.entries(figures[kind][which].byStatus).filter(([status]) => !isSuccess(status))
      if (errors.length > 0) failures.push(`${kind}, ${which} the outage: ${JSON.stringify(Object.fromEntries(errors))} ${details(samples, kind, which)}`)
    }
    if (figures[kind].after.requests === 0) failures.push(`${kind}: no request completed after recovery`)
  }
  if (!figures.api.outage.byStatus['503']) failures.push('the API gave no 503 during the outage')
  return failures
}
