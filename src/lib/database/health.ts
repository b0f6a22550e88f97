import net from 'node:net'

interface HealthState {
  checkedAt: number
  ok: boolean
  pending?: Promise<boolean>
}

const state: HealthState = { checkedAt: 0, ok: true }

function probe(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok: boolean) => {
      socket.removeAllListeners()
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Whether PostgreSQL at `url` accepts TCP connections, checked at most once per `ttlMs` (one
 * probe shared by concurrent callers) and never waiting longer than `timeoutMs`. Lets the site
 * answer 503 at once during a database outage instead of letting every request time out.
 * Without a URL (nothing to check) it says true.
 */
export async function databaseReachable(
  url: string | undefined = process.env.DATABASE_URL,
  { timeoutMs = 500, ttlMs = 1_000 }: { timeoutMs?: number; ttlMs?: number } = {},
): Promise<boolean> {
  if (!url) return true
  const now = Date.now()
  if (now - state.checkedAt < ttlMs) return state.ok
  if (state.pending) return state.pending
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return true
  }
  const host = parsed.hostname || '127.0.0.1'
  const port = Number(parsed.port || 5432)
  state.pending = probe(host, port, timeoutMs).then((ok) => {
    state.ok = ok
    state.checkedAt = Date.now()
    state.pending = undefined
    return ok
  })
  return state.pending
}
