import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

/** A note still cited by any post (any language, published or draft) cannot be deleted. */
export const preventDeleteWhenCitedHook =
  (postsSlug: string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const citing = await req.payload.find({
      collection: postsSlug as 'posts',
      depth: 0,
      draft: true,
      limit: 20,
      overrideAccess: true,
      req,
      select: { language: true, title: true },
      where: { 'endnotes.footnote': { equals: id } },
    })
    if (citing.totalDocs > 0) {
      const list = citing.docs.map((post) => `"${post.title}" (${post.language}, id ${post.id})`).join(', ')
      const more = citing.totalDocs > citing.docs.length ? ` and ${citing.totalDocs - citing.docs.length} more` : ''
      throw new APIError(
        `This note is cited by ${citing.totalDocs} post${citing.totalDocs > 1 ? 's' : ''} and cannot be deleted: ${list}${more}. Remove the references first.`,
        409,
        { citedBy: citing.docs.map((post) => post.id) },
        true,
      )
    }
  }
