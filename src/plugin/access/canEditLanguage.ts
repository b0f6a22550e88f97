import type { PayloadRequest } from 'payload'

import { hasRole, languagesOf } from './roles'

/**
 * Whether the user may write posts in `language`: editors and admins in every language,
 * translators only in the languages on their account. Used by the translation endpoints and
 * hooks to evaluate, for one known document, what `canUpdatePost` expresses as a query.
 */
export const canEditLanguage = (user: PayloadRequest['user'], language: null | string | undefined): boolean => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!hasRole(user, 'translator') || !language) return false
  return languagesOf(user).includes(language)
}
