import type { ParsedCitation, ParseProblem } from '../types'

/** Lexical text format bits. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const

export type Inline =
  | { type: 'text'; text: string; format: number }
  | { type: 'link'; url: string; children: Inline[] }
  /** A Word footnote or endnote reference; `key` is e.g. 'footnote-3' or 'endnote-1'. */
  | { type: 'note'; key: string }
  /** A typed `[iv]` marker pointing into a typed note list. */
  | { type: 'ref'; label: string }
  /** An image, by its 1-based index among the document's images. */
  | { type: 'image'; index: number }

export type ListItem = { inline: Inline[]; lists: ListBlock[] }
export type ListBlock = { type: 'list'; ordered: boolean; items: ListItem[] }

export type Block =
  | { type: 'heading'; level: number; isTitle: boolean; inline: Inline[] }
  | { type: 'paragraph'; inline: Inline[] }
  | { type: 'quote'; inline: Inline[] }
  | ListBlock

export type WordNote = {
  key: string
  kind: 'endnote' | 'footnote'
  /** Word's number for the note within its kind (1-based). */
  number: number
  text: string
}

/** A .docx as the HTML gives it: the body blocks in order and Word's notes by key. */
export type DocxDocument = { blocks: Block[]; notes: Map<string, WordNote> }

export type DocxNote = {
  /** 'footnote-3', 'endnote-1', or 'typed-iv' for a note in a typed list. */
  key: string
  /** How the editor knows it: "Footnote 3", "Endnote 1", "Note [iv]". */
  name: string
  citation: ParsedCitation
}

/** An article read from a .docx, before anything is written. */
export type DocxArticle = {
  title: string
  category?: string
  highlights: string[]
  body: Block[]
  /** Notes cited in the body, in order of first reference. */
  notes: DocxNote[]
  problems: ParseProblem[]
}
