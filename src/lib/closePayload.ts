import type { Payload } from 'payload'

import { cancelTermStatisticsCheck } from 'payload-policy-posts'

interface ClientLike {
  on: (event: 'error', listener: () => void) => void
}

interface PoolLike {
  _clients?: ClientLike[]
  end: () => Promise<void>
  ended?: boolean
  on: (event: 'error', listener: () => void) => void
}

/**
 * Shuts a Payload instance down, including its Postgres pool: `destroy()` leaves idle pool
 * clients behind, and their errors would crash the process once the server stops.
 */
export async function closePayload(payload: Payload): Promise<void> {
  cancelTermStatisticsCheck(payload)
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: PoolLike }).pool
  if (!pool || pool.ended) return
  pool.on('error', () => undefined)
  // Schema push keeps one client checked out; it has no error listener of its own.
  for (const client of pool._clients ?? []) client.on('error', () => undefined)
  // A client still checked out would make end() wait forever.
  await Promise.race([pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000))])
}
