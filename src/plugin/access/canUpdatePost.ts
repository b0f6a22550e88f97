import type { Access } from 'payload'

import { hasRole, languagesOf } from './roles'

/**
 * Editors and admins update every post; translators only posts in their languages (as a
 * query, so lists, bulk edits and by-ID updates all obey it). Publishing is refused to
 * translators separately, with a clear message, by the `guardTranslatorWrites` hook.
 */
export const canUpdatePost: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  if (!hasRole(req.user, 'translator')) return false
  const languages = languagesOf(req.user)
  if (languages.length === 0) return false
  return { language: { in: languages } }
}
