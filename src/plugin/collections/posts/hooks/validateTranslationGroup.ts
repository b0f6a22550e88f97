import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { duplicateVersionError } from '../../../translations/errors'
import { languageHolder, loadPost } from '../../../translations/members'
import { fieldError } from '../../../utilities/fieldError'
import { relationId } from '../../../utilities/relationId'

const same = (a: unknown, b: unknown) => String(a) === String(b)

/**
 * The linking rules for any write (REST, GraphQL, Local API): a group holds at most one post
 * per language, and `translatedFrom` names another version in the same group. A post that
 * moves to another group (or leaves its group) drops the source it followed there.
 */
export const validateTranslationGroupHook =
  (options: ResolvedPolicyPostsOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const previousGroup = relationId(originalDoc?.translationGroup)
    const group = 'translationGroup' in data ? relationId(data.translationGroup) : previousGroup
    const language: string = data.language ?? originalDoc?.language ?? options.defaultLanguage
    const groupChanged = !same(group, previousGroup)
    if (group !== undefined && (operation === 'create' || groupChanged || language !== originalDoc?.language)) {
      const holder = await languageHolder(req, options, group, language, originalDoc?.id)
      if (holder) throw duplicateVersionError(options, language, holder, req)
    }

    const previousSource = relationId(originalDoc?.translatedFrom)
    const given = 'translatedFrom' in data && !same(relationId(data.translatedFrom), previousSource)
    const source = given ? relationId(data.translatedFrom) : previousSource
    if (source === undefined) return data
    if (originalDoc?.id !== undefined && same(source, originalDoc.id)) {
      throw fieldError(collection.slug, 'translatedFrom', 'A post cannot be a translation of itself.', req)
    }
    if (!given && !groupChanged) return data
    const sourcePost = await loadPost(req, options, source)
    const sourceGroup = relationId(sourcePost?.translationGroup)
    if (group !== undefined && sourceGroup !== undefined && same(group, sourceGroup)) return data
    if (given) {
      throw fieldError(
        collection.slug,
        'translatedFrom',
        sourcePost
          ? `"${sourcePost.title}" is not linked in this post's translation group; link the versions first.`
          : `No post with id "${String(source)}" exists.`,
        req,
      )
    }
    data.translatedFrom = null
    data.sourceUpdatedAt = null
    return data
  }
