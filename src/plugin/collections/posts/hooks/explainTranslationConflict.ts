import type { CollectionAfterErrorHook } from 'payload'

import { createLocalReq, formatErrors } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { duplicateVersionError, isGroupLanguageConflict } from '../../../translations/errors'
import { languageHolder, loadPost } from '../../../translations/members'
import { relationId } from '../../../utilities/relationId'

/**
 * Two REST writes racing for one language of a group both pass the hooks' check; the
 * database's unique (translationGroup, language) index refuses the second. This turns that
 * "Value must be unique" into the same clear 400 as the hooks give.
 */
export const explainTranslationConflictHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterErrorHook =>
  async ({ error, req }) => {
    if (!isGroupLanguageConflict(error)) return
    // The failed request's transaction is gone: read on a fresh one.
    const fresh = await createLocalReq({}, req.payload)
    const data = (req.data ?? {}) as Record<string, unknown>
    const id = req.routeParams?.id as number | string | undefined
    let group = relationId(data.translationGroup)
    let language = typeof data.language === 'string' ? data.language : undefined
    if ((group === undefined || !language) && id !== undefined) {
      const current = await loadPost(fresh, options, id)
      group ??= relationId(current?.translationGroup)
      language ??= current?.language ?? undefined
    }
    const holder =
      group !== undefined && language ? await languageHolder(fresh, options, group, language, id) : undefined
    return { response: formatErrors(duplicateVersionError(options, language, holder, req)), status: 400 }
  }
