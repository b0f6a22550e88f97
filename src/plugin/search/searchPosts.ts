import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { DataFromCollectionSlug, PaginatedDocs, Payload, PayloadRequest, SelectType, TypedLocale } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import { foldQuery } from './accentFolding'
import type { QueryRunner } from './db'

import { accentFolding, availableConfigs, queryRunner, searchTables } from './db'
import { publishedPostsInOrder } from './publishedPostsInOrder'
import { turkicQueryVariants, usesTurkicCase } from './textSearch'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

type Post = DataFromCollectionSlug<'posts'>

export interface SearchPostsArgs {
  /** What the reader typed: web-search syntax (`"exact phrase"`, `or`, `-word`). */
  q: string
  /** Language of the posts to search; all configured languages when omitted. */
  language?: string
  /** 1-based page. @default 1 */
  page?: number
  /** Results per page, at most 100. @default 10 */
  limit?: number
  /** Population depth of the returned documents. @default 0 */
  depth?: number
  select?: SelectType
  /** Locale for localized relations (e.g. category names). */
  locale?: TypedLocale
  req?: Partial<PayloadRequest>
  /** @default true when `req` carries no user */
  overrideAccess?: boolean
}

export type SearchPostsResult = PaginatedDocs<Post> & {
  /** Relevance (ts_rank_cd) per returned id, for debugging and custom ordering. */
  ranks: Record<string, number>
}

/** Longest query accepted; anything longer is cut (web-search syntax needs no more). */
export const MAX_QUERY_LENGTH = 200
const MAX_LIMIT = 100

/**
 * `websearch_to_tsquery` for one language. For Turkish-cased languages every reading of a
 * capital I is tried (see `turkicQueryVariants`), so "Istanbul" typed on a non-Turkish
 * keyboard still finds İstanbul while "IŞIK" finds ışık.
 */
function languageQuery(config: string, language: string, q: string): SQL {
  const variants = usesTurkicCase(language) ? turkicQueryVariants(q) : [q]
  const queries = variants.map((variant) => sql`websearch_to_tsquery(${config}::regconfig, ${variant})`)
  return queries.length === 1 ? queries[0] : sql`(${sql.join(queries, sql` || `)})`
}

/**
 * The accent-folded query of each language, computed first and then bound as a constant, so
 * the planner estimates the match against the GIN index as it does for a plain query.
 */
async function foldedQueries(db: QueryRunner, configs: Map<string, string>, languages: string[], q: string): Promise<Record<string, string>> {
  const columns = languages.map((code, index) => sql`${foldQuery(languageQuery(configs.get(code) ?? 'simple', code, q))}::text as ${sql.raw(`q${index}`)}`)
  const result = await db.execute(sql`select ${sql.join(columns, sql`, `)}`)
  return Object.fromEntries(languages.map((code, index) => [code, String(result.rows[0]?.[`q${index}`] ?? '')]))
}

/**
 * The search statement: published posts whose vector matches the query of their language,
 * one `language = … and search_vector @@ …` branch per language so each branch can use the
 * GIN index (a BitmapOr when several languages are searched), ranked by `ts_rank_cd`.
 */
export function searchPostsQuery(
  payload: Payload,
  configs: Map<string, string>,
  {
    count = false,
    folded,
    languages,
    limit,
    offset,
    text,
  }: {
    count?: boolean
    /** Accent-folded tsquery text per language (from `foldedQueries`); the plain query when absent. */
    folded?: Record<string, string>
    languages: string[]
    limit: number
    offset: number
    text: string
  },
): SQL {
  const { fts, posts } = searchTables(payload, getPolicyPostsOptions(payload))
  const match = (code: string): SQL =>
    folded?.[code] !== undefined ? sql`${folded[code]}::tsquery` : languageQuery(configs.get(code) ?? 'simple', code, text)
  const branches = languages.map(
    (code) => sql`(${posts.language}::text = ${code} and ${fts.searchVector} @@ ${match(code)})`,
  )
  const from = sql`from ${fts} join ${posts} on ${posts.id} = ${fts.id}
    where ${posts._status}::text = 'published' and (${sql.join(branches, sql` or `)})`
  if (count) return sql`select count(*) as total ${from}`
  const rankOf = languages.map(
    (code) => sql`when ${code} then ts_rank_cd(${fts.searchVector}, ${match(code)}, 1)`,
  )
  return sql`
    select ${posts.id} as id,
      (case ${posts.language}::text ${sql.join(rankOf, sql` `)} else 0 end) as rank,
      count(*) over () as total
    ${from}
    order by rank desc, ${posts.publishedAt} desc nulls last, ${posts.id} desc
    limit ${limit} offset ${offset}
  `
}

function emptyResult(limit: number, page: number): SearchPostsResult {
  return {
    docs: [],
    hasNextPage: false,
    hasPrevPage: page > 1,
    limit,
    nextPage: null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: page > 1 ? page - 1 : null,
    ranks: {},
    totalDocs: 0,
    totalPages: 0,
  }
}

/**
 * Full-text search over published posts with the language's text search configuration,
 * on the same GIN-indexed vectors as similar posts. Ranked by `ts_rank_cd`, newest first on
 * ties; paginated like Payload's `find` (with `totalDocs`). The query text is always bound as
 * a parameter, and `websearch_to_tsquery` never raises a syntax error, so any input is safe.
 */
export async function searchPosts(
  payload: Payload,
  { depth = 0, language, limit = 10, locale, overrideAccess, page = 1, q, req, select }: SearchPostsArgs,
): Promise<SearchPostsResult> {
  const options = getPolicyPostsOptions(payload)
  const perPage = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(limit) || 10)))
  const pageNumber = Math.max(1, Math.floor(Number(page) || 1))
  // Control characters and NUL (which Postgres refuses in text) become spaces.
  const text = (typeof q === 'string' ? q : '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
  if (!text) return emptyResult(perPage, pageNumber)

  const configs = await availableConfigs(payload, options)
  const languages = language === undefined ? [...configs.keys()] : configs.has(language) ? [language] : []
  if (languages.length === 0) return emptyResult(perPage, pageNumber)

  const db = await queryRunner(payload, req)
  const folded = (await accentFolding(payload)) ? await foldedQueries(db, configs, languages, text) : undefined
  const offset = (pageNumber - 1) * perPage
  const result = await db.execute(searchPostsQuery(payload, configs, { folded, languages, limit: perPage, offset, text }))
  let totalDocs = result.rows.length > 0 ? Number(result.rows[0].total) : 0
  if (result.rows.length === 0 && offset > 0) {
    // Past the last page: count separately so pagination still reports the total.
    const counted = await db.execute(searchPostsQuery(payload, configs, { count: true, folded, languages, limit: 1, offset: 0, text }))
    totalDocs = Number(counted.rows[0]?.total ?? 0)
  }
  const ids = result.rows.map((row) => row.id as number | string)
  const ranks = Object.fromEntries(result.rows.map((row) => [String(row.id), Number(row.rank)]))

  const docs = await publishedPostsInOrder(payload, options.slugs.posts, ids, { depth, locale, overrideAccess, req, select })
  const totalPages = Math.ceil(totalDocs / perPage)
  return {
    docs,
    hasNextPage: pageNumber < totalPages,
    hasPrevPage: pageNumber > 1,
    limit: perPage,
    nextPage: pageNumber < totalPages ? pageNumber + 1 : null,
    page: pageNumber,
    pagingCounter: offset + 1,
    prevPage: pageNumber > 1 ? pageNumber - 1 : null,
    ranks,
    totalDocs,
    totalPages,
  }
}
