import { isRoman } from '../endnote/roman'
import { appendSegments, scanMarkers } from './inlineMarkers'
import { bulletText, categoryText, isNotesHeading, isSeparator, noteLine, toLines } from './lines'
import { parseCitationLine } from './parseCitationLine'
import type { InlineSegment, ParsedArticle, ParsedNote, ParseProblem } from './types'

export { parseCitationLine } from './parseCitationLine'
export type * from './types'

export const MAX_HIGHLIGHTS = 5

/**
 * Parses a plain-text article: title, optional category line, up to five key points,
 * paragraphs with `[i]` markers, then the endnote list. Never throws on bad content; every
 * inconsistency is reported in `problems` with its line number.
 */
export function parseArticle(input: string): ParsedArticle {
  const lines = toLines(input)
  const problems: ParseProblem[] = []
  const report = (line: number, message: string): void => {
    problems.push({ line, message: `Line ${line}: ${message}` })
  }
  let i = 0
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i].text === '' || isSeparator(lines[i].text))) i++
  }

  // Title: the first non-empty line.
  skipBlank()
  if (i >= lines.length) {
    report(1, 'the text is empty, no title found')
    return { title: '', highlights: [], paragraphs: [], notes: [], problems }
  }
  const title = lines[i].text
  i++

  // Category: a lone short line right after the title.
  skipBlank()
  let category: string | undefined
  const candidate = lines[i] && categoryText(lines[i].text)
  const nextText = lines[i + 1]?.text ?? ''
  if (candidate && (nextText === '' || bulletText(nextText) !== undefined)) {
    category = candidate
    i++
  }

  // Key points: consecutive bullet lines; an unbulleted line right under one continues it.
  skipBlank()
  const highlights: string[] = []
  let continuing: 'kept' | 'dropped' | null = null
  for (; i < lines.length; i++) {
    const { text, line } = lines[i]
    const bullet = isSeparator(text) ? undefined : bulletText(text)
    if (bullet !== undefined) {
      continuing = highlights.length < MAX_HIGHLIGHTS ? 'kept' : 'dropped'
      if (continuing === 'kept') highlights.push(bullet)
      else report(line, `more than ${MAX_HIGHLIGHTS} key points; "${bullet}" is left out`)
    } else if (text === '') {
      continuing = null
    } else if (continuing && !isNotesHeading(text) && !noteLine(text)) {
      // A wrapped key point; the tail of a dropped one is dropped with it.
      if (continuing === 'kept') highlights[highlights.length - 1] += ` ${text}`
    } else {
      break
    }
  }

  // Body: paragraphs until the notes heading or the first block opening with "[i] …".
  const paragraphs: InlineSegment[][] = []
  const refs = new Map<string, number>() // label → line of first reference
  let current: InlineSegment[] | null = null
  let atBlockStart = true
  for (; i < lines.length; i++) {
    const { text, line } = lines[i]
    // Without a heading, a block opening with "[i] …" after some body text starts the list.
    if (isNotesHeading(text) || (atBlockStart && paragraphs.length > 0 && noteLine(text))) break
    if (text === '' || isSeparator(text)) {
      current = null
      atBlockStart = true
      continue
    }
    atBlockStart = false
    const scan = scanMarkers(text)
    for (const bad of scan.malformed) report(line, `[${bad}] is not a valid roman numeral, so it is not read as a reference`)
    for (const segment of scan.segments) {
      if (segment.type === 'ref' && !refs.has(segment.label)) refs.set(segment.label, line)
    }
    if (current === null) {
      current = []
      paragraphs.push(current)
    } else {
      appendSegments(current, [{ type: 'text', text: ' ' }])
    }
    appendSegments(current, scan.segments)
  }

  // Notes: "[label] text", wrapped lines continue the note above them.
  const notes: ParsedNote[] = []
  const noteText = new Map<ParsedNote, string>()
  const noteLineOf = new Map<string, number>()
  let open: ParsedNote | undefined
  for (; i < lines.length; i++) {
    const { text, line } = lines[i]
    if (text === '' || isSeparator(text)) {
      open = undefined
      continue
    }
    if (isNotesHeading(text)) continue
    const labelled = noteLine(text)
    if (labelled) {
      open = undefined
      if (!isRoman(labelled.label)) {
        report(line, `note label [${labelled.label}] is not a valid roman numeral`)
        continue
      }
      const first = noteLineOf.get(labelled.label)
      if (first !== undefined) {
        report(line, `duplicate note label [${labelled.label}] (already used on line ${first}); this note is ignored`)
        continue
      }
      noteLineOf.set(labelled.label, line)
      open = { label: labelled.label, line, citation: {} }
      notes.push(open)
      noteText.set(open, labelled.rest)
    } else if (open) {
      noteText.set(open, `${noteText.get(open) ?? ''} ${text}`)
    } else {
      report(line, 'text in the endnote list does not start with a note label such as [i]; it is ignored')
    }
  }

  for (const note of notes) {
    const { citation, issues } = parseCitationLine(noteText.get(note) ?? '')
    note.citation = citation
    if (Object.keys(citation).length === 0) report(note.line, `note [${note.label}] is empty`)
    for (const issue of issues) report(note.line, `note [${note.label}] ${issue.message}`)
    if (!refs.has(note.label)) report(note.line, `note [${note.label}] is never referenced in the text`)
  }
  for (const [label, line] of refs) {
    if (!noteLineOf.has(label)) report(line, `reference [${label}] has no note in the endnote list`)
  }

  problems.sort((a, b) => a.line - b.line)
  return {
    title,
    ...(category !== undefined && { category }),
    highlights,
    paragraphs: paragraphs.map(dropEmptyText),
    notes,
    problems,
  }
}

// Lines arrive trimmed and squashed, so only empty runs (e.g. between two markers) remain to drop.
function dropEmptyText(segments: InlineSegment[]): InlineSegment[] {
  return segments.filter((s) => s.type !== 'text' || s.text !== '')
}
