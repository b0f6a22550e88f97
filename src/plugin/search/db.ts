import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { ResolvedPolicyPostsOptions } from '../options'

import { ensureUnaccent } from './accentFolding'
import { postsTableName, searchTableName, termsTableName } from './schema'
import { textSearchConfigs, usesTurkicCase } from './textSearch'

export interface QueryRunner {
  execute: (query: SQL) => Promise<{ rowCount?: null | number; rows: Record<string, unknown>[] }>
}

type DrizzleTable = Record<string, any>

interface PostgresAdapterLike {
  drizzle: QueryRunner
  name: string
  schemaName?: string
  sessions?: Record<number | string, { db: QueryRunner } | undefined>
  tableNameMap: Map<string, string>
  tables: Record<string, DrizzleTable>
}

function adapterOf(payload: Payload): PostgresAdapterLike {
  const db = payload.db as unknown as PostgresAdapterLike
  if (db.name !== 'postgres' || !db.drizzle) {
    throw new Error(`[policy-posts] similar posts and search need the Postgres adapter, not "${db.name}"`)
  }
  return db
}

/** Drizzle for raw SQL: the request's transaction when it has one, so reads see its writes. */
export async function queryRunner(payload: Payload, req?: Partial<PayloadRequest>): Promise<QueryRunner> {
  const db = adapterOf(payload)
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  return (transactionID !== undefined && db.sessions?.[transactionID]?.db) || db.drizzle
}

export interface SearchTables {
  fts: DrizzleTable
  highlights?: DrizzleTable
  posts: DrizzleTable
  /** Payload's relationship table of posts (`posts_rels`: manual similar-post picks…). */
  rels?: DrizzleTable
  /** Document frequencies of the indexed lexemes (termStatistics.ts). */
  terms: DrizzleTable
}

/** The Drizzle tables behind posts, their highlights and the full-text index. */
export function searchTables(payload: Payload, options: ResolvedPolicyPostsOptions): SearchTables {
  const db = adapterOf(payload)
  const postsName = postsTableName(db, options.slugs.posts)
  const posts = db.tables[postsName]
  const fts = db.tables[searchTableName(postsName)]
  const terms = db.tables[termsTableName(postsName)]
  if (!posts || !fts || !terms) {
    throw new Error(
      `[policy-posts] the full-text tables "${searchTableName(postsName)}" and "${termsTableName(postsName)}" are not in the schema; add policyPostsSchemaHooks() to postgresAdapter({ afterSchemaInit }) if the adapter is wrapped elsewhere`,
    )
  }
  const highlightsKey = `${postsName}_highlights`
  const highlights = db.tables[db.tableNameMap.get(highlightsKey) ?? highlightsKey]
  const relsKey = `${postsName}_rels`
  const rels = db.tables[db.tableNameMap.get(relsKey) ?? relsKey]
  return { fts, highlights, posts, rels, terms }
}

const checkedConfigs = new WeakMap<Payload, Promise<Map<string, string>>>()

/**
 * Language code → text search configuration that exists in this database. A configured
 * name the server lacks falls back to `simple` (with one warning) instead of failing queries.
 */
export function availableConfigs(payload: Payload, options: ResolvedPolicyPostsOptions): Promise<Map<string, string>> {
  let cached = checkedConfigs.get(payload)
  if (!cached) {
    cached = (async () => {
      const wanted = textSearchConfigs(options)
      const names = [...new Set(wanted.values())]
      const result = await adapterOf(payload).drizzle.execute(
        sql`select cfgname from pg_ts_config where cfgname in (${sql.join(
          names.map((name) => sql`${name.replace(/^.*\./, '')}`),
          sql`, `,
        )})`,
      )
      const present = new Set(result.rows.map((row) => String(row.cfgname)))
      const resolved = new Map<string, string>()
      for (const [code, name] of wanted) {
        if (present.has(name.replace(/^.*\./, ''))) resolved.set(code, name)
        else {
          payload.logger.warn(
            `[policy-posts] text search configuration "${name}" (language "${code}") does not exist in this database; using "simple"`,
          )
          resolved.set(code, 'simple')
        }
      }
      return resolved
    })()
    cached.catch(() => checkedConfigs.delete(payload))
    checkedConfigs.set(payload, cached)
  }
  return cached
}

const checkedFolding = new WeakMap<Payload, Promise<boolean>>()

/**
 * Whether search folds accents (PostgreSQL's `unaccent` is available; see accentFolding.ts).
 * Without it search still works, accent-sensitive, after one warning.
 */
export function accentFolding(payload: Payload): Promise<boolean> {
  let cached = checkedFolding.get(payload)
  if (!cached) {
    cached = ensureUnaccent(adapterOf(payload).drizzle).then(
      () => true,
      (error: Error) => {
        payload.logger.warn(
          `[policy-posts] search cannot ignore accents, the PostgreSQL "unaccent" extension is unavailable (${error.message}): "turkiye" will not find "Türkiye"`,
        )
        return false
      },
    )
    checkedFolding.set(payload, cached)
  }
  return cached
}

/** `CASE language WHEN 'en' THEN 'english'::regconfig … ELSE 'simple' END` over a column. */
export function configCase(language: SQL | DrizzleTable[string], configs: Map<string, string>): SQL {
  const branches = [...configs].map(([code, name]) => sql`when ${code} then ${name}::regconfig`)
  if (branches.length === 0) return sql`'simple'::regconfig`
  return sql`(case ${language}::text ${sql.join(branches, sql` `)} else 'simple'::regconfig end)`
}

/** Applies the Turkish I/İ rule to `text` for rows whose language uses it. */
export function foldCase(language: SQL | DrizzleTable[string], text: SQL, codes: string[]): SQL {
  const turkic = codes.filter(usesTurkicCase)
  if (turkic.length === 0) return text
  return sql`(case when ${language}::text in (${sql.join(
    turkic.map((code) => sql`${code}`),
    sql`, `,
  )}) then translate(${text}, 'Iİ', 'ıi') else ${text} end)`
}
