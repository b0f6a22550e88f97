import type { PayloadRequest, SelectField } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { hasRole, languagesOf } from '../access/roles'

/** The languages `user` may write in: a translator's own, everyone else's all. */
const writableLanguages = (options: ResolvedPolicyPostsOptions, user: PayloadRequest['user']): string[] => {
  const all = options.languages.map((language) => language.code)
  if (!user || hasRole(user, 'admin', 'editor') || !hasRole(user, 'translator')) return all
  return all.filter((code) => languagesOf(user).includes(code))
}

/**
 * The language a document is written in; one of the configured languages. A translator is
 * offered (and may save) only their own languages, and a new post starts in the first of them.
 */
export const languageField = (options: ResolvedPolicyPostsOptions): SelectField => ({
  name: 'language',
  type: 'select',
  admin: { position: 'sidebar' },
  defaultValue: ({ req, user }) => {
    const writable = writableLanguages(options, user ?? req?.user)
    return writable.includes(options.defaultLanguage) ? options.defaultLanguage : (writable[0] ?? options.defaultLanguage)
  },
  filterOptions: ({ options: choices, req }) => {
    const writable = writableLanguages(options, req.user)
    return choices.filter((choice) => writable.includes(typeof choice === 'string' ? choice : choice.value))
  },
  index: true,
  options: options.languages.map(({ code, label }) => ({ label, value: code })),
  required: true,
})
