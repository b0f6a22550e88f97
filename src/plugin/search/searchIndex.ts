import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { ResolvedPolicyPostsOptions } from '../options'

import { foldVector } from './accentFolding'
import { accentFolding, availableConfigs, configCase, foldCase, queryRunner, searchTables } from './db'
import { refreshTermStatisticsIfStale, scheduleTermStatisticsCheck } from './termStatistics'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

// Every string `text` property anywhere in the Lexical state: the text nodes, in document order.
const LEXICAL_TEXT_PATH = 'strict $.**.text ? (@.type() == "string")'

/**
 * `INSERT … SELECT` computing each post's weighted vector from what is stored in the posts
 * table itself (title A, highlights B, body text C). The posts table holds the published
 * version of a published post (a later draft lives only in the versions table), so the index
 * never leaks unpublished wording.
 */
async function upsertVectors(
  payload: Payload,
  options: ResolvedPolicyPostsOptions,
  where: (t: ReturnType<typeof searchTables>) => SQL,
  req?: Partial<PayloadRequest>,
): Promise<number> {
  const tables = searchTables(payload, options)
  const { fts, highlights, posts } = tables
  const configs = await availableConfigs(payload, options)
  const folding = await accentFolding(payload)
  const codes = [...configs.keys()]
  const config = configCase(posts.language, configs)
  const fold = (vector: SQL) => (folding ? foldVector(vector) : vector)
  const vector = (text: SQL, weight: 'A' | 'B' | 'C') =>
    sql`setweight(to_tsvector(${config}, ${foldCase(posts.language, sql`coalesce(${text}, '')`, codes)}), ${sql.raw(`'${weight}'`)})`
  const highlightText = highlights
    ? sql`(select string_agg(${highlights.text}, ' ' order by ${highlights._order}) from ${highlights} where ${highlights._parentID} = ${posts.id})`
    : sql`''`
  const bodyText = sql`(select string_agg(t #>> '{}', ' ') from jsonb_path_query(${posts.content}, ${LEXICAL_TEXT_PATH}::jsonpath) as t)`
  const db = await queryRunner(payload, req)
  const result = await db.execute(sql`
    insert into ${fts} (id, search_vector, indexed_at)
    select ${posts.id},
      ${fold(sql`(${vector(sql`${posts.title}`, 'A')} || ${vector(highlightText, 'B')} || ${vector(bodyText, 'C')})`)},
      -- never older than the row it was computed from, even with clocks apart
      greatest(now(), ${posts.updatedAt})
    from ${posts}
    where ${where(tables)}
    on conflict (id) do update set search_vector = excluded.search_vector, indexed_at = excluded.indexed_at
  `)
  return result.rowCount ?? 0
}

/** Recomputes the full-text vectors of the given posts (inside `req`'s transaction, if any). */
export async function updateSearchIndex(
  payload: Payload,
  ids: (number | string)[],
  { req }: { req?: Partial<PayloadRequest> } = {},
): Promise<number> {
  if (ids.length === 0) return 0
  const options = getPolicyPostsOptions(payload)
  const count = await upsertVectors(
    payload,
    options,
    ({ posts }) => sql`${posts.id} in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    req,
  )
  scheduleTermStatisticsCheck(payload)
  return count
}

/**
 * Indexes posts that have no vector yet or changed after theirs was computed (posts created
 * before the plugin was installed, or saved while it was disabled), in batches.
 */
export async function backfillSearchIndex(payload: Payload, { batchSize = 500 } = {}): Promise<number> {
  const options = getPolicyPostsOptions(payload)
  const signature = await markVectorsOfOtherConfigs(payload, options)
  const { fts, posts, terms } = searchTables(payload, options)
  const db = await queryRunner(payload)
  let total = 0
  // Walks ids upwards from the last batch (a keyset cursor): each batch reads on from where the
  // previous one stopped, instead of joining every post again to find what is still stale.
  for (let after: unknown = undefined; ; ) {
    // The bound is repeated on the vectors' side: an outer join does not carry it across, and
    // the vectors' index would be read from its start for every batch.
    const { rows } = await db.execute(sql`
      select p.id from ${posts} p
      left join ${fts} f on f.id = p.id ${after === undefined ? sql`` : sql`and f.id > ${after}`}
      where (f.id is null or f.indexed_at < p.updated_at) ${after === undefined ? sql`` : sql`and p.id > ${after}`}
      order by p.id
      limit ${batchSize}`)
    if (rows.length === 0) break
    const ids = sql.join(
      rows.map((row) => sql`${row.id}`),
      sql`, `,
    )
    total += await upsertVectors(payload, options, (tables) => sql`${tables.posts.id} in (${ids})`)
    after = rows[rows.length - 1].id
    if (rows.length < batchSize) break
  }
  // Word statistics for similar posts only when stale (a rebuild reads every vector), planner
  // statistics when vectors changed.
  if (await refreshTermStatisticsIfStale(payload)) await db.execute(sql`analyze ${terms}`)
  if (total > 0) await db.execute(sql`analyze ${fts}`)
  if (signature) await writeVectorsSignature(payload, options, signature)
  return total
}

async function vectorsSignature(payload: Payload, options: ResolvedPolicyPostsOptions): Promise<string> {
  const configs = await availableConfigs(payload, options)
  const folded = await accentFolding(payload)
  return `policy-posts search vectors: ${JSON.stringify({ configs: [...configs].sort(([a], [b]) => a.localeCompare(b)), folded })}`
}

async function writeVectorsSignature(payload: Payload, options: ResolvedPolicyPostsOptions, signature: string): Promise<void> {
  const { fts } = searchTables(payload, options)
  const db = await queryRunner(payload)
  await db.execute(sql`comment on table ${fts} is ${sql.raw(`'${signature.replace(/'/g, "''")}'`)}`)
}

/**
 * Records that every vector was built with the current configurations, for code that filled
 * the table itself with `updateSearchIndex` (a bulk load): the next start's backfill then does
 * not mark them all stale and rebuild them.
 */
export async function recordVectorsSignature(payload: Payload): Promise<void> {
  const options = getPolicyPostsOptions(payload)
  await writeVectorsSignature(payload, options, await vectorsSignature(payload, options))
}

/**
 * The vectors record which text search configurations built them (a comment on the table).
 * When those differ from the current ones (e.g. the accent-folding copies were added), every
 * vector is marked stale so the backfill rebuilds them; returns the comment to write after.
 */
async function markVectorsOfOtherConfigs(payload: Payload, options: ResolvedPolicyPostsOptions): Promise<string | undefined> {
  const signature = await vectorsSignature(payload, options)
  const { fts } = searchTables(payload, options)
  const db = await queryRunner(payload)
  const current = await db.execute(sql`select obj_description(tableoid, 'pg_class') as note from ${fts} limit 1`)
  if (current.rows.length === 0) return signature
  if (current.rows[0].note === signature) return undefined
  await db.execute(sql`update ${fts} set indexed_at = '-infinity'`)
  return signature
}
