import type { SelectField } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

/** The language a document is written in; one of the configured languages. */
export const languageField = (options: ResolvedPolicyPostsOptions): SelectField => ({
  name: 'language',
  type: 'select',
  admin: { position: 'sidebar' },
  defaultValue: options.defaultLanguage,
  index: true,
  options: options.languages.map(({ code, label }) => ({ label, value: code })),
  required: true,
})
