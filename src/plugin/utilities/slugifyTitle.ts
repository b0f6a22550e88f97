import slugify from '@sindresorhus/slugify'

// Turkish letters map to their base Latin letter; the default transliteration
// would turn ö/ü into German "oe"/"ue" and İ into "I" followed by a combining dot.
const turkishReplacements: [string, string][] = [
  ['ç', 'c'],
  ['Ç', 'c'],
  ['ğ', 'g'],
  ['Ğ', 'g'],
  ['ı', 'i'],
  ['İ', 'i'],
  ['ö', 'o'],
  ['Ö', 'o'],
  ['ş', 's'],
  ['Ş', 's'],
  ['ü', 'u'],
  ['Ü', 'u'],
  ['&', ' '],
  // Turkish suffixes follow an apostrophe (Türkiye'nin): keep the word whole.
  ["'", ''],
  ['’', ''],
]

/** Maximum slug length; longer titles are cut at a word boundary. */
const MAX_SLUG_LENGTH = 96

/** A URL slug from a title, Turkish-aware (ç→c, ğ→g, ı→i, İ→i, ö→o, ş→s, ü→u). */
export function slugifyTitle(title: string): string {
  const slug = slugify(title, { customReplacements: turkishReplacements, decamelize: false })
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  const cut = slug.slice(0, MAX_SLUG_LENGTH)
  const lastDash = cut.lastIndexOf('-')
  return lastDash > 20 ? cut.slice(0, lastDash) : cut
}
