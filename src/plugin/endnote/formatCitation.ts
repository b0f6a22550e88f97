import { citationLabelsFor, type CitationLabels } from './citationLabels'
import { formatDate, type DateInput } from './dates'
import { isHttpUrl } from '../utilities/urlSchemes'
import { findUrls } from './urls'

export { formatDate, formatLongDate, toDateParts, toIsoDate } from './dates'
export type { CitationLabels } from './citationLabels'

/** The fields of a `footnotes` record that the house citation style prints. */
export type CitationInput = {
  citedAuthors?: string | null
  title?: string | null
  outlet?: string | null
  url?: string | null
  accessedAt?: DateInput
  publishedAt?: DateInput
  note?: string | null
}

/** A piece of a rendered citation; `url` segments are meant to become links. */
export type CitationSegment = { kind: 'text' | 'url'; text: string }

const SEPARATOR = ', '

const clean = (value: string | null | undefined): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''

// Titles typed with their own quotes must not end up as ““…””.
const stripQuotes = (title: string): string =>
  title.replace(/^["“”„«]+/, '').replace(/["“”»]+$/, '').trim()

/**
 * House style, in order: authors, “title”, outlet, published date, URL,
 * (Access Date: dd.mm.yyyy), then a trailing note. Empty parts are skipped, so there are never
 * doubled commas. A record with nothing but a `note` is an explanatory note and prints alone.
 *
 * `labels` lets a host pass its own wording; by default English or Turkish by `lang`.
 */
export function citationParts(
  f: CitationInput,
  lang: string,
  labels: CitationLabels = citationLabelsFor(lang),
): CitationSegment[] {
  const note = clean(f.note)
  // An explanatory note (no author, title or URL) prints its text alone, without the access date.
  if (note && !clean(f.citedAuthors) && !clean(f.title) && !clean(f.url)) {
    return mergeText(linkify(endWithStop(note)))
  }
  const parts: CitationSegment[] = []
  const push = (kind: CitationSegment['kind'], text: string): void => {
    if (text) parts.push({ kind, text })
  }

  push('text', clean(f.citedAuthors))
  const title = stripQuotes(clean(f.title))
  if (title) push('text', `“${title}”`)
  push('text', clean(f.outlet))
  push('text', formatDate(f.publishedAt, lang))
  const url = clean(f.url)
  // A note that already quotes the link ("For the full text see https://…") shows it in place.
  if (url && !note.includes(url)) push('url', url)
  const accessed = formatDate(f.accessedAt, lang)
  if (accessed) push('text', `(${labels.accessDate}: ${accessed})`)

  const segments: CitationSegment[] = []
  parts.forEach((part, i) => {
    if (i > 0) segments.push({ kind: 'text', text: SEPARATOR })
    segments.push(part)
  })
  const last = parts[parts.length - 1]
  // "Brookings Inc." must not become "Brookings Inc..".
  if (last && !(last.kind === 'text' && /[.!?]$/.test(last.text))) {
    segments.push({ kind: 'text', text: '.' })
  }
  if (note) {
    if (segments.length > 0) segments.push({ kind: 'text', text: ' ' })
    segments.push(...linkify(endWithStop(note)))
  }
  return mergeText(segments)
}

/** The citation as one plain string (feeds, JSON-LD, copy to clipboard). */
export function formatCitation(
  f: CitationInput,
  lang: string,
  labels?: CitationLabels,
): string {
  return citationParts(f, lang, labels)
    .map((segment) => segment.text)
    .join('')
}

// http(s) links inside free-text notes become url segments too; other schemes stay text.
function linkify(text: string): CitationSegment[] {
  const out: CitationSegment[] = []
  let last = 0
  for (const { index, url } of findUrls(text)) {
    if (!isHttpUrl(url)) continue
    if (index > last) out.push({ kind: 'text', text: text.slice(last, index) })
    out.push({ kind: 'url', text: url })
    last = index + url.length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

function endWithStop(text: string): string {
  return /[.!?…)]$/.test(text) ? text : `${text}.`
}

// Neighbouring text segments are joined so a renderer emits one text node per run.
function mergeText(segments: CitationSegment[]): CitationSegment[] {
  const out: CitationSegment[] = []
  for (const segment of segments) {
    const last = out[out.length - 1]
    if (last && last.kind === 'text' && segment.kind === 'text') {
      last.text += segment.text
    } else {
      out.push({ ...segment })
    }
  }
  return out
}
