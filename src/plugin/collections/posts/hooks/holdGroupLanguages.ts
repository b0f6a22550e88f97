import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { holdGroupLanguages } from '../../../translations/groupLanguages'
import { relationId } from '../../../utilities/relationId'

/**
 * Records, in the save's transaction, the (group, language) the post now holds through its
 * published row or latest draft. The database's unique index on those rows decides between
 * two saves racing for one language of a group — draft saves included, which the posts
 * table's own index cannot see — and the loser gets the usual 400 naming `translationGroup`.
 */
export const holdGroupLanguagesHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await holdGroupLanguages(req, options, doc, relationId(doc.translationGroup))
    return doc
  }
