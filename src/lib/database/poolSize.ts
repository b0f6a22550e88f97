/**
 * Connections one server process may open: its share of DATABASE_POOL_TOTAL (default 20) among
 * the SERVER_PROCESSES processes `npm start` runs (1 outside it), at least 2, and at most
 * DATABASE_POOL_MAX (default 10, the ceiling a single process had before).
 */
export function poolMaxPerProcess(env: Record<string, string | undefined> = process.env): number {
  const positive = (name: string, fallback: number): number => {
    const value = env[name]?.trim()
    if (!value) return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive whole number (got "${value}")`)
    return number
  }
  const ceiling = positive('DATABASE_POOL_MAX', 10)
  const share = Math.floor(positive('DATABASE_POOL_TOTAL', 20) / positive('SERVER_PROCESSES', 1))
  return Math.min(ceiling, Math.max(2, share))
}
