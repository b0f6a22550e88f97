import type { Payload, Where } from 'payload'

import type { Author, Category, Footnote, Media, Post } from '../../payload-types'

import { relationId } from 'payload-policy-posts'
import type { ID } from 'payload-policy-posts'

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

  const ids = (values: unknown[]): ID[] => [...new Set(values.map(relationId).filter((id) => id !== undefined))]
  const related = async <T extends { id: ID }>(collection: 'authors' | 'categories' | 'footnotes' | 'media', wanted: ID[]) => {
    if (wanted.length === 0) return new Map<ID, T>()
    const result = await payload.find({
      collection,
      depth: 1,
      draft,
      locale,
      overrideAccess,
      pagination: false,
      where: { id: { in: wanted } },
    })
    return new Map<ID, T>((result.docs as unknown as T[]).map((doc) => [doc.id, doc]))
  }
  const endnotes = post.endnotes ?? null
  const [authors, categories, footnotes, media] = await Promise.all([
    related<Author>('authors', ids(post.authors ?? [])),
    related<Category>('categories', ids([post.category])),
    related<Footnote>('footnotes', ids((endnotes ?? []).map((entry) => entry.footnote))),
    related<Media>('media', ids([post.meta?.image])),
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
