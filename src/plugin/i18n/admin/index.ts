import type { Config } from 'payload'

import { deepMergeSimple } from 'payload/shared'

import { en, type PolicyPostsAdminKey } from './en'
import { tr } from './tr'

export type { PolicyPostsAdminKey } from './en'

/** The namespace of the plugin's admin strings: `t('policy-posts:<key>')`. */
export const ADMIN_NAMESPACE = 'policy-posts'

/** Admin strings a host supplies per admin language; missing keys fall back to English. */
export type PolicyPostsAdminTranslations = Record<string, Partial<Record<PolicyPostsAdminKey, string>>>

const builtIn: Record<string, Record<PolicyPostsAdminKey, string>> = { en, tr }

/**
 * The plugin's admin strings for every admin language the host offers (and English and Turkish),
 * English first, then the built-in table, then what the host supplied. A third admin language
 * without a table therefore shows English rather than raw keys.
 */
export function buildAdminTranslations(
  supportedLanguages: readonly string[],
  supplied: PolicyPostsAdminTranslations = {},
): Record<string, { [ADMIN_NAMESPACE]: Record<PolicyPostsAdminKey, string> }> {
  const languages = new Set(['en', ...Object.keys(builtIn), ...supportedLanguages, ...Object.keys(supplied)])
  return Object.fromEntries(
    [...languages].map((language) => [
      language,
      { [ADMIN_NAMESPACE]: { ...en, ...builtIn[language], ...definedOnly(supplied[language]) } },
    ]),
  )
}

/** `config.i18n` with the plugin's strings added; the host's own translations keep precedence. */
export function mergeAdminI18n(config: Config, supplied?: PolicyPostsAdminTranslations): Config['i18n'] {
  const supportedLanguages = Object.keys(config.i18n?.supportedLanguages ?? {})
  return {
    ...config.i18n,
    translations: deepMergeSimple(
      buildAdminTranslations(supportedLanguages, supplied),
      config.i18n?.translations ?? {},
    ) as NonNullable<Config['i18n']>['translations'],
  }
}

function definedOnly(strings: Partial<Record<PolicyPostsAdminKey, string>> | undefined): Partial<Record<PolicyPostsAdminKey, string>> {
  return Object.fromEntries(Object.entries(strings ?? {}).filter(([, value]) => typeof value === 'string'))
}
