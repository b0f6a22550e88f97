import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { Author, Category, Post, PostVersion } from './data'
import type { PageEndnote } from './endnotes'
import type { RelatedIds, TableMarkers } from './relatedDocuments'
import type { SimilarMarker } from './similarCache'

import { approximateBytes, BoundedLru } from './lru'
import { tableMarkerColumns, tableMarkersFromRow, uniqueIds } from './relatedDocuments'
import { similarCardIds, similarMarkerColumns, similarMarkerFromRow } from './similarCache'
import { executeSql, intArray } from './sql'

/** What a published post page shows, whoever reads it. */
export interface PostPageContent {
  post: Post
  /** Published versions of the piece, this one included when published. */
  versions: PostVersion[]
  category: Category | null
  authors: Author[]
  endnotes: { notes: PageEndnote[] }
  /** Inner HTML of the body and of the endnotes section, rendered once per version (./articleContent.ts). */
  bodyHtml: string
  endnotesHtml: string
  readingMinutes: number
}

/** The database's state as far as one page depends on it, read in one statement. */
export interface PostPageMarkers {
  /** `id|updated_at` of the published post at (language, slug); null when there is none. */
  post: null | string
  /** Newest save of any post: a version's publish, unpublish or edit bumps it. */
  postsChanged: string
  /** How many of the entry's language versions are still published (a deletion bumps nothing). */
  versionsLive: number
  tables: TableMarkers
  similar: SimilarMarker
}

interface Entry {
  content: PostPageContent
  post: string
  postsChanged: string
  tablesChanged: string
  related: RelatedIds
  versionIds: number[]
}

const NO_IDS: RelatedIds = { authors: [], categories: [], footnotes: [], media: [] }

const tablesChanged = (tables: TableMarkers): string =>
  [tables.authors.changed, tables.categories.changed, tables.footnotes.changed, tables.media.changed].join('|')

/** The documents a page's content was built from (an author's photo included), for their markers. */
export function relatedIdsOf(content: PostPageContent): RelatedIds {
  return {
    authors: uniqueIds(content.authors.map((author) => author.id)),
    categories: uniqueIds([content.post.category]),
    footnotes: uniqueIds((content.post.endnotes ?? []).map((entry) => entry.footnote)),
    media: uniqueIds([content.post.meta?.image, ...content.authors.map((author) => author.photo)]),
  }
}

/**
 * Whether a kept page still shows what the database holds: the post is the same row at the
 * same save, no related table was saved since and none of its documents was deleted, and no
 * post was saved since nor any of its language versions deleted.
 */
export function entryIsCurrent(entry: Pick<Entry, 'post' | 'postsChanged' | 'tablesChanged' | 'versionIds'>, markers: PostPageMarkers): boolean {
  return (
    markers.post === entry.post &&
    tablesChanged(markers.tables) === entry.tablesChanged &&
    Object.values(markers.tables).every((table) => table.allExist) &&
    markers.postsChanged === entry.postsChanged &&
    markers.versionsLive === entry.versionIds.length
  )
}

export async function readPostPageMarkers(
  payload: Payload,
  { cardIds, lang, related, slug, versionIds }: { lang: string; slug: string; related: RelatedIds; versionIds: number[]; cardIds: number[] },
): Promise<PostPageMarkers> {
  const rows = await executeSql(
    payload,
    sql`select
      (select id::text || '|' || updated_at::text from posts where language = ${lang} and slug = ${slug} and _status = 'published' limit 1) as post,
      (select max(updated_at)::text from posts) as posts_changed,
      (select count(*)::int from posts where id = any(${intArray(versionIds)}) and _status = 'published') as versions_live,
      ${tableMarkerColumns(related)}, ${similarMarkerColumns(cardIds)}`,
  )
  const row = rows[0] ?? {}
  return {
    post: row.post == null ? null : String(row.post),
    postsChanged: String(row.posts_changed ?? ''),
    similar: similarMarkerFromRow(row),
    tables: tableMarkersFromRow(row, related),
    versionsLive: Number(row.versions_live ?? 0),
  }
}

// Bounded by bytes, part of a server process's memory budget (README, Performance): the
// article's HTML is the bulk, the same strings the article cache holds while both keep the
// version. Sized for a few hundred pages: an LRU smaller than the set of pages rendered in turn
// misses every time.
const pages = new BoundedLru<Entry>(2000, 40 * 1024 * 1024, (entry) => approximateBytes(entry.content))

/**
 * A published post page's content, kept in process per (language, slug) and reused while one
 * marker query, read before anything else, says nothing it was built from has changed; the
 * same query reads the similar posts' marker (returned for `similarPostsWithMarker`), so a page
 * seen before costs one round trip. Otherwise `build` reads it as before and it is kept under
 * the markers read before building: a change committed meanwhile makes them old.
 */
export async function postPageContent(
  payload: Payload,
  lang: string,
  slug: string,
  build: () => Promise<null | PostPageContent>,
): Promise<{ content: null | PostPageContent; similar: null | SimilarMarker }> {
  const key = `${lang}|${slug}`
  const entry = pages.get(key)
  const postId = entry?.content.post.id
  const markers = await readPostPageMarkers(payload, {
    cardIds: postId === undefined ? [] : similarCardIds(postId, lang),
    lang,
    related: entry?.related ?? NO_IDS,
    slug,
    versionIds: entry?.versionIds ?? [],
  })
  if (entry && entryIsCurrent(entry, markers)) return { content: entry.content, similar: markers.similar }

  const content = await build()
  if (!content || markers.post === null) {
    pages.delete(key)
    return { content, similar: null }
  }
  // The body and the notes live on as HTML and `endnotes.notes`: the post's Lexical JSON and
  // its endnote rows (each with its footnote record) are the largest part of it.
  const kept: PostPageContent = { ...content, post: { ...content.post, content: null as unknown as Post['content'], endnotes: null } }
  pages.set(key, {
    content: kept,
    post: markers.post,
    postsChanged: markers.postsChanged,
    related: relatedIdsOf(content),
    tablesChanged: tablesChanged(markers.tables),
    versionIds: content.versions.map((version) => version.id),
  })
  return { content, similar: null }
}

/** For tests: forget every kept page. */
export function clearPostPageCache(): void {
  pages.clear()
}
