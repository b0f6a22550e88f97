import type { Payload, PayloadRequest } from 'payload'

import type { LexicalRoot } from '../utilities/lexicalBuilders'

import { matchCategory, unknownCategoryWarning } from './matchCategory'

// Field limits of the posts collection; the importers report longer text as a problem and clip it when forced.
export const TITLE_MAX = 300
export const HIGHLIGHT_MAX = 500

export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

export interface DraftPost {
  title: string
  /** The category's name as written in the article; matched in `language`, never created. */
  category?: string
  highlights: string[]
  content: LexicalRoot
  language: string
}

interface Target {
  categoriesSlug: string
  postsSlug: string
  overrideAccess: boolean
  req: PayloadRequest
}

/**
 * Creates an imported article as a DRAFT post: title and key points clipped to the fields'
 * limits, the category matched by its name in the post's language. A name that matches no
 * category leaves the post without one and comes back as a warning.
 */
export async function createDraftPost(
  payload: Payload,
  { categoriesSlug, overrideAccess, postsSlug, req }: Target,
  draft: DraftPost,
): Promise<{ post: { id: number | string; slug: string }; warnings: string[] }> {
  const warnings: string[] = []
  let category: number | string | undefined
  if (draft.category) {
    category = await matchCategory(payload, { categoriesSlug, language: draft.language, name: draft.category, req })
    if (category === undefined) warnings.push(unknownCategoryWarning(draft.category, draft.language))
  }
  const post = await payload.create({
    collection: postsSlug as 'posts',
    data: {
      _status: 'draft',
      ...(category !== undefined && { category }),
      content: draft.content as never,
      highlights: draft.highlights.map((text) => ({ text: clip(text, HIGHLIGHT_MAX) })),
      language: draft.language,
      title: clip(draft.title, TITLE_MAX),
    } as never,
    depth: 0,
    draft: true,
    overrideAccess,
    req,
  })
  return { post: { id: post.id, slug: String((post as { slug?: unknown }).slug ?? '') }, warnings }
}
