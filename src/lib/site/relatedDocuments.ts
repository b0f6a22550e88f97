import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { ID } from 'payload-policy-posts'

import { relationId } from 'payload-policy-posts'

import { approximateBytes, BoundedLru } from './lru'
import { executeSql, intArray } from './sql'

/** The collections a post page populates; their tables carry the same names. */
export type RelatedCollection = 'authors' | 'categories' | 'footnotes' | 'media'
export type RelatedIds = Record<RelatedCollection, ID[]>

const COLLECTIONS: RelatedCollection[] = ['authors', 'categories', 'footnotes', 'media']

/** The distinct ids of relation values (ids or populated documents), others left out. */
export const uniqueIds = (values: unknown[]): ID[] => [...new Set(values.map(relationId).filter((id) => id !== undefined))]

/** Per collection: its newest `updated_at`, and whether every id asked about still exists. */
export type TableMarkers = Record<RelatedCollection, { changed: string; allExist: boolean }>

/** Columns `<collection>_changed` and `<collection>_found` of a marker query (./postPageCache.ts reads them with others). */
export function tableMarkerColumns(ids: RelatedIds): SQL {
  return sql.join(
    COLLECTIONS.map(
      (name) =>
        sql`(select max(updated_at)::text from ${sql.identifier(name)}) as ${sql.identifier(`${name}_changed`)}, (select count(*)::int from ${sql.identifier(name)} where id = any(${intArray(ids[name])})) as ${sql.identifier(`${name}_found`)}`,
    ),
    sql`, `,
  )
}

export function tableMarkersFromRow(row: Record<string, unknown>, ids: RelatedIds): TableMarkers {
  return Object.fromEntries(
    COLLECTIONS.map((name) => [name, { allExist: Number(row[`${name}_found`]) === new Set(ids[name]).size, changed: String(row[`${name}_changed`] ?? '') }]),
  ) as TableMarkers
}

/** One round trip: every collection's newest save, and how many of the given ids exist. */
export async function readTableMarkers(payload: Payload, ids: RelatedIds): Promise<TableMarkers> {
  const rows = await executeSql(payload, sql`select ${tableMarkerColumns(ids)}`)
  return tableMarkersFromRow(rows[0] ?? {}, ids)
}

interface Entry {
  doc: unknown
  /** The markers of the tables the document was read from (an author includes its photo). */
  markers: string
}

// Bounded by bytes (a footnote record or an author with photo sizes varies a lot), part of a
// server process's memory budget.
const documents = new BoundedLru<Entry>(5000, 6 * 1024 * 1024, (entry) => approximateBytes(entry.doc))

const markerOf = (collection: RelatedCollection, markers: TableMarkers) =>
  collection === 'authors' ? `${markers.authors.changed}|${markers.media.changed}` : markers[collection].changed

/**
 * The published documents a post page populates (authors with their photos, categories,
 * footnote records, share images), read as an anonymous reader, kept in process per
 * (collection, locale, id) and reused while their tables' markers — read before any of them
 * is fetched — are unchanged and the documents still exist. A save anywhere in a table
 * refetches that table's documents on the next render; nothing older is ever served.
 */
export class RelatedDocumentCache {
  constructor(private readonly entries: BoundedLru<Entry> = documents) {}

  key(collection: RelatedCollection, locale: string, id: ID): string {
    return `${collection}|${locale}|${String(id)}`
  }

  /** The cached document whatever its markers (to learn which ids to check before reading them). */
  peek<T>(collection: RelatedCollection, locale: string, id: ID): T | undefined {
    return this.entries.get(this.key(collection, locale, id))?.doc as T | undefined
  }

  /** The cached document, if it was read under the same markers. */
  get<T>(collection: RelatedCollection, locale: string, id: ID, markers: TableMarkers): T | undefined {
    const entry = this.entries.get(this.key(collection, locale, id))
    if (!entry || entry.markers !== markerOf(collection, markers)) return undefined
    if (!markers[collection].allExist || (collection === 'authors' && !markers.media.allExist)) return undefined
    return entry.doc as T
  }

  set(collection: RelatedCollection, locale: string, id: ID, doc: unknown, markers: TableMarkers): void {
    this.entries.set(this.key(collection, locale, id), { doc, markers: markerOf(collection, markers) })
  }

  clear(): void {
    this.entries.clear()
  }
}

export const relatedDocuments = new RelatedDocumentCache()
