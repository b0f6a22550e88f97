import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

type Execute = (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>

/** Runs one SQL statement on the site's Payload database (PostgreSQL) and returns its rows. */
export async function executeSql(payload: Payload, query: SQL): Promise<Record<string, unknown>[]> {
  const drizzle = (payload.db as unknown as { drizzle: { execute: Execute } }).drizzle
  return (await drizzle.execute(query)).rows
}
