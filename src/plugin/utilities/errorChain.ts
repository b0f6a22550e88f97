/**
 * An error and what it wraps (`cause`, as Drizzle's "Failed query" and Payload's errors use it,
 * GraphQL's `originalError`, an AggregateError's `errors`), outermost first, each once.
 */
export function errorChain(error: unknown, limit = 20): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  const queue: unknown[] = [error]
  const seen = new Set<unknown>()
  while (queue.length > 0 && chain.length < limit) {
    const current = queue.shift()
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    const candidate = current as Record<string, unknown>
    chain.push(candidate)
    queue.push(candidate.cause, candidate.originalError)
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors)
  }
  return chain
}
