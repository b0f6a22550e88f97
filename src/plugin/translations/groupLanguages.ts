import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { queryRunner } from '../search/db'
import { postsTableName } from '../search/schema'
import { groupLanguagesTableName } from './groupLanguagesSchema'
import { duplicateVersionError, isGroupLanguageConflict } from './errors'
import { languageHolder } from './members'

type DrizzleTable = Record<string, any>

interface GroupLanguagesTables {
  groupLanguages: DrizzleTable
  posts: DrizzleTable
  versions: DrizzleTable
}

function tablesOf(payload: Payload, options: ResolvedPolicyPostsOptions): GroupLanguagesTables {
  const db = payload.db as unknown as { tableNameMap: Map<string, string>; tables: Record<string, DrizzleTable> }
  const postsName = postsTableName(db, options.slugs.posts)
  const versionsKey = `_${postsName}_v`
  const tables = {
    groupLanguages: db.tables[groupLanguagesTableName(postsName)],
    posts: db.tables[postsName],
    versions: db.tables[db.tableNameMap.get(versionsKey) ?? versionsKey],
  }
  if (!tables.groupLanguages || !tables.posts || !tables.versions) {
    throw new Error(
      `[policy-posts] the table "${groupLanguagesTableName(postsName)}" is not in the schema; add policyPostsSchemaHooks() to postgresAdapter({ afterSchemaInit }) if the adapter is wrapped elsewhere`,
    )
  }
  return tables
}

// The (post, group, language) triples the published rows and latest drafts of some posts hold.
function heldBy(tables: GroupLanguagesTables, posts: SQL): SQL {
  const { posts: live, versions } = tables
  return sql`
    select p.id as post_id, p.translation_group_id as group_id, p.language::text as language
      from ${live} p
     where p.id in (${posts}) and p.translation_group_id is not null and p.language is not null
    union
    select v.parent_id, v.version_translation_group_id, v.version_language::text
      from ${versions} v
     where v.parent_id in (${posts}) and v.latest and v.version_translation_group_id is not null
       and v.version_language is not null`
}

/**
 * Brings the group-language rows of `postIds` in line with their published rows and latest
 * drafts, in the request's transaction. Taking a (group, language) that another post holds
 * fails on the table's unique index — and when that other post's save is still uncommitted,
 * waits for it first, so of two racing saves exactly one wins.
 */
export async function syncGroupLanguages(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  postIds: ID[],
): Promise<void> {
  if (postIds.length === 0) return
  const tables = tablesOf(req.payload, options)
  const { groupLanguages } = tables
  const db = await queryRunner(req.payload, req)
  const ids = sql.join(
    postIds.map((id) => sql`${id}`),
    sql`, `,
  )
  // Two statements: a row a post gives up must be gone before another takes its place.
  await db.execute(sql`
    delete from ${groupLanguages} g
     where g.post_id in (${ids})
       and not exists (
         select 1 from (${heldBy(tables, ids)}) h
          where h.post_id = g.post_id and h.group_id = g.group_id and h.language = g.language)`)
  await db.execute(sql`
    insert into ${groupLanguages} (post_id, group_id, language)
    select h.post_id, h.group_id, h.language from (${heldBy(tables, ids)}) h
     where not exists (
       select 1 from ${groupLanguages} g
        where g.post_id = h.post_id and g.group_id = h.group_id and g.language = h.language)`)
}

// "Key (group_id, language)=(12, tr) already exists." — the pair another post holds.
function conflictingPair(error: unknown): { group: string; language: string } | undefined {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const detail = (current as { detail?: unknown }).detail
    const match = typeof detail === 'string' ? /\)=\(([^,]+), (.+)\) already exists/.exec(detail) : null
    if (match) return { group: match[1], language: match[2] }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * `syncGroupLanguages` for one saved post, turning the database's refusal into the 400 naming
 * `translationGroup` that the hooks give when the same conflict is seen before the write.
 */
export async function holdGroupLanguages(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  post: { id: ID; language?: null | string; translationGroup?: unknown },
  group?: ID,
): Promise<void> {
  try {
    await syncGroupLanguages(req, options, [post.id])
  } catch (error) {
    if (!isGroupLanguageConflict(error)) throw error
    const pair = conflictingPair(error)
    const language = pair?.language ?? post.language ?? undefined
    const inGroup = pair?.group ?? group
    // The transaction is aborted: look the holder up on a fresh connection.
    const fresh = await createLocalReq({}, req.payload)
    const holder =
      inGroup !== undefined && language ? await languageHolder(fresh, options, inGroup, language, post.id) : undefined
    throw duplicateVersionError(options, language, holder, req)
  }
}

/**
 * Fills the table from the posts when it is empty while grouped posts exist (a database whose
 * schema was pushed, not migrated). Pairs two posts already share stay with the first.
 */
export async function backfillGroupLanguages(payload: Payload, options: ResolvedPolicyPostsOptions): Promise<number> {
  const tables = tablesOf(payload, options)
  const { groupLanguages, posts, versions } = tables
  const db = await queryRunner(payload)
  const result = await db.execute(sql`
    insert into ${groupLanguages} (post_id, group_id, language)
    select distinct on (h.group_id, h.language) h.post_id, h.group_id, h.language
      from (
        select p.id as post_id, p.translation_group_id as group_id, p.language::text as language
          from ${posts} p where p.translation_group_id is not null and p.language is not null
        union
        select v.parent_id, v.version_translation_group_id, v.version_language::text
          from ${versions} v
         where v.latest and v.parent_id is not null and v.version_translation_group_id is not null
           and v.version_language is not null
      ) h
     where not exists (select 1 from ${groupLanguages})
     order by h.group_id, h.language, h.post_id
    on conflict do nothing`)
  return result.rowCount ?? 0
}
