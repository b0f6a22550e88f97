import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

type Execute = (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>

/** Runs one SQL statement on the site's Payload database (PostgreSQL) and returns its rows. */
export async function executeSql(payload: Payload, query: SQL): Promise<Record<string, unknown>[]> {
  const drizzle = (payload.db as unknown as { drizzle: { execute: Execute } }).drizzle
  return (await drizzle.execute(query)).rows
}

/** An `int[]` literal of ids, inlined (integers only, so nothing else can reach the SQL). */
export const intArray = (ids: (number | string)[]): SQL => sql.raw(`'{${ids.map((id) => Math.trunc(Number(id))).join(',')}}'::int[]`)
