import type { TestProject } from 'vitest/node'

import path from 'node:path'

import pg from 'pg'

import { dropDatabase } from '../../src/lib/database/createDatabase'
import { startEmbeddedPostgres } from '../../src/lib/database/embeddedPostgres'

/** Drops the per-file databases (`pp_<file>_<pid>`) once every worker has finished. */
async function dropTestDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'pp\\_%'")
  await client.end()
  for (const { datname } of rows) await dropDatabase(serverUrl, datname)
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL on which each test file creates and drops its own database. */
    serverUrl: string
  }
}

/** DATABASE_URL's server when set, else an embedded PostgreSQL under .data/test-postgres. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('serverUrl', process.env.DATABASE_URL)
    console.log(`[test] PostgreSQL from DATABASE_URL`)
    return async () => {
      await dropTestDatabases(process.env.DATABASE_URL!)
    }
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(import.meta.dirname, '../../.data/test-postgres'),
    port: Number(process.env.TEST_PG_PORT ?? 54330),
  })
  console.log(`[test] embedded PostgreSQL ${server.started ? 'started' : 'reused'} at ${server.adminUrl.replace(/:[^:@]*@/, ':***@')}`)
  project.provide('serverUrl', server.adminUrl)
  return async () => {
    await dropTestDatabases(server.adminUrl)
    await server.stop()
  }
}
