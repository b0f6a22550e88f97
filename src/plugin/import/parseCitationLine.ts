import { trimUrl, URL_LIKE } from '../endnote/urls'
import { isHttpUrl } from '../utilities/urlSchemes'
import { readDayMonthYear } from './dayMonthYear'
import type { ParsedCitation } from './types'

export type CitationIssue = {
  kind: 'date-impossible' | 'date-unreadable' | 'url-not-http'
  /** The offending text as written. */
  value: string
  /** Verb phrase for "note [iv] …", e.g. 'has an impossible access date "31.02.2025"'. */
  message: string
}

export type CitationLineResult = { citation: ParsedCitation; issues: CitationIssue[] }

// "(Access Date: 24.12.2025)", "(Accessed: …)", "(Erişim Tarihi: …)", "(Erisim tarihi …)";
// a missing closing parenthesis at the very end is tolerated.
const ACCESS_DATE =
  /\(\s*(?:access(?:ed)?(?:\s+(?:date|on))?|eri[şs]im(?:\s+tarihi)?)\s*:?\s*([^)]*?)\s*(?:\)|$)/iu
// Non-global copy of the shared pattern: exec() must not carry lastIndex between calls.
const FIRST_URL = new RegExp(URL_LIKE.source, 'i')
// Curly, straight, low-high German/Turkish and guillemet quotes.
const QUOTED = /“([^”]*)”|"([^"]*)"|„([^“”]*)[“”]|«([^»]*)»/

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
// Strips separators left over after a URL or date was cut out of the text.
const trimPunctuation = (s: string): string => squash(s).replace(/^[\s,;:.]+|[\s,;:]+$/g, '')
const trimPart = (s: string): string => trimPunctuation(s).replace(/\.$/, '').trim()

function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T
}

type Quote = { title: string; before: string; after: string }

/**
 * A quoted title counts only where a citation puts it: at the start or after a comma, and
 * followed by a separator. "The term “strategic depth” was coined…" stays an explanatory note.
 */
function findTitle(text: string): Quote | undefined {
  const match = QUOTED.exec(text)
  if (!match) return undefined
  const before = text.slice(0, match.index)
  const after = text.slice(match.index + match[0].length)
  const rawTitle = match[1] ?? match[2] ?? match[3] ?? match[4] ?? ''
  const commaInside = /[,;]\s*$/.test(rawTitle) // American style: “Title,”
  const startsCitation = before.trim() === '' || /[,;:]\s*$/.test(before)
  const endsPart = commaInside || after.trim() === '' || /^\s*[,;.:]/.test(after)
  if (!startsCitation || !endsPart) return undefined
  return { title: trimPart(rawTitle), before, after }
}

/** Citation fields from the text before the URL when no title is quoted. */
function fromUnquotedParts(text: string): Pick<ParsedCitation, 'citedAuthors' | 'title' | 'outlet'> {
  const parts = text.split(',').map(trimPart).filter(Boolean)
  if (parts.length === 0) return {}
  if (parts.length === 1) return { outlet: parts[0] }
  if (parts.length === 2) return { citedAuthors: parts[0], outlet: parts[1] }
  return {
    citedAuthors: parts[0],
    title: parts.slice(1, -1).join(', '),
    outlet: parts[parts.length - 1],
  }
}

/**
 * Parses the text of one endnote (without its "[iv]" label) into footnote fields:
 * `Author, “Title”, Outlet, https://…, (Access Date: dd.mm.yyyy). Optional trailing note.`
 * Without a URL or a quoted title it is an explanatory note and the whole text becomes `note`.
 */
export function parseCitationLine(text: string): CitationLineResult {
  const full = squash(text)
  const issues: CitationIssue[] = []
  if (!full) return { citation: {}, issues }

  const urlMatch = FIRST_URL.exec(full)
  const quote = findTitle(full)
  if (!urlMatch && !quote) return { citation: { note: full }, issues }

  // Split off the access date; whatever follows it is a trailing note.
  let beforeDate = full
  let afterDate = ''
  let accessedAt: string | undefined
  const date = ACCESS_DATE.exec(full)
  if (date) {
    beforeDate = full.slice(0, date.index)
    afterDate = full.slice(date.index + date[0].length)
    const reading = readDayMonthYear(date[1])
    if (reading.ok) accessedAt = reading.iso
    else if (reading.reason === 'impossible')
      issues.push({ kind: 'date-impossible', value: date[1], message: `has an impossible access date "${date[1]}"` })
    else
      issues.push({ kind: 'date-unreadable', value: date[1], message: `has an access date that cannot be read: "${date[1]}"` })
  }

  // The URL: only http(s) is kept, anything else is reported and dropped. It normally precedes
  // the access date; one written after it is taken from there.
  let url: string | undefined
  let main = beforeDate
  let afterUrl = ''
  const inMain = FIRST_URL.exec(beforeDate)
  const inTail = inMain ? null : FIRST_URL.exec(afterDate)
  const found = inMain ?? inTail
  if (found) {
    const raw = trimUrl(found[0])
    if (inMain) {
      main = beforeDate.slice(0, inMain.index)
      afterUrl = trimPunctuation(beforeDate.slice(inMain.index + raw.length))
    } else {
      afterDate = afterDate.slice(0, found.index) + afterDate.slice(found.index + raw.length)
    }
    if (isHttpUrl(raw)) url = raw
    else issues.push({ kind: 'url-not-http', value: raw, message: `has a URL that is not http or https: ${raw}` })
  }

  const quoteInMain = findTitle(main)
  const isSentence = !quoteInMain && main.split(',').some((part) => part.trim().split(' ').length > 10)
  let fields: Pick<ParsedCitation, 'citedAuthors' | 'title' | 'outlet'> = {}
  let note: string
  if (isSentence) {
    // Prose around a link ("For the full text … see https://…"): keep it whole, link in place.
    note = joinSentences(trimPunctuation(beforeDate), trimPunctuation(afterDate))
  } else {
    fields = quoteInMain
      ? { citedAuthors: trimPart(quoteInMain.before), title: quoteInMain.title, outlet: trimPart(quoteInMain.after) }
      : fromUnquotedParts(main)
    // Words between the URL and the date ("archived copy") are commentary, not fields.
    note = joinSentences(afterUrl, trimPunctuation(afterDate))
  }

  return {
    citation: compact({ ...fields, url, accessedAt, note: note || undefined }),
    issues,
  }
}

const endSentence = (s: string): string => (/[.!?…)]$/.test(s) ? s : `${s}.`)

const joinSentences = (...parts: string[]): string =>
  parts.filter(Boolean).map(endSentence).join(' ')
