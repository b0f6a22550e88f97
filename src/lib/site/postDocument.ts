import type { Payload, Where } from 'payload'

import type { Author, Category, Footnote, Media, Post } from '../../payload-types'

import type { ID } from 'payload-policy-posts'

import type { RelatedCollection, RelatedIds } from './relatedDocuments'

import { readTableMarkers, relatedDocuments, uniqueIds } from './relatedDocuments'

type Locale = Post['language']

export interface PostDocumentQuery {
  lang: string
  slug: string
  /** An editor's preview: the latest draft, access control off (as the admin reads it). */
  draft?: boolean
}

/** Lexical node types whose relations `depth` populates (the endnote node stores a plain id). */
const POPULATED_NODE_TYPES = new Set(['block', 'inlineBlock', 'relationship', 'upload'])

/**
 * Whether a Lexical body holds anything Payload would populate at depth > 0: uploads,
 * relationship nodes, blocks, or links to documents (`fields.doc`).
 */
export function bodyNeedsPopulation(content: unknown): boolean {
  const root = (content as { root?: unknown } | null)?.root
  const stack: unknown[] = root ? [root] : []
  while (stack.length > 0) {
    const node = stack.pop() as { children?: unknown; fields?: { doc?: unknown }; type?: unknown } | null
    if (!node || typeof node !== 'object') continue
    if (POPULATED_NODE_TYPES.has(String(node.type)) || node.fields?.doc != null) return true
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child)
  }
  return false
}

/**
 * A post as the post page reads it: what `payload.find({ collection: 'posts', depth: 2 })`
 * returns, authors (with photos), category, endnote footnotes and the share image populated,
 * but in two round trips instead of six. `depth: 2` populates one collection after the
 * other (Payload's dataloader runs a find per related collection, in sequence: categories,
 * authors and their photos, footnotes, the translation group); here the post is read at
 * depth 0 and its relations in parallel, each exactly as that populate step reads it (same
 * locale, draft flag and access; one level of their own relations, as depth 2 gives them).
 * A relation that is missing or not readable stays an id, as with `depth`. The translation
 * group stays an id (the page only needs the id).
 *
 * Published reads take the related documents from an in-process cache while their tables'
 * markers are unchanged (./relatedDocuments.ts), so a page whose authors, category, notes and
 * image were read before costs the post's query and one marker query.
 *
 * A body with uploads, internal links, relationship nodes or blocks needs Lexical's own
 * population: such a post is read with `depth: 2` as before.
 */
export async function findPostDocument(payload: Payload, { draft = false, lang, slug }: PostDocumentQuery): Promise<Post | null> {
  const locale = lang as Locale
  const overrideAccess = draft
  const where: Where = {
    and: [{ language: { equals: lang } }, { slug: { equals: slug } }, ...(draft ? [] : [{ _status: { equals: 'published' } }])],
  }
  const read = (depth: 0 | 2) =>
    payload.find({
      collection: 'posts',
      depth,
      draft,
      limit: 1,
      locale,
      overrideAccess,
      pagination: false,
      populate: { translations: { label: true } },
      select: { similarPosts: false, translatedFrom: false },
      where,
    })

  const post = (await read(0)).docs[0]
  if (!post) return null
  if (bodyNeedsPopulation(post.content)) return (await read(2)).docs[0] ?? null

  const endnotes = post.endnotes ?? null
  const wanted: RelatedIds = {
    authors: uniqueIds(post.authors ?? []),
    categories: uniqueIds([post.category]),
    footnotes: uniqueIds((endnotes ?? []).map((entry) => entry.footnote)),
    media: uniqueIds([post.meta?.image]),
  }
  // Published reads reuse the documents of earlier renders while their tables are unchanged
  // (./relatedDocuments.ts): the markers are read first, in one query; drafts always read.
  const cache = draft ? null : relatedDocuments
  const markers = cache
    ? await readTableMarkers(payload, {
        ...wanted,
        media: [...wanted.media, ...uniqueIds(wanted.authors.map((id) => cache.peek<Author>('authors', locale, id)?.photo))],
      })
    : null
  const related = async <T extends { id: ID }>(collection: RelatedCollection, wantedIds: ID[]) => {
    const docs = new Map<ID, T>()
    const missing: ID[] = []
    for (const id of wantedIds) {
      const hit = cache && markers ? cache.get<T>(collection, locale, id, markers) : undefined
      if (hit) docs.set(id, hit)
      else missing.push(id)
    }
    if (missing.length === 0) return docs
    const result = await payload.find({
      collection,
      depth: 1,
      draft,
      locale,
      overrideAccess,
      pagination: false,
      where: { id: { in: missing } },
    })
    for (const doc of result.docs as unknown as T[]) {
      docs.set(doc.id, doc)
      if (cache && markers) cache.set(collection, locale, doc.id, doc, markers)
    }
    return docs
  }
  const [authors, categories, footnotes, media] = await Promise.all([
    related<Author>('authors', wanted.authors),
    related<Category>('categories', wanted.categories),
    related<Footnote>('footnotes', wanted.footnotes),
    related<Media>('media', wanted.media),
  ])
  // an id becomes its document when it was found (and readable); anything else stays as it is
  const populated = <V, T>(value: V, docs: Map<ID, T>): T | V =>
    typeof value === 'number' || typeof value === 'string' ? (docs.get(value) ?? value) : value

  return {
    ...post,
    authors: post.authors ? post.authors.map((author) => populated(author, authors)) : post.authors,
    category: populated(post.category, categories),
    endnotes: endnotes ? endnotes.map((entry) => ({ ...entry, footnote: populated(entry.footnote, footnotes) })) : endnotes,
    meta: post.meta ? { ...post.meta, image: populated(post.meta.image, media) } : post.meta,
  }
}
