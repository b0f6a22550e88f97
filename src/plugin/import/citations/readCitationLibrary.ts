import { Cite } from '@citation-js/core'
// Side-effect imports register the input formats with @citation-js/core.
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'

import type { ParsedCitation } from '../types'

import { isRealDate, toIsoDate } from '../../endnote/dates'
import { isHttpUrl } from '../../utilities/urlSchemes'

export type LibraryFormat = 'bibtex' | 'csl-json' | 'ris'

export type LibraryEntry = {
  /** 1-based position in the file. */
  index: number
  citation: ParsedCitation & { publishedAt?: string }
  doi?: string
}

export class CitationLibraryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CitationLibraryError'
  }
}

type CslName = { family?: string; given?: string; literal?: string }
type CslDate = { 'date-parts'?: (number | string)[][]; raw?: string }
type CslItem = {
  author?: CslName[]
  editor?: CslName[]
  'container-title'?: string | string[]
  publisher?: string
  title?: string
  URL?: string
  DOI?: string
  accessed?: CslDate
  issued?: CslDate
  note?: string
}

/** The format of a citation library by its content (the file name only breaks ties). */
export function detectFormat(text: string, fileName = ''): LibraryFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (/^[[{]/.test(start)) return 'csl-json'
  if (/^TY {2}- /m.test(start.slice(0, 2000))) return 'ris'
  if (/^@\w+\s*[{(]/m.test(start)) return 'bibtex'
  if (/\.ris$/i.test(fileName)) return 'ris'
  if (/\.bib$/i.test(fileName)) return 'bibtex'
  return undefined
}

const nameOf = (name: CslName): string => name.literal ?? [name.given, name.family].filter(Boolean).join(' ')

function fullDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]?.map(Number)
  if (!parts || parts.length < 3) return undefined
  const [year, month, day] = parts
  return isRealDate(year, month, day) ? toIsoDate({ day, month, year }) : undefined
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/** One CSL item as `footnotes` fields; the DOI is kept for de-duplication. */
export function cslToCitation(item: CslItem): Omit<LibraryEntry, 'index'> {
  const people = item.author?.length ? item.author : (item.editor ?? [])
  const doi = item.DOI?.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
  const url = item.URL?.trim() && isHttpUrl(item.URL.trim()) ? item.URL.trim() : doi ? `https://doi.org/${doi}` : undefined
  const citation: LibraryEntry['citation'] = {
    accessedAt: fullDate(item.accessed),
    citedAuthors: people.map(nameOf).filter(Boolean).join(', ') || undefined,
    note: item.note?.trim() || undefined,
    outlet: first(item['container-title'])?.trim() || item.publisher?.trim() || undefined,
    publishedAt: fullDate(item.issued),
    title: item.title?.trim() || undefined,
    url,
  }
  const compact = Object.fromEntries(Object.entries(citation).filter(([, value]) => value !== undefined)) as LibraryEntry['citation']
  return { citation: compact, ...(doi && { doi: doi.toLowerCase() }) }
}

/**
 * Reads a BibTeX, RIS or CSL-JSON library with citation-js into `footnotes` fields. Throws a
 * `CitationLibraryError` naming the problem when the file is none of these or holds no entry.
 */
export async function readCitationLibrary(text: string, fileName = ''): Promise<{ format: LibraryFormat; entries: LibraryEntry[] }> {
  const format = detectFormat(text, fileName)
  if (!format) {
    throw new CitationLibraryError('The file is not a citation library: expected BibTeX (.bib), RIS (.ris) or CSL-JSON (.json).')
  }
  let items: CslItem[]
  try {
    const input = format === 'csl-json' ? JSON.parse(text.replace(/^\uFEFF/, '')) : text
    // citation-js recognises the format itself; detectFormat only makes the refusal message specific.
    items = (await Cite.async(format === 'csl-json' && !Array.isArray(input) ? [input] : input)).data as CslItem[]
  } catch (error) {
    throw new CitationLibraryError(`The ${format === 'csl-json' ? 'CSL-JSON' : format === 'ris' ? 'RIS' : 'BibTeX'} file cannot be read: ${(error as Error).message.split('\n')[0]}`)
  }
  const entries = items.map((item, i) => ({ index: i + 1, ...cslToCitation(item) })).filter((entry) => Object.keys(entry.citation).length > 0)
  if (entries.length === 0) throw new CitationLibraryError('The file holds no citation entries.')
  return { entries, format }
}
