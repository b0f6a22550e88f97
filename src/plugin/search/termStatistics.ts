import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import { queryRunner, searchTables } from './db'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

/**
 * Document frequencies of the indexed lexemes (`posts_fts_terms`), which
 * similar posts weigh words with. Counting them through the GIN index at query time costs a
 * millisecond per common word at 100k posts; the table answers in microseconds.
 *
 * The table is rebuilt from the vectors, not maintained row by row: every save would otherwise
 * update the counts of a post's common words, and concurrent saves would queue on those rows.
 * It may lag behind the posts by a few percent; `findSimilarPosts` recounts rare words (where
 * one post more matters) through the index, so a word just shared by a second post still
 * counts.
 */

/** Rebuilt when more than this share of the indexed posts changed since the last rebuild… */
const STALE_SHARE = 0.05
/** …and at least this many (small archives rely on the exact recount of rare words). */
const STALE_MIN_POSTS = 25
/** Saves are checked for staleness at most this often, in the background. */
const CHECK_DELAY_MS = 60_000

/**
 * Rebuilds the statistics from the stored vectors in one statement: upserts the current
 * counts (the row with lexeme '' holds the number of posts) and removes lexemes
 * no post has any more. Readers keep seeing the previous counts until it commits.
 */
export async function refreshTermStatistics(payload: Payload, { req }: { req?: Partial<PayloadRequest> } = {}): Promise<number> {
  const { fts, terms } = searchTables(payload, getPolicyPostsOptions(payload))
  const db = await queryRunner(payload, req)
  // Over all languages, like the GIN recount: stemmed words of two languages rarely collide,
  // and when they do (names, acronyms) they are shared vocabulary.
  const result = await db.execute(sql`
    with fresh as materialized (
      select u.lexeme, count(*)::int as df
      from ${fts}, unnest(tsvector_to_array(${fts.searchVector})) as u(lexeme)
      group by 1
      union all
      select '', count(*)::int from ${fts}
    ),
    gone as (
      delete from ${terms}
      where not exists (select 1 from fresh where fresh.lexeme = ${terms.lexeme})
    )
    insert into ${terms} (lexeme, df, refreshed_at)
    select lexeme, df, now() from fresh
    on conflict (lexeme) do update set df = excluded.df, refreshed_at = excluded.refreshed_at
      where ${terms.df} <> excluded.df or ${terms.lexeme} = ''
  `)
  return result.rowCount ?? 0
}

/**
 * True when the statistics are missing or more than 5 % (at least 25) of the indexed posts
 * were indexed after the last rebuild.
 */
export async function termStatisticsStale(payload: Payload, { req }: { req?: Partial<PayloadRequest> } = {}): Promise<boolean> {
  const { fts, terms } = searchTables(payload, getPolicyPostsOptions(payload))
  const db = await queryRunner(payload, req)
  const result = await db.execute(sql`
    with last as (
      select max(${terms.refreshedAt}) as at, coalesce(sum(${terms.df}), 0)::int as total
      from ${terms} where ${terms.lexeme} = ''
    )
    select last.total,
      (select count(*)::int from ${fts} where last.at is null or ${fts.indexedAt} > last.at) as changed,
      (select count(*)::int from ${fts}) as indexed
    from last
  `)
  const row = result.rows[0] ?? {}
  return statisticsStale({ changed: Number(row.changed ?? 0), indexed: Number(row.indexed ?? 0), total: Number(row.total ?? 0) })
}

/**
 * The rebuild rule: `total` posts counted at the last rebuild, `indexed` now, `changed` of
 * them indexed since.
 */
export function statisticsStale({ changed, indexed, total }: { changed: number; indexed: number; total: number }): boolean {
  if (indexed === 0) return false
  if (total === 0) return true
  return changed >= Math.max(STALE_MIN_POSTS, STALE_SHARE * Math.max(total, indexed))
}

/** Rebuilds the statistics when they are stale; returns whether it did. */
export async function refreshTermStatisticsIfStale(payload: Payload): Promise<boolean> {
  if (!(await termStatisticsStale(payload))) return false
  await refreshTermStatistics(payload)
  return true
}

const pending = new WeakMap<Payload, ReturnType<typeof setTimeout>>()

/**
 * After a save: checks, once a minute at most and outside the request, whether the statistics
 * need a rebuild. The timer never keeps the process alive.
 */
export function scheduleTermStatisticsCheck(payload: Payload): void {
  if (pending.has(payload)) return
  const timer = setTimeout(() => {
    pending.delete(payload)
    refreshTermStatisticsIfStale(payload).catch((error: unknown) => {
      payload.logger.debug({ err: error, msg: '[policy-posts] term statistics refresh failed; next save retries' })
    })
  }, CHECK_DELAY_MS)
  timer.unref?.()
  pending.set(payload, timer)
}

/** Drops a scheduled check (tests and shutdown). */
export function cancelTermStatisticsCheck(payload: Payload): void {
  const timer = pending.get(payload)
  if (timer) clearTimeout(timer)
  pending.delete(payload)
}
