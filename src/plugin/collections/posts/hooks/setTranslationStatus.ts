import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { computeTranslationStatus } from '../../../translations/status'

/**
 * Stores `translationStatus` ('source' | 'up-to-date' | 'outdated') so the admin list can
 * filter by it. A translation's own saves do not clear "outdated": the translator does that
 * with "Mark up to date" (which moves `sourceUpdatedAt` to the source's current version).
 */
export const setTranslationStatusHook =
  (options: ResolvedPolicyPostsOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    data.translationStatus = await computeTranslationStatus(req, options, {
      sourceUpdatedAt: 'sourceUpdatedAt' in data ? data.sourceUpdatedAt : originalDoc?.sourceUpdatedAt,
      translatedFrom: 'translatedFrom' in data ? data.translatedFrom : originalDoc?.translatedFrom,
    })
    return data
  }
