/**
 * How many server processes `npm start` runs: WEB_CONCURRENCY, a positive whole number or
 * "auto"; unset or empty means one per core. 1 is a single server process, as before.
 */
export function workerCount(value: string | undefined, cores: number): number {
  const text = value?.trim() ?? ''
  if (text === '' || text.toLowerCase() === 'auto') return Math.max(1, Math.floor(cores))
  const count = Number(text)
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`WEB_CONCURRENCY must be a positive whole number or "auto" (got "${value}")`)
  }
  return count
}
