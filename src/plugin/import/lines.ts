/** Line-level recognisers for the plain-text article format. */

export type SourceLine = { line: number; text: string }

/**
 * Splits text into trimmed lines with their 1-based numbers. Handles CRLF/CR, a BOM,
 * tabs and no-break spaces, so files saved by Word or Windows editors parse the same.
 */
export function toLines(input: string): SourceLine[] {
  return input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, text: raw.replace(/[\s\u00A0\u200B]+/g, ' ').trim() }))
}

const BULLET = /^[•\-*–]\s+(.*)$/

/** The text of a key-point line ('• …', '- …', '* …', '– …'), else undefined. */
export function bulletText(text: string): string | undefined {
  const match = BULLET.exec(text)
  return match ? match[1].trim() : undefined
}

// '***', '* * *', '---', '___', '===' between sections; not content.
export const isSeparator = (text: string): boolean => /^(?:[-_*=~•]\s*){3,}$/.test(text)

const NOTES_HEADINGS = new Set([
  'endnotes', 'notes', 'references', 'sources', 'footnotes',
  'son notlar', 'kaynakça', 'kaynakca', 'kaynaklar', 'dipnotlar', 'notlar',
])

export function isNotesHeading(text: string): boolean {
  const normalised = text.replace(/[:.]$/, '').trim().toLocaleLowerCase('tr')
  return NOTES_HEADINGS.has(normalised) || NOTES_HEADINGS.has(text.replace(/[:.]$/, '').trim().toLowerCase())
}

// "[iv] Author, …" — any case in the list; validity is checked by the caller.
const NOTE_LINE = /^\[\s*([A-Za-z]+)\s*\]\s*(.*)$/

export function noteLine(text: string): { label: string; rest: string } | undefined {
  const match = NOTE_LINE.exec(text)
  return match ? { label: match[1].toLowerCase(), rest: match[2] } : undefined
}

const CATEGORY_PREFIX = /^(?:category|kategori)\s*:\s*(.+)$/i

/**
 * A category line: 'Category: Analysis', or a lone short line (≤ 3 words, no final
 * punctuation) such as 'Analysis' / 'Analiz'. Returns the category name or undefined.
 */
export function categoryText(text: string): string | undefined {
  const prefixed = CATEGORY_PREFIX.exec(text)
  if (prefixed) return prefixed[1].trim()
  if (!text || bulletText(text) !== undefined || noteLine(text) || isNotesHeading(text)) return undefined
  if (/[.!?:;,…"”)\]]$/.test(text) || text.includes('[')) return undefined
  return text.split(' ').length <= 3 ? text : undefined
}
