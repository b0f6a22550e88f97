import path from 'node:path'

import { ensureDatabase } from './createDatabase'
import { startEmbeddedPostgres } from './embeddedPostgres'

export interface ResolvedDatabase {
  url: string
  /** Where the data lives, for the start-up log line. */
  description: string
  stop: () => Promise<void>
}

const redact = (url: string) => {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL with its data under `.data/`,
 * started by this process and stopped when it exits.
 */
export async function resolveDatabase({
  databaseName = 'policy_posts',
  dataDir = path.join(process.cwd(), '.data', 'postgres'),
  port = Number(process.env.EMBEDDED_PG_PORT ?? 54329),
}: { databaseName?: string; dataDir?: string; port?: number } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL
    return { description: `PostgreSQL at ${redact(url)} (DATABASE_URL)`, stop: async () => undefined, url }
  }
  const server = await startEmbeddedPostgres({ dataDir, port })
  const url = await ensureDatabase(server.adminUrl, databaseName)
  const how = server.started ? 'started' : 'already running'
  return {
    description: `embedded PostgreSQL 15 (${how}) at 127.0.0.1:${port}, data in ${path.relative(process.cwd(), dataDir) || dataDir}`,
    stop: server.stop,
    url,
  }
}
