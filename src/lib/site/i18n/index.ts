import { en } from './en'
import { tr } from './tr'
import type { UiStringOverrides, UiStrings } from './types'

export type { ShareNetwork, UiStringOverrides, UiStrings } from './types'
export { en, tr }

/** Languages with a built-in table; any other language starts from English. */
const builtInStrings: Readonly<Record<string, UiStrings>> = { en, tr }

/** 'tr-TR' / 'TR' / ' tr ' → 'tr', so region tags reuse the base language's table. */
export function baseLanguage(lang: string): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
}


export function hasBuiltInStrings(lang: string): boolean {
  return Object.hasOwn(builtInStrings, baseLanguage(lang))
}

/**
 * UI strings for a language: English, then the language's built-in table (if any), then the
 * host's overrides for that language. A configured third language without a table therefore
 * shows English until the host supplies its own strings.
 */
export function getStrings(lang: string, overrides?: UiStringOverrides): UiStrings {
  const base = baseLanguage(lang)
  const table = Object.hasOwn(builtInStrings, base) ? builtInStrings[base] : undefined
  const own = overrides ? (overrides[lang] ?? overrides[base]) : undefined
  return { ...en, ...table, ...definedOnly(own) }
}

// An override of `undefined` (e.g. from a spread options object) must not erase a string.
function definedOnly(partial: Partial<UiStrings> | undefined): Partial<UiStrings> {
  if (!partial) return {}
  return Object.fromEntries(
    Object.entries(partial).filter(([, value]) => value !== undefined),
  ) as Partial<UiStrings>
}
