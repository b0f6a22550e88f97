import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

import { index, integer, uniqueIndex, varchar } from '@payloadcms/db-postgres/drizzle/pg-core'

import type { ResolvedPolicyPostsOptions } from '../options'

import { postsTableName } from '../search/schema'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

interface SchemaAdapterLike {
  idType?: string
  pgSchema: { table: (...args: any[]) => any }
  tableNameMap: Map<string, string>
}

/** Name of the table of the languages each translation group holds, e.g. `posts_translation_group_languages`. */
export const groupLanguagesTableName = (postsTable: string): string => `${postsTable}_translation_group_languages`

/** Its unique (group, language) index; the name tells `isGroupLanguageConflict` what a refusal means. */
export const groupLanguagesIndexName = (postsTable: string): string => `${groupLanguagesTableName(postsTable)}_group_language_idx`

const HOOK_MARK = Symbol.for('payload-policy-posts.groupLanguagesSchemaHook')

/**
 * The schema hook that adds `posts_translation_group_languages`: one row per (group, language)
 * a post holds, through its published row or its latest draft, with a unique index on
 * (group_id, language). Drafts live in the versions table, which no unique index can cover
 * across posts, so this table is what makes the database refuse a second version of a language
 * in a group when two draft saves race. Rows go with their post or group (on delete cascade).
 */
export function groupLanguagesSchemaHook(options: ResolvedPolicyPostsOptions): PostgresSchemaHook {
  const hook: PostgresSchemaHook = ({ adapter, schema }) => {
    const pg = adapter as unknown as SchemaAdapterLike
    const postsName = postsTableName(pg, options.slugs.posts)
    const translationsName = postsTableName(pg, options.slugs.translations)
    const posts = schema.tables[postsName]
    const translations = schema.tables[translationsName]
    const name = groupLanguagesTableName(postsName)
    if (!posts || !translations || schema.tables[name]) return schema
    const idColumn = (column: string) =>
      pg.idType === 'uuid' || pg.idType === 'uuidv7' ? varchar(column) : integer(column)
    const table = pg.pgSchema.table(
      name,
      {
        groupId: idColumn('group_id')
          .notNull()
          .references(() => translations.id, { onDelete: 'cascade' }),
        language: varchar('language').notNull(),
        postId: idColumn('post_id')
          .notNull()
          .references(() => posts.id, { onDelete: 'cascade' }),
      },
      (cols: Record<string, any>) => [
        uniqueIndex(groupLanguagesIndexName(postsName)).on(cols.groupId, cols.language),
        index(`${name}_post_idx`).on(cols.postId),
      ],
    )
    return { ...schema, tables: { ...schema.tables, [name]: table } }
  }
  Object.defineProperty(hook, HOOK_MARK, { value: true })
  return hook
}

export const isGroupLanguagesSchemaHook = (hook: unknown): boolean =>
  typeof hook === 'function' && (hook as unknown as Record<symbol, unknown>)[HOOK_MARK] === true
