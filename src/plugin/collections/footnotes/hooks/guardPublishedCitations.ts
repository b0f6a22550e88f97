import type { CollectionBeforeChangeHook } from 'payload'

import { canPublish } from '../../../access/canPublish'
import { forbidden } from '../../../translations/errors'

/**
 * Published pages show footnote records as they are now, so changing a record cited by a
 * published post changes live pages at once. Translators (who never publish) may create
 * records and edit those no published post cites; editors and admins edit all.
 */
export const guardPublishedCitationsHook =
  (postsSlug: string): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !req.user || canPublish(req.user) || originalDoc?.id === undefined) return data
    const citing = await req.payload.find({
      collection: postsSlug as 'posts',
      depth: 0,
      draft: false,
      limit: 3,
      overrideAccess: true,
      req,
      select: { language: true, title: true },
      where: { and: [{ 'endnotes.footnote': { equals: originalDoc.id } }, { _status: { equals: 'published' } }] },
    })
    if (citing.totalDocs === 0) return data
    const list = citing.docs.map((post) => `"${post.title}" (${post.language})`).join(', ')
    const more = citing.totalDocs > citing.docs.length ? ` and ${citing.totalDocs - citing.docs.length} more` : ''
    throw forbidden(
      `This note is cited by ${citing.totalDocs > 1 ? `${citing.totalDocs} published posts` : 'a published post'} (${list}${more}); only editors can change it, because readers would see the change at once. Create a new note for your version instead.`,
    )
  }
