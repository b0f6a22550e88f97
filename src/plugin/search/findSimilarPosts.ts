import type { DataFromCollectionSlug, Payload, PayloadRequest, PopulateType, SelectType, TypedLocale, Where } from 'payload'

import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres/drizzle'

import { queryRunner, searchTables } from './db'
import { publishedPostsInOrder } from './publishedPostsInOrder'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

type Post = DataFromCollectionSlug<'posts'>

export interface FindSimilarPostsArgs {
  /** How many posts to return. @default 3 */
  limit?: number
  /** The request whose transaction, user and locale the queries share. */
  req?: Partial<PayloadRequest>
  /** Population depth of the returned documents. @default 0 */
  depth?: number
  /** Fields of the returned documents (Payload `select`). */
  select?: SelectType
  /** Fields of the documents populated into them, per collection (Payload `populate`). */
  populate?: PopulateType
  /** Locale of the returned documents' localized fields (category names…). @default the request's */
  locale?: 'all' | TypedLocale
  /** Skip the posts' access control for the returned documents. @default false when `req` has a user, else true (results are published posts either way) */
  overrideAccess?: boolean
}

/** How the query is built and how the ranking blends text, category and recency (see `similarPostsQuery`). */
const SIMILARITY_WEIGHTS = {
  /**
   * The source's lexemes considered for the query (best by tf × idf from the term statistics);
   * the rare ones among them are recounted through the GIN index, so this is kept small.
   */
  candidateTerms: 32,
  /** Of those, how many (by tf × idf) make up the query. */
  queryTerms: 24,
  /**
   * Words the statistics count in fewer posts than this (or do not know yet) are counted through
   * the GIN index, up to this many: cheap for rare words, and exact where one post more matters.
   */
  recountBelow: 5,
  /** Indexed posts are also counted live up to this many (statistics not built yet). */
  liveCorpusCap: 1000,
  /** Words found in more than this share of all posts are not used (they match everything). */
  maxDocumentShare: 0.3,
  /**
   * Cumulative document-frequency budget of the terms that fetch candidates: the query's terms
   * are taken rarest first while their document frequencies add up to at most this many posts,
   * so a few hundred posts are ranked however large the corpus is.
   */
  matchDocumentBudget: 150,
  /**
   * Terms keep being added past the budget while the rarer ones cover fewer posts than this:
   * the rarest words (names, figures) are often shared only with the post's own translations.
   */
  matchDocumentFloor: 20,
  /**
   * At most this many candidates are ranked (the newest, by id), a hard bound on the ranking's
   * cost for posts whose rarest words are still common.
   */
  maxCandidates: 200,
  /** Text similarity is multiplied by 1 + this when the categories match. */
  sameCategory: 0.3,
  /** Share of the score that depends on recency (the rest is text × category). */
  recency: 0.2,
  /** Age in days at which the recency factor has halved. */
  recencyHalfLifeDays: 365,
} as const

const MAX_LIMIT = 50

/** What the ranking needs to know about the post similar posts are sought for. */
export interface SimilarSource {
  category: null | number | string
  id: number | string
  language: string
  similarPosts: (number | string)[]
  translationGroup: null | number | string
}

/**
 * The source post's language, category, translation group and manual picks in one query
 * (Payload's `findByID` costs a large share of the whole call; see README, Performance).
 */
async function sourceOf(payload: Payload, postId: number | string, req?: Partial<PayloadRequest>): Promise<SimilarSource | null> {
  const { posts, rels } = searchTables(payload, getPolicyPostsOptions(payload))
  const picks = rels
    ? sql`array(select ${rels.postsID} from ${rels} where ${rels.parent} = ${posts.id} and ${rels.path} = 'similarPosts' and ${rels.postsID} is not null order by ${rels.order})`
    : sql`array[]::integer[]`
  const db = await queryRunner(payload, req)
  const result = await db.execute(
    sql`select ${posts.id} as id, ${posts.language} as language, ${posts.category} as category,
      ${posts.translationGroup} as translation_group, ${picks} as picks
      from ${posts} where ${posts.id} = ${postId}`,
  )
  const row = result.rows[0]
  if (!row) return null
  return {
    category: (row.category as null | number | string) ?? null,
    id: row.id as number | string,
    language: String(row.language),
    similarPosts: (row.picks as (number | string)[] | null) ?? [],
    translationGroup: (row.translation_group as null | number | string) ?? null,
  }
}

/**
 * SQL ranking published posts in the source's language by full-text similarity. The query
 * is built from the source's own stored vector: its lexemes weighted by frequency (title 4,
 * key points 2, body 1 per occurrence) × inverse document frequency (from the term
 * statistics, rare words recounted through the GIN index), the best `queryTerms` OR-ed
 * into a tsquery. Candidates come from the GIN index with only the rarest of those terms (a
 * cumulative document-frequency budget, so their number stays in the hundreds at any corpus
 * size), are ranked with `ts_rank` against the full query relative to the source's own rank,
 * then multiplied by a same-category bonus and a recency factor. Every step is an index
 * lookup bounded by a constant, so the cost barely grows with the archive.
 */
export function similarPostsQuery(
  payload: Payload,
  source: SimilarSource,
  { exclude = [], limit }: { exclude?: (number | string)[]; limit: number },
): SQL {
  const options = getPolicyPostsOptions(payload)
  const { fts, posts, terms } = searchTables(payload, options)
  const w = SIMILARITY_WEIGHTS
  const excluded = [source.id, ...exclude]
  return sql`
    with src as (
      select ${fts.searchVector} as v from ${fts} where ${fts.id} = ${source.id}
    ),
    -- indexed posts: the statistics' '' row, or a live count while they lag behind
    corpus as (
      select greatest(
        (select ${terms.df} from ${terms} where ${terms.lexeme} = ''),
        (select count(*) from (select 1 from ${fts} limit ${w.liveCorpusCap}) as live),
        1
      )::float8 as total
    ),
    -- the source's lexemes by weighted frequency (title 4, key points 2, body 1 per occurrence)
    weighted as (
      select u.lexeme, sum(case w.weight when 'A' then 4 when 'B' then 2 else 1 end) as tf
      from src, unnest(src.v) as u(lexeme, positions, weights), unnest(u.weights) as w(weight)
      where char_length(u.lexeme) > 2 and u.lexeme !~ '^[0-9.,:/-]+$'
      group by u.lexeme
    ),
    -- document frequency from the term statistics (refreshed in the background, so words new
    -- since the last refresh are missing: treated as rare here, counted exactly below)
    known as (
      select weighted.lexeme, weighted.tf, ${terms.df}::float8 as df
      from weighted
      left join ${terms} on ${terms.lexeme} = weighted.lexeme
    ),
    candidates as (
      select known.lexeme, known.tf, known.df
      from known, corpus
      where coalesce(known.df, 1) <= greatest(${w.maxDocumentShare}::float8 * corpus.total, 2)
      order by known.tf * ln((corpus.total + 1) / (coalesce(known.df, 1) + 0.5)) desc, known.lexeme
      limit ${w.candidateTerms}
    ),
    -- rare words are recounted through the GIN index (cheap for them, and exact where it
    -- matters most: a word just shared by a second post)
    counted as materialized (
      select c.lexeme, c.tf, q.tq,
        case when c.df is null or c.df < ${w.recountBelow} then (
          select count(*) from (select 1 from ${fts} where ${fts.searchVector} @@ q.tq limit ${w.recountBelow}) as hits
        )::float8 else c.df end as df
      from candidates c,
        lateral (select ('''' || replace(replace(c.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery as tq) as q
    ),
    terms as (
      select counted.tq, counted.df, counted.tf * ln((corpus.total + 1) / (counted.df + 0.5)) as score
      from counted, corpus
      -- a word only the source has finds nothing; one in most posts finds everything
      where counted.df > 1 and counted.df <= greatest(${w.maxDocumentShare}::float8 * corpus.total, 2)
      order by score desc, counted.lexeme
      limit ${w.queryTerms}
    ),
    -- The query ranks with every term, but only the rarest terms fetch candidates: ranking
    -- (ts_rank) costs per candidate, and OR-ing every term matched about half the posts of
    -- a language. Terms are taken rarest first while their document frequencies add up to the
    -- budget; the rarest one is always taken, so a post with no rare word still gets candidates
    -- and the cost never falls back to all terms.
    by_rarity as (
      select terms.tq, terms.df,
        row_number() over w as n,
        sum(terms.df) over w as covered
      from terms
      window w as (order by terms.df, terms.score desc, terms.tq::text rows between unbounded preceding and current row)
    ),
    q as (
      select (select string_agg(terms.tq::text, ' | ')::tsquery from terms) as query,
        case
          -- even the rarest word is too common to fetch candidates alone: require it together
          -- with the next rarest one (posts sharing both are the likely similar ones)
          when (select df from by_rarity where n = 1) > ${w.matchDocumentBudget}
            then (select string_agg(by_rarity.tq::text, ' & ' order by by_rarity.n)::tsquery from by_rarity where by_rarity.n <= 2)
          else (
            select string_agg(by_rarity.tq::text, ' | ' order by by_rarity.n)::tsquery
            from by_rarity
            where by_rarity.n = 1 or by_rarity.covered <= ${w.matchDocumentBudget}
              or by_rarity.covered - by_rarity.df < ${w.matchDocumentFloor}
          )
        end as match
    ),
    -- Candidates: fetched through the GIN index with the rare terms only, filtered to the posts
    -- that may be shown, capped (newest first) before ranking. The cap counts eligible posts
    -- only, so other languages or the source's translations cannot crowd out the real ones;
    -- sorting by id reads no vector (they stay TOAST pointers until ranked).
    matched as materialized (
      select ${fts.id} as id, ${fts.searchVector} as v
      from ${fts}
      join ${posts} on ${posts.id} = ${fts.id}
      where ${fts.searchVector} @@ (select match from q)
        and ${posts.language}::text = ${source.language}
        and ${posts._status}::text = 'published'
        and ${posts.id} not in (${sql.join(
          excluded.map((id) => sql`${id}`),
          sql`, `,
        )})
        ${source.translationGroup === null ? sql`` : sql`and ${posts.translationGroup} is distinct from ${source.translationGroup}`}
      order by ${fts.id} desc
      limit ${w.maxCandidates}
    ),
    self as (
      select greatest(ts_rank(src.v, (select query from q), 1), 1e-9) as rank from src
    )
    select ${posts.id} as id,
      least(ts_rank(matched.v, (select query from q), 1) / (select rank from self), 1)
        * (1 + ${w.sameCategory}::float8 * (${source.category === null ? sql`false` : sql`${posts.category} is not distinct from ${source.category}`})::int)
        * (1 - ${w.recency}::float8 + ${w.recency}::float8 / (1 + greatest(extract(epoch from now() - coalesce(${posts.publishedAt}, ${posts.createdAt})), 0) / 86400.0 / ${w.recencyHalfLifeDays}::float8))
        as score
    from matched
    join ${posts} on ${posts.id} = matched.id
    order by score desc, ${posts.publishedAt} desc nulls last, ${posts.id} desc
    limit ${limit}
  `
}

/** Runs `similarPostsQuery`: `[{ id, score }]`, best first. */
async function rankedSimilarIds(
  payload: Payload,
  source: SimilarSource,
  { exclude = [], limit, req }: { exclude?: (number | string)[]; limit: number; req?: Partial<PayloadRequest> },
): Promise<{ id: number | string; score: number }[]> {
  if (limit <= 0) return []
  // Planned per call, not prepared: a generic plan of this query (what a prepared statement
  // switches to after five runs) ignores the query's rare terms and runs far slower.
  const db = await queryRunner(payload, req)
  const result = await db.execute(similarPostsQuery(payload, source, { exclude, limit }))
  return result.rows.map((row) => ({ id: row.id as number | string, score: Number(row.score) }))
}

/**
 * Published posts similar to `postId`, in its language, never the post itself or any of its
 * translations: the editors' manual picks (`similarPosts`, published ones, in their order)
 * first, then posts ranked by Postgres full-text similarity blended with a shared category
 * and recency. Returns fewer than `limit` posts when fewer share any key term.
 */
export async function findSimilarPosts(
  payload: Payload,
  postId: number | string,
  { depth = 0, limit = 3, locale, overrideAccess, populate, req, select }: FindSimilarPostsArgs = {},
): Promise<Post[]> {
  const count = Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)))
  if (count === 0) return []
  const { slugs } = getPolicyPostsOptions(payload)
  const source = await sourceOf(payload, postId, req)
  if (!source) return []

  const notInGroup: Where[] = source.translationGroup === null ? [] : [{ translationGroup: { not_equals: source.translationGroup } }]
  const baseWhere: Where[] = [
    { _status: { equals: 'published' } },
    { language: { equals: source.language } },
    { id: { not_equals: source.id } },
    ...notInGroup,
  ]
  const picks: (number | string)[] = []
  if (source.similarPosts.length > 0) {
    const found = await payload.find({
      collection: slugs.posts as 'posts',
      depth: 0,
      limit: source.similarPosts.length,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { and: [...baseWhere, { id: { in: source.similarPosts } }] },
    })
    const valid = new Set(found.docs.map((doc) => String(doc.id)))
    for (const id of source.similarPosts) {
      if (valid.has(String(id)) && !picks.some((p) => String(p) === String(id))) picks.push(id)
    }
  }
  const chosen = picks.slice(0, count)
  const ranked = await rankedSimilarIds(payload, source, { exclude: chosen, limit: count - chosen.length, req })
  const ids = [...chosen, ...ranked.map((row) => row.id)]
  return publishedPostsInOrder(payload, slugs.posts, ids, { depth, locale, overrideAccess, populate, req, select, where: baseWhere })
}
