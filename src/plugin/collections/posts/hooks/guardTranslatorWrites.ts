import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { canEditLanguage } from '../../../access/canEditLanguage'
import { canPublish } from '../../../access/canPublish'
import { hasRole, languagesOf } from '../../../access/roles'
import { forbidden } from '../../../translations/errors'
import { languageLabel } from '../../../utilities/languageLabel'

/**
 * Translators write drafts in their own languages only. Refused with a 403 and a message
 * saying why: a post in another language, publishing, and (through REST or GraphQL) a
 * non-draft save that would overwrite or unpublish the live version. Editors publish.
 */
export const guardTranslatorWritesHook =
  (options: ResolvedPolicyPostsOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const { user } = req
    if (!user || canPublish(user) || !hasRole(user, 'translator')) return data
    const language: string = data.language ?? originalDoc?.language ?? options.defaultLanguage
    if (!canEditLanguage(user, language)) {
      const own = languagesOf(user).map((code) => languageLabel(options, code))
      throw forbidden(
        `Translators write only in their own languages (${own.join(', ') || 'none assigned'}); this is a ${languageLabel(options, language)} post.`,
      )
    }
    const status = data._status ?? originalDoc?._status ?? 'draft'
    if (status === 'published') {
      throw forbidden('Translators cannot publish. Save your work as a draft; an editor will review and publish it.')
    }
    const draftSave = String((req.query as { draft?: unknown } | undefined)?.draft) === 'true'
    if (operation === 'update' && originalDoc?.id !== undefined && req.payloadAPI !== 'local' && !draftSave) {
      // Without ?draft=true a save with `_status: 'draft'` replaces the live row: it would unpublish.
      const live = await req.payload.db.findOne({
        collection: collection.slug,
        req,
        where: { id: { equals: originalDoc.id } },
      })
      if ((live as { _status?: string } | null)?._status === 'published') {
        throw forbidden(
          'Translators cannot unpublish a published post. Save your changes as a draft (?draft=true); an editor will publish them.',
        )
      }
    }
    return data
  }
