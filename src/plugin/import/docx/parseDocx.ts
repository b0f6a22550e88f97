import type { ParsedCitation, ParseProblem } from '../types'
import type { Block, DocxArticle, DocxDocument, DocxNote, Inline, ListBlock } from './types'

import { isRoman, toRoman } from '../../endnote/roman'
import { scanMarkers } from '../inlineMarkers'
import { bulletText, isNotesHeading, noteLine } from '../lines'
import { MAX_HIGHLIGHTS } from '../parseArticle'
import { parseCitationLine } from '../parseCitationLine'
import { blockText, hasContent, inlineText, squash } from './inlineText'

export type ParseDocxOptions = {
  /** Heading texts that introduce the key points, e.g. ['Highlights', 'Key points']. */
  highlightsHeadings: string[]
}

const CATEGORY_LINE = /^(?:category|kategori)\s*:\s*(.+)$/i

// Case-, accent- and dotted/dotless-i-insensitive comparison of heading texts.
export const foldText = (text: string): string =>
  squash(text)
    .replace(/[:.]$/, '')
    .toLocaleLowerCase('tr')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')

function titleIndex(blocks: Block[]): number {
  const styled = blocks.findIndex((block) => block.type === 'heading' && block.isTitle)
  if (styled >= 0) return styled
  const h1 = blocks.findIndex((block) => block.type === 'heading' && block.level === 1)
  if (h1 >= 0) return h1
  return blocks.findIndex((block) => block.type === 'paragraph' || block.type === 'heading')
}

function isTypedNoteList(blocks: Block[], start: number): boolean {
  const next = blocks[start + 1]
  if (!next) return false
  if (next.type === 'list') return true
  return noteLine(blockText(next)) !== undefined
}

/** Splits text runs at typed `[iv]` markers; "[iv]These" keeps "These" whole after the marker. */
function withTypedMarkers(inline: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const item of inline) {
    if (item.type === 'text') {
      for (const segment of scanMarkers(item.text).segments) {
        out.push(segment.type === 'text' ? { format: item.format, text: segment.text, type: 'text' } : { label: segment.label, type: 'ref' })
      }
    } else if (item.type === 'link') out.push({ ...item, children: withTypedMarkers(item.children) })
    else out.push(item)
  }
  return out
}

function mapInline(block: Block, map: (inline: Inline[]) => Inline[]): Block {
  if (block.type !== 'list') return { ...block, inline: map(block.inline) }
  const mapList = (list: ListBlock): ListBlock => ({
    ...list,
    items: list.items.map((item) => ({ inline: map(item.inline), lists: item.lists.map(mapList) })),
  })
  return mapList(block)
}

function* inlineItems(block: Block): Generator<Inline> {
  const walk = function* (inline: Inline[]): Generator<Inline> {
    for (const item of inline) {
      if (item.type === 'link') yield* walk(item.children)
      else yield item
    }
  }
  if (block.type !== 'list') yield* walk(block.inline)
  else {
    const lists = function* (list: ListBlock): Generator<Inline> {
      for (const item of list.items) {
        yield* walk(item.inline)
        for (const sub of item.lists) yield* lists(sub)
      }
    }
    yield* lists(block)
  }
}

/**
 * Turns a .docx read by mammoth into an article: title (Title style, else the first Heading 1,
 * else the first paragraph), an optional "Category: …" line under it, key points from the list
 * under a highlights heading, the body, and the notes cited in it — Word footnotes and endnotes,
 * or a typed `[i]` note list after a "Notes"/"Son Notlar" heading — each parsed as a citation.
 * Never throws on content; problems name the paragraph or note.
 */
export function parseDocx(doc: DocxDocument, options: ParseDocxOptions): DocxArticle {
  const problems: ParseProblem[] = []
  const blocks = doc.blocks.filter(hasContent)
  const wantedHeadings = new Set(options.highlightsHeadings.map(foldText))

  const titleAt = titleIndex(blocks)
  const title = titleAt >= 0 ? blockText(blocks[titleAt]) : ''
  let category: string | undefined
  const highlights: string[] = []
  const skip = new Set<number>([titleAt])

  const afterTitle = blocks[titleAt + 1]
  const categoryMatch = afterTitle && afterTitle.type === 'paragraph' ? CATEGORY_LINE.exec(blockText(afterTitle)) : null
  if (categoryMatch) {
    category = categoryMatch[1].trim()
    skip.add(titleAt + 1)
  }

  // Key points: the list (or bulleted paragraphs) under the first highlights heading.
  const highlightsAt = blocks.findIndex(
    (block, index) => !skip.has(index) && (block.type === 'heading' || block.type === 'paragraph') && wantedHeadings.has(foldText(blockText(block))),
  )
  if (highlightsAt >= 0) {
    skip.add(highlightsAt)
    for (let index = highlightsAt + 1; index < blocks.length; index++) {
      const block = blocks[index]
      if (block.type === 'list') {
        for (const item of block.items) highlights.push(squash(inlineText(item.inline)))
      } else if (block.type === 'paragraph' && bulletText(blockText(block)) !== undefined) {
        highlights.push(bulletText(blockText(block))!)
      } else break
      skip.add(index)
    }
    if (highlights.length > MAX_HIGHLIGHTS) {
      problems.push({
        line: highlightsAt + 1,
        message: `Paragraph ${highlightsAt + 1}: ${highlights.length} key points under "${blockText(blocks[highlightsAt])}"; at most ${MAX_HIGHLIGHTS} are allowed`,
      })
    }
  }

  // A typed note list: a "Notes" heading followed by "[i] …" lines or a numbered list.
  const typedNotes = new Map<string, { line: number; text: string }>()
  const notesAt = blocks.findIndex(
    (block, index) => index > titleAt && !skip.has(index) && block.type !== 'list' && isNotesHeading(blockText(block)) && isTypedNoteList(blocks, index),
  )
  const bodyEnd = notesAt >= 0 ? notesAt : blocks.length
  if (notesAt >= 0) {
    let open: string | undefined
    // `position` is the item's place in a numbered list (its label when none is typed), 0 for a paragraph.
    const addLine = (text: string, line: number, position: number): void => {
      const labelled = noteLine(text)
      if (!labelled && position === 0) {
        if (open) typedNotes.get(open)!.text += ` ${text}`
        else problems.push({ line, message: `Paragraph ${line}: text in the note list does not start with a note label such as [i]; it is ignored` })
        return
      }
      const label = labelled?.label ?? toRoman(position)
      open = undefined
      if (!isRoman(label)) {
        problems.push({ line, message: `Paragraph ${line}: note label [${label}] is not a valid roman numeral` })
        return
      }
      if (typedNotes.has(label)) {
        problems.push({ line, message: `Paragraph ${line}: duplicate note label [${label}]; this note is ignored` })
        return
      }
      typedNotes.set(label, { line, text: labelled ? labelled.rest : text })
      open = label
    }
    for (let index = notesAt + 1; index < blocks.length; index++) {
      const block = blocks[index]
      if (block.type === 'list') block.items.forEach((item, i) => addLine(squash(inlineText(item.inline)), index + 1, i + 1))
      else addLine(blockText(block), index + 1, 0)
    }
  }

  let body = blocks.filter((_, index) => index < bodyEnd && !skip.has(index))
  if (typedNotes.size > 0) body = body.map((block) => mapInline(block, withTypedMarkers))

  // Notes in order of first reference, each parsed once.
  const notes: DocxNote[] = []
  const seen = new Set<string>()
  const lineOf = (block: Block): number => blocks.indexOf(block) + 1
  const addNote = (key: string, name: string, text: string): void => {
    const { citation, issues } = parseCitationLine(text)
    if (Object.keys(citation).length === 0) problems.push({ line: 0, message: `${name} is empty` })
    for (const issue of issues) problems.push({ line: 0, message: `${name} ${issue.message}` })
    notes.push({ citation: citation as ParsedCitation, key, name })
  }
  for (const block of body) {
    for (const item of inlineItems(block)) {
      if (item.type === 'note') {
        if (seen.has(item.key)) continue
        seen.add(item.key)
        const note = doc.notes.get(item.key)
        const name = `${item.key.startsWith('footnote') ? 'Footnote' : 'Endnote'} ${item.key.split('-')[1]}`
        if (note) addNote(item.key, name, note.text)
        else problems.push({ line: lineOf(block), message: `Paragraph ${lineOf(block)}: ${name} has no text in the document` })
      } else if (item.type === 'ref') {
        const key = `typed-${item.label}`
        if (seen.has(key)) continue
        seen.add(key)
        const note = typedNotes.get(item.label)
        if (note) addNote(key, `Note [${item.label}]`, note.text)
        else problems.push({ line: lineOf(block), message: `Paragraph ${lineOf(block)}: reference [${item.label}] has no note in the note list` })
      }
    }
  }
  for (const [label, note] of typedNotes) {
    if (!seen.has(`typed-${label}`)) problems.push({ line: note.line, message: `Paragraph ${note.line}: note [${label}] is never referenced in the text` })
  }
  if (title && body.length === 0) problems.push({ line: titleAt + 1, message: 'The document has a title but no body text' })
  if (!title) problems.push({ line: 0, message: 'The document has no text: no title could be found' })

  return { body, ...(category !== undefined && { category }), highlights, notes, problems, title }
}
