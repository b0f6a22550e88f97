import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { contentFingerprint, refreshTranslationStatuses } from '../../../translations/status'

/**
 * When a source is (re)published with a changed title, highlights or body, the versions
 * translated from it are flagged `outdated`; when the change is undone they are up to date
 * again. Draft saves of a published source change nothing until they are published.
 */
export const flagOutdatedTranslationsHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update') return doc
    const unchanged =
      doc._status === previousDoc?._status && contentFingerprint(doc) === contentFingerprint(previousDoc ?? {})
    if (unchanged) return doc
    await refreshTranslationStatuses(req, options, doc.id)
    return doc
  }
