import type { ResolvedPolicyPostsOptions } from '../options'

import { baseLanguage } from '../utilities/baseLanguage'

// Languages written with the Turkish dotted/dotless i: upper-case I is ı and İ is i there.
const TURKIC_CASE = new Set(['az', 'tr'])

/** True when `I`/`İ` lower-case to `ı`/`i` in this language (Turkish, Azerbaijani). */
export const usesTurkicCase = (language: string): boolean => TURKIC_CASE.has(baseLanguage(language))

/** Language code → Postgres text search configuration, `simple` for anything unknown. */
export function textSearchConfigs(options: ResolvedPolicyPostsOptions): Map<string, string> {
  return new Map(options.languages.map((language) => [language.code, language.textSearchConfig || 'simple']))
}

/** Most words with a capital I whose two readings are tried one by one (2^n queries). */
const MAX_AMBIGUOUS_WORDS = 3

/**
 * The ways a query typed in a Turkish-cased language can be meant. A capital I is ı under
 * Turkish rules, but typed on a non-Turkish keyboard it is usually i ("Istanbul"); each word
 * containing one is tried both ways (up to three such words, then all-or-nothing). İ is i.
 */
export function turkicQueryVariants(q: string): string[] {
  const words = q.split(/(\s+)/)
  const ambiguous = words.map((word, index) => (/I/.test(word) ? index : -1)).filter((index) => index >= 0)
  const render = (dotless: (index: number) => boolean): string =>
    words.map((word, index) => word.replace(/İ/g, 'i').replace(/I/g, dotless(index) ? 'ı' : 'i')).join('')
  if (ambiguous.length > MAX_AMBIGUOUS_WORDS) return [...new Set([render(() => true), render(() => false)])]
  const variants = new Set<string>()
  for (let mask = 0; mask < 1 << ambiguous.length; mask++) {
    variants.add(render((index) => ((mask >> ambiguous.indexOf(index)) & 1) === 0))
  }
  return [...variants]
}
