export interface Summary {
  samples: number
  p50: number
  p95: number
  p99: number
  mean: number
  min: number
  max: number
}

/** Percentile with linear interpolation between closest ranks (sorted ascending input). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo)
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length)
  return {
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(mean),
    min: round(sorted[0] ?? NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    samples: sorted.length,
  }
}

/** Times `fn` once, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await fn()
  return { ms: performance.now() - start, result }
}
