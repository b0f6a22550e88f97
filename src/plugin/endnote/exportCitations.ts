import { Cite } from '@citation-js/core'
// Side-effect imports register the CSL and BibTeX formats with @citation-js/core.
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'

import type { CitationInput } from './formatCitation'
import { toDateParts, type DateInput } from './dates'
import { parseAuthors, type CslName } from './parseAuthors'

export type ExportableFootnote = CitationInput & { id: string | number }

type CslDate = { 'date-parts': [[number, number, number]] }

/** The subset of CSL-JSON we emit (valid CSL 1.0.2 items). */
export type CslItem = {
  id: string | number
  type: 'webpage' | 'article' | 'article-newspaper'
  'citation-key': string
  title?: string
  author?: CslName[]
  'container-title'?: string
  URL?: string
  accessed?: CslDate
  issued?: CslDate
  note?: string
}

export type BibtexDialect = 'bibtex' | 'biblatex'

const text = (value: string | null | undefined): string | undefined => {
  const cleaned = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''
  return cleaned || undefined
}

function cslDate(input: DateInput): CslDate | undefined {
  const parts = toDateParts(input)
  return parts ? { 'date-parts': [[parts.year, parts.month, parts.day]] } : undefined
}

// ASCII-only key material: BibTeX keys must not contain Turkish letters or spaces.
function asciiWord(value: string | undefined): string {
  if (!value) return ''
  return value
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'bir', 've'])

function baseKey(item: Omit<CslItem, 'citation-key'>): string {
  const first = item.author?.[0]
  const who = asciiWord(first?.family ?? first?.literal?.split(' ')[0])
  const year = item.issued?.['date-parts'][0][0] ?? ''
  const titleWord = (item.title ?? '')
    .split(/\s+/)
    .map(asciiWord)
    .find((w) => w && !STOP_WORDS.has(w.toLowerCase()))
  const key = `${who}${year}${titleWord ?? ''}`
  return key || `note${asciiWord(String(item.id))}`
}

// Letters keep keys alphanumeric: citation-js discards keys containing '-' or spaces as unsafe.
function uniqueKey(base: string, used: Set<string>): string {
  let key = base
  for (let i = 1; used.has(key); i++) {
    key = i <= 25 ? `${base}${String.fromCharCode(97 + i)}` : `${base}${i + 1}`
  }
  used.add(key)
  return key
}

/**
 * Footnote records → CSL-JSON. Every item carries a unique `citation-key` (Author+Year+Word,
 * suffixed b, c, … on clashes) so BibTeX exports never contain two entries with one key.
 */
export function toCslJson(footnotes: ReadonlyArray<ExportableFootnote>): CslItem[] {
  const used = new Set<string>()
  return footnotes.map((f) => {
    const url = text(f.url)
    const author = parseAuthors(f.citedAuthors)
    const item: Omit<CslItem, 'citation-key'> = { id: f.id, type: url ? 'webpage' : 'article' }
    const title = text(f.title)
    const outlet = text(f.outlet)
    const accessed = cslDate(f.accessedAt)
    const issued = cslDate(f.publishedAt)
    const note = text(f.note)
    if (title) item.title = title
    if (author.length > 0) item.author = author
    if (outlet) item['container-title'] = outlet
    if (url) item.URL = url
    if (accessed) item.accessed = accessed
    if (issued) item.issued = issued
    if (note) item.note = note
    return { ...item, 'citation-key': uniqueKey(baseKey(item), used) }
  })
}

/**
 * A web page in an outlet ("Reuters") is written as an article in that outlet: BibTeX's
 * `@misc` has no field for it, so citation-js would drop `container-title`; as `@article` it
 * becomes `journal` (BibTeX), which reference managers and citation-js read back as the outlet.
 */
function forBibtex(item: CslItem, dialect: BibtexDialect): CslItem {
  if (dialect !== 'bibtex' || item.type !== 'webpage' || !item['container-title']) return item
  return { ...item, type: 'article-newspaper' }
}

/**
 * Footnote records → BibTeX (`@misc` with `howpublished`/`url` for web pages) or BibLaTeX
 * (`@online` with `urldate`); a web page in an outlet is an `@article` in that
 * outlet for BibTeX (see `forBibtex`). Non-ASCII letters are escaped by citation-js.
 */
export function toBibtex(
  footnotes: ReadonlyArray<ExportableFootnote>,
  dialect: BibtexDialect = 'bibtex',
): string {
  if (footnotes.length === 0) return ''
  // Cite annotates the objects it receives; hand it copies.
  const items = toCslJson(footnotes).map((item) => forBibtex(item, dialect))
  const cite = new Cite(structuredClone(items))
  return cite.format(dialect, { format: 'text' }).trim() + '\n'
}
