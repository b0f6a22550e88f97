/** 'tr-TR' / 'TR' / ' tr ' → 'tr', so region tags reuse the base language's rules and labels. */
export function baseLanguage(lang: string): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
}
