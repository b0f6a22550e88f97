import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { QueryRunner } from '../../search/db'

import { queryRunner } from '../../search/db'
import { postsTableName } from '../../search/schema'
import { getPolicyPostsOptions } from '../../utilities/getPolicyPostsOptions'
import { footnoteTitleKey } from './titleKey'

export interface FootnotesTable {
  /** The table (schema-qualified when the adapter uses a schema). */
  table: SQL
  /** The id column's SQL type (`integer`, `varchar`, `uuid`), so the update finds rows by the primary key. */
  idType: string
}

const SERIAL_TYPES: Record<string, string> = { bigserial: 'bigint', serial: 'integer', smallserial: 'smallint' }

const SQL_TYPE = /^[a-z][a-z0-9 ]*(\(\d+\))?$/

/**
 * Fills `title_key` of records that have a title but no key (written before the column
 * existed, or by bulk SQL), walking ids in batches. A title that folds to nothing keeps a null
 * key; the id cursor moves past it. Returns how many records got a key.
 */
export async function fillTitleKeys(db: QueryRunner, { idType, table }: FootnotesTable, { batchSize = 1000 } = {}): Promise<number> {
  if (!SQL_TYPE.test(idType)) throw new Error(`[policy-posts] unexpected id column type "${idType}"`)
  let after: unknown = undefined
  let filled = 0
  for (;;) {
    const { rows } = await db.execute(sql`
      select id, title from ${table}
       where title_key is null and title is not null ${after === undefined ? sql`` : sql`and id > ${after}::${sql.raw(idType)}`}
       order by id
       limit ${batchSize}`)
    if (rows.length === 0) return analyzed(db, table, filled)
    after = rows[rows.length - 1].id
    const keyed = rows.map((row) => ({ id: row.id, key: footnoteTitleKey(row.title) })).filter((row) => row.key !== null)
    if (keyed.length > 0) {
      const values = sql.join(
        keyed.map((row) => sql`(${String(row.id)}, ${row.key})`),
        sql`, `,
      )
      const result = await db.execute(sql`
        update ${table} f set title_key = v.key
          from (values ${values}) as v(id, key)
         where f.id = v.id::${sql.raw(idType)}`)
      filled += result.rowCount ?? 0
    }
    if (rows.length < batchSize) return analyzed(db, table, filled)
  }
}

// Until the planner has seen the keys it takes the new column for all nulls and finds a key by
// walking every record in id order.
async function analyzed(db: QueryRunner, table: SQL, filled: number): Promise<number> {
  if (filled > 0) await db.execute(sql`analyze ${table}`)
  return filled
}

/** `fillTitleKeys` on the plugin's footnotes table (run at start-up, cheap when all keys are set). */
export async function backfillFootnoteTitleKeys(payload: Payload): Promise<number> {
  const adapter = payload.db as unknown as { tableNameMap: Map<string, string>; tables: Record<string, Record<string, any>> }
  const name = postsTableName(adapter, getPolicyPostsOptions(payload).slugs.footnotes)
  const table = adapter.tables[name]
  if (!table?.titleKey) throw new Error(`[policy-posts] the footnotes table "${name}" has no title_key column`)
  // A serial column holds integers; casts need the type, not the column's default.
  const declared = String(table.id.getSQLType())
  const idType = SERIAL_TYPES[declared] ?? declared
  return fillTitleKeys(await queryRunner(payload), { idType, table: sql`${table}` })
}
