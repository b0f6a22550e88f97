import type { TestProject } from 'vitest/node'

import crypto from 'node:crypto'
import path from 'node:path'
import pg from 'pg'

import { dropDatabase } from '../../src/lib/database/createDatabase'
import { startEmbeddedPostgres } from '../../src/lib/database/embeddedPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Suffix of this run's databases, so concurrent runs on one server never touch each other's. */
    runId: string
    /** A server URL on which each test file creates its own database. */
    serverUrl: string
  }
}

async function databasesLike(serverUrl: string, pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [pattern])
    return rows.map((row) => row.datname)
  } finally {
    await client.end()
  }
}

/** Drops this run's per-file databases (`pp_<file>_<runId>`) once every worker has finished. */
async function dropRunDatabases(serverUrl: string, runId: string): Promise<void> {
  for (const name of await databasesLike(serverUrl, `pp\\_%\\_${runId}`)) await dropDatabase(serverUrl, name)
}

/** DATABASE_URL's server when set, else an embedded PostgreSQL under .data/test-postgres. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = crypto.randomBytes(4).toString('hex')
  project.provide('runId', runId)
  if (process.env.DATABASE_URL) {
    project.provide('serverUrl', process.env.DATABASE_URL)
    console.log('[test] PostgreSQL from DATABASE_URL')
    return async () => dropRunDatabases(process.env.DATABASE_URL!, runId)
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(import.meta.dirname, '../../.data/test-postgres'),
    port: Number(process.env.TEST_PG_PORT ?? 54330),
  })
  console.log(`[test] embedded PostgreSQL ${server.started ? 'started' : 'reused'} at ${server.adminUrl.replace(/:[^:@]*@/, ':***@')}`)
  project.provide('serverUrl', server.adminUrl)
  return async () => {
    await dropRunDatabases(server.adminUrl, runId)
    // Another run sharing the server still has databases on it: leave the server to it.
    const others = await databasesLike(server.adminUrl, 'pp\\_%')
    if (server.started && others.length === 0) await server.stop()
  }
}
