import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { afterLeavingGroup } from '../../../translations/detach'
import { refreshGroupLabel } from '../../../translations/groups'
import { relationId } from '../../../utilities/relationId'

/**
 * After a save: a group the post left is tidied (deleted when empty), and the label of the
 * post's group follows its published default-language title — so publishing, unpublishing
 * and published edits refresh it; a draft save over a published post leaves it alone.
 */
export const syncTranslationGroupHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const before = relationId(previousDoc?.translationGroup)
    const after = relationId(doc.translationGroup)
    const moved = String(before) !== String(after)
    if (before !== undefined && moved) await afterLeavingGroup(req, options, doc.id, before)
    const retitled = previousDoc?.title !== doc.title || previousDoc?.language !== doc.language
    const published = doc._status === 'published' || previousDoc?._status === 'published'
    if (after !== undefined && (operation === 'create' || moved || (published && retitled) || previousDoc?._status !== doc._status)) {
      await refreshGroupLabel(req, options, after)
    }
    return doc
  }

/** After a delete: the rest of the group stays linked; a group left empty is deleted. */
export const syncDeletedPostGroupHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const group = relationId(doc?.translationGroup)
    if (group !== undefined) await afterLeavingGroup(req, options, doc.id, group)
    return doc
  }
