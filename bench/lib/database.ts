/**
 * The benchmark's databases: one per corpus size (`bench_1k`, `bench_10k`, …) on the server of
 * `DATABASE_URL` when set, else on a dedicated embedded PostgreSQL (`.data/bench-postgres`,
 * port 54331) so benchmarks never touch the dev or test databases. A generated corpus is
 * recorded in the database's COMMENT (generator version, seed, size, schema hash) and reused
 * by later runs; the comment lives outside the schema Payload pushes, so a push never drops it.
 */
import type { Payload } from 'payload'

import { getTableConfig } from '@payloadcms/db-postgres/drizzle/pg-core'
import { pushDevSchema } from '@payloadcms/drizzle'
import crypto from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { getPayload } from 'payload'

import { closePayload } from '../../src/lib/closePayload'
import { createSiteConfig } from '../../src/lib/createSiteConfig'
import { databaseUrl, ensureDatabase } from '../../src/lib/database/createDatabase'
import { startEmbeddedPostgres } from '../../src/lib/database/embeddedPostgres'

export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54331)
export const BENCH_SHARED_BUFFERS = '3GB'
export const BENCH_PG_DIR = path.resolve(import.meta.dirname, '../../.data/bench-postgres')

export interface BenchServer {
  /** URL of the server's maintenance database (`postgres`). */
  adminUrl: string
  description: string
  stop: () => Promise<void>
}

export async function benchServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    const adminUrl = databaseUrl(process.env.DATABASE_URL, 'postgres')
    const shown = new URL(adminUrl)
    if (shown.password) shown.password = '***'
    return { adminUrl, description: `PostgreSQL at ${shown.host} (DATABASE_URL)`, stop: async () => undefined }
  }
  // Sized like a database server's cache for this corpus (the 100k full-text table is 1.2 GB);
  // PostgreSQL's default 128 MB would measure disk reads, not the queries.
  const server = await startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, port: BENCH_PG_PORT, settings: { shared_buffers: BENCH_SHARED_BUFFERS } })
  return {
    adminUrl: server.adminUrl,
    description: `embedded PostgreSQL 15 at 127.0.0.1:${BENCH_PG_PORT} (${server.started ? 'started' : 'already running'}), data in .data/bench-postgres`,
    stop: server.stop,
  }
}

/** `1000` → `1k`, `100000` → `100k`, `2500` → `2500`. */
export const sizeLabel = (posts: number): string => (posts % 1000 === 0 ? `${posts / 1000}k` : String(posts))

export interface CorpusMarker {
  version: number
  seed: string
  posts: number
  schema: string
  /** Highest ids of the generated rows: anything above was added by a benchmark and is removed. */
  maxIds: Record<string, number>
  generatedMs: number
  generatedAt: string
  counts: Record<string, number>
}

export async function readMarker(url: string): Promise<CorpusMarker | null> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`,
    )
    const comment = result.rows[0]?.comment as null | string
    if (!comment?.startsWith('{')) return null
    return JSON.parse(comment) as CorpusMarker
  } catch {
    return null
  } finally {
    await client.end()
  }
}

export async function writeMarker(payload: Payload, marker: CorpusMarker | null): Promise<void> {
  const drizzle = (payload.db as unknown as { drizzle: { execute: (q: string) => Promise<unknown> } }).drizzle
  const text = marker ? JSON.stringify(marker).replace(/'/g, "''") : ''
  await drizzle.execute(`do $$ begin execute format('comment on database %I is %L', current_database(), '${text}'); end $$`)
}

/**
 * Hash of the tables Payload derives from the config, and of the columns of the ones schema
 * hooks add (the full-text tables): a schema change is pushed onto, or invalidates, the corpus.
 */
export function schemaHash(payload: Payload): string {
  const db = payload.db as unknown as { rawTables: Record<string, unknown>; tables: Record<string, object> }
  const hooked = Object.keys(db.tables)
    .filter((name) => !(name in db.rawTables))
    .sort()
    .map((name) => [name, getTableConfig(db.tables[name] as never).columns.map((column) => `${column.name}:${column.getSQLType()}`)])
  return crypto.createHash('sha1').update(JSON.stringify([db.rawTables, hooked])).digest('hex').slice(0, 16)
}

/**
 * Runs Payload's dev schema push, refusing (instead of prompting or exiting) when the push
 * would need confirmation because of data loss.
 */
export async function pushSchema(payload: Payload): Promise<boolean> {
  const exit = process.exit
  const refused = new Error('schema push needs confirmation')
  process.exit = ((() => {
    throw refused
  }) as unknown) as typeof process.exit
  const stdinTTY = process.stdin.isTTY
  try {
    // Never prompt: prompts on a non-TTY stdin resolves as "no" and exits.
    Object.defineProperty(process.stdin, 'isTTY', { configurable: true, value: false })
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    await pushDevSchema(payload.db as never)
    return true
  } catch (error) {
    if (error === refused) return false
    throw error
  } finally {
    process.exit = exit
    Object.defineProperty(process.stdin, 'isTTY', { configurable: true, value: stdinTTY })
    delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
  }
}

async function hasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(`select 1 from pg_tables where schemaname = 'public' and tablename = 'posts'`)).rowCount === 1
  } finally {
    await client.end()
  }
}

export interface BenchDatabase {
  name: string
  url: string
  payload: Payload
  marker: CorpusMarker | null
  close: () => Promise<void>
}

/**
 * Opens Payload on the benchmark database of `posts` posts, without letting Payload push the
 * schema on its own (a prompt would stop an unattended run): the caller decides with
 * `schemaHash`/`pushSchema` whether the stored corpus can be reused.
 */
export async function openBenchDatabase(server: BenchServer, posts: number): Promise<BenchDatabase> {
  const name = `bench_${sizeLabel(posts)}`
  const url = await ensureDatabase(server.adminUrl, name)
  const marker = await readMarker(url)
  // A database without tables gets Payload's own push on start-up (nothing to lose, no
  // prompt); an existing one is opened without it and checked by the caller.
  const previous = process.env.PAYLOAD_MIGRATING
  if (await hasTables(url)) process.env.PAYLOAD_MIGRATING = 'true'
  let payload: Payload
  try {
    const config = await createSiteConfig({ databaseUrl: url })
    payload = await getPayload({ config, key: `bench-${name}` })
  } finally {
    if (previous === undefined) delete process.env.PAYLOAD_MIGRATING
    else process.env.PAYLOAD_MIGRATING = previous
  }
  return { close: () => closePayload(payload), marker, name, payload, url }
}

/**
 * Loads the tables the measured paths read (posts, their relations and highlights, the
 * full-text tables with their TOAST and indexes) into shared buffers with `pg_prewarm`, as a
 * database server's cache holds an archive's working set; otherwise the first samples measure
 * disk reads. Returns the megabytes loaded (0 when the extension is missing).
 */
export async function warmCaches(payload: Payload): Promise<number> {
  const db = (payload.db as unknown as { drizzle: { execute: (q: string) => Promise<{ rows: Record<string, unknown>[] }> } }).drizzle
  try {
    await db.execute('create extension if not exists pg_prewarm')
  } catch {
    return 0
  }
  const tables = `('posts', 'posts_fts', 'posts_fts_terms', 'posts_rels', 'posts_highlights', 'categories', 'categories_locales', 'authors', 'authors_locales')`
  const result = await db.execute(`
    with rels as (
      select c.oid from pg_class c where c.relname in ${tables} and c.relnamespace = current_schema()::regnamespace
    ),
    targets as (
      select oid from rels
      union select c.reltoastrelid from pg_class c join rels on rels.oid = c.oid where c.reltoastrelid <> 0
      union select i.indexrelid from pg_index i join rels on rels.oid = i.indrelid
      union select i.indexrelid from pg_index i join pg_class c on c.reltoastrelid = i.indrelid join rels on rels.oid = c.oid
    )
    select coalesce(sum(pg_prewarm(oid)), 0)::bigint * current_setting('block_size')::int / 1048576 as mb from targets
  `)
  return Number(result.rows[0]?.mb ?? 0)
}
