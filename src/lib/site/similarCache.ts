import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { PostCard } from './data'

import { approximateBytes, BoundedLru } from './lru'
import { executeSql, intArray } from './sql'

/**
 * What a post's similar cards depend on besides the source itself: the newest save of any
 * post, category or author (publishing, unpublishing and creating all bump `updated_at`), the
 * number of categories and authors (a deleted one leaves no newer row), and whether every
 * card shown is still a published post (a deleted post leaves no newer row either).
 */
export interface SimilarMarker {
  changed: string
  /** How many of the cached cards' posts are still published. */
  live: number
}

/** Columns `similar_changed` and `similar_live` of a marker query (./postPageCache.ts reads them with others). */
export function similarMarkerColumns(cardIds: number[]): SQL {
  return sql`concat_ws('|',
        (select max(updated_at) from posts), (select max(updated_at) from categories), (select max(updated_at) from authors),
        (select count(*) from categories), (select count(*) from authors)) as similar_changed,
      (select count(*)::int from posts where id = any(${intArray(cardIds)}) and _status = 'published') as similar_live`
}

export const similarMarkerFromRow = (row: Record<string, unknown>): SimilarMarker => ({
  changed: String(row.similar_changed ?? ''),
  live: Number(row.similar_live ?? 0),
})

/** One round trip; `posts`, `categories` and `authors` are the site's collection tables. */
export async function readSimilarMarker(payload: Payload, cardIds: number[]): Promise<SimilarMarker> {
  const rows = await executeSql(payload, sql`select ${similarMarkerColumns(cardIds)}`)
  return similarMarkerFromRow(rows[0] ?? {})
}

interface Entry {
  cards: PostCard[]
  changed: string
}

// Bounded by bytes (cards carry excerpts), part of a server process's memory budget.
const entries = new BoundedLru<Entry>(5000, 8 * 1024 * 1024, (entry) => approximateBytes(entry.cards))

/**
 * A post's similar cards, kept in process per (post, language) and reused while the marker
 * read just before is unchanged: a render then costs one small query instead of the ranking.
 * The marker is read before computing, so a change committed meanwhile makes the stored
 * marker old and the next render computes again.
 */
export async function similarPostsWithMarker(
  payload: Payload,
  postId: number,
  lang: string,
  compute: () => Promise<PostCard[]>,
  /** Read by the caller in its own marker query, for the ids of `similarCardIds(postId, lang)`. */
  knownMarker?: SimilarMarker,
): Promise<PostCard[]> {
  const key = `${lang}|${postId}`
  const cached = entries.get(key)
  const marker = knownMarker ?? (await readSimilarMarker(payload, cached ? cached.cards.map((card) => card.id) : []))
  if (cached && cached.changed === marker.changed && marker.live === cached.cards.length) return cached.cards
  const cards = await compute()
  entries.set(key, { cards, changed: marker.changed })
  return cards
}

/** The ids of a post's cached similar cards (none when nothing is cached), to read its marker. */
export function similarCardIds(postId: number, lang: string): number[] {
  return entries.get(`${lang}|${postId}`)?.cards.map((card) => card.id) ?? []
}

/** For tests: forget every cached list. */
export function clearSimilarCache(): void {
  entries.clear()
}
