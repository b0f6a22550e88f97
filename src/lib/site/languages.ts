import { languageLabel } from 'payload-policy-posts'

import { resolvedSiteOptions } from '../siteOptions'

export type SiteLanguage = { code: string; label: string }

/** The configured languages (plugin options), the first being the default. */
export const siteLanguages: SiteLanguage[] = resolvedSiteOptions.languages.map(({ code, label }) => ({ code, label }))

export const defaultLanguage: string = resolvedSiteOptions.defaultLanguage

export function isSiteLanguage(code: unknown): code is string {
  return typeof code === 'string' && siteLanguages.some((language) => language.code === code)
}

/** Native name of a language ('Türkçe'), or the code itself when unknown. */
export const siteLanguageLabel = (code: string): string => languageLabel(resolvedSiteOptions, code)

/** Open Graph locale ('en_GB', 'tr_TR') for a language code. */
export function ogLocale(code: string): string {
  const known: Record<string, string> = { en: 'en_GB', tr: 'tr_TR' }
  if (known[code]) return known[code]
  const [base, region] = code.split('-')
  return region ? `${base}_${region.toUpperCase()}` : base
}
