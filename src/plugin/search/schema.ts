import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { Config, DatabaseAdapterObj } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { customType, index, integer, text, timestamp, varchar } from '@payloadcms/db-postgres/drizzle/pg-core'

import type { PolicyPostsOptions, ResolvedPolicyPostsOptions } from '../options'

import { resolveOptions } from '../options'
import { groupLanguagesSchemaHook, isGroupLanguagesSchemaHook } from '../translations/groupLanguagesSchema'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/** Postgres `tsvector`; Drizzle has no built-in column type for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

// Payload names a collection's table after its slug in snake_case (unless `dbName` is set,
// which `tableNameMap` then resolves).
const snakeCase = (value: string): string =>
  value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()

interface SchemaAdapterLike {
  idType?: string
  pgSchema: { table: (...args: any[]) => any }
  tableNameMap: Map<string, string>
}

/** The posts table's name in the database, as the Postgres adapter resolved it. */
export function postsTableName(adapter: { tableNameMap: Map<string, string> }, postsSlug: string): string {
  const key = snakeCase(postsSlug)
  return adapter.tableNameMap.get(key) ?? key
}

/** Name of the full-text table beside the posts table, e.g. `posts_fts`. */
export const searchTableName = (postsTable: string): string => `${postsTable}_fts`

/** Name of the term statistics table beside it, e.g. `posts_fts_terms`. */
export const termsTableName = (postsTable: string): string => `${searchTableName(postsTable)}_terms`

const HOOK_MARK = Symbol.for('payload-policy-posts.searchSchemaHook')

/**
 * The schema hook that adds the full-text tables beside posts. `posts_fts`: one row per post
 * (`id` → posts.id, on delete cascade) with a weighted `search_vector tsvector` (title A,
 * highlights B, body C) and a GIN index on it; the vectors live beside the posts table, not in
 * it, so Payload's own reads of posts never fetch them. `posts_fts_terms`: how many posts
 * contain each lexeme (`df`; the row with lexeme '' holds the number of posts), the statistics
 * similar posts weigh words with (see termStatistics.ts).
 */
function searchSchemaHook(incoming: PolicyPostsOptions | ResolvedPolicyPostsOptions = {}): PostgresSchemaHook {
  const options = 'defaultLanguage' in incoming ? incoming : resolveOptions(incoming)
  const hook: PostgresSchemaHook = ({ adapter, schema }) => {
    const pg = adapter as unknown as SchemaAdapterLike
    const postsName = postsTableName(pg, options.slugs.posts)
    const posts = schema.tables[postsName]
    const name = searchTableName(postsName)
    const termsName = termsTableName(postsName)
    if (!posts) return schema
    const tables = { ...schema.tables }
    if (!tables[name]) {
      const idColumn =
        pg.idType === 'uuid' || pg.idType === 'uuidv7'
          ? varchar('id').primaryKey()
          : integer('id').primaryKey()
      tables[name] = pg.pgSchema.table(
        name,
        {
          id: idColumn.references(() => posts.id, { onDelete: 'cascade' }),
          indexedAt: timestamp('indexed_at', { mode: 'string', precision: 3, withTimezone: true })
            .notNull()
            .default(sql`now()`),
          searchVector: tsvector('search_vector').notNull(),
        },
        // fastupdate off: a CMS writes rarely, and a pending list would make every search scan
        // it (and the planner cost the index as if it were large).
        (cols: Record<string, any>) => [
          index(`${name}_search_vector_idx`).using('gin', cols.searchVector).with({ fastupdate: false }),
        ],
      )
    }
    if (!tables[termsName]) {
      tables[termsName] = pg.pgSchema.table(
        termsName,
        {
          df: integer('df').notNull(),
          lexeme: text('lexeme').primaryKey(),
          refreshedAt: timestamp('refreshed_at', { mode: 'string', precision: 3, withTimezone: true })
            .notNull()
            .default(sql`now()`),
        },
      )
    }
    return { ...schema, tables }
  }
  Object.defineProperty(hook, HOOK_MARK, { value: true })
  return hook
}

const isOurHook = (hook: unknown): boolean =>
  typeof hook === 'function' && (hook as unknown as Record<symbol, unknown>)[HOOK_MARK] === true

/**
 * Schema hooks for hosts that configure `postgresAdapter` themselves:
 * `postgresAdapter({ pool, afterSchemaInit: [...policyPostsSchemaHooks(options).afterSchemaInit] })`.
 * Not needed with `policyPosts()`, which adds the hook to the adapter by itself; adding both is
 * harmless (the hook runs once).
 */
export function policyPostsSchemaHooks(options: PolicyPostsOptions = {}): { afterSchemaInit: PostgresSchemaHook[] } {
  const resolved = resolveOptions(options)
  return { afterSchemaInit: [searchSchemaHook(resolved), groupLanguagesSchemaHook(resolved)] }
}

/**
 * Wraps the host's database adapter so the adapter instance it creates runs our schema hook
 * after its own ones. Returns the adapter untouched when it is not the Postgres adapter.
 */
export function withSearchSchema(
  db: Config['db'] | undefined,
  options: ResolvedPolicyPostsOptions,
): Config['db'] | undefined {
  if (!db || typeof db.init !== 'function') return db
  const wrapped: DatabaseAdapterObj = {
    ...db,
    init: (args) => {
      const adapter = db.init(args) as unknown as { afterSchemaInit?: unknown; name?: string }
      if (adapter.name === 'postgres' && Array.isArray(adapter.afterSchemaInit)) {
        const hooks: unknown[] = adapter.afterSchemaInit
        adapter.afterSchemaInit = [
          ...hooks,
          ...(hooks.some(isOurHook) ? [] : [searchSchemaHook(options)]),
          // The (group, language) table that keeps one version per language under racing draft saves.
          ...(hooks.some(isGroupLanguagesSchemaHook) ? [] : [groupLanguagesSchemaHook(options)]),
        ]
      } else {
        args.payload.logger.warn(
          `[policy-posts] the database adapter "${adapter.name}" is not Postgres; similar posts and search are unavailable.`,
        )
      }
      return adapter as never
    },
  }
  return wrapped
}
