// Shapes shared by the XLIFF writer, reader, the Lexical conversion and the alignment.

export type ID = number | string

/** Inline content of a segment: text, paired codes (formatting, links) and placeholders (endnotes, breaks). */
export type Inline =
  | { children: Inline[]; id: string; kind: 'pc' }
  | { id: string; kind: 'ph' }
  | { kind: 'text'; text: string }

/** What a code stands for in the Lexical JSON; kept server-side, never trusted from a file. */
export type CodeDefinition =
  /** One text-format bit (bold, italic, …) of Lexical's `format` bitmask. */
  | { bit: number; kind: 'format' }
  /** A link element, without its children. */
  | { kind: 'link'; node: Record<string, unknown> }
  /** An endnote reference: its footnote record and its number in the body (1 = i). */
  | { footnote: ID; kind: 'endnote'; number: number }
  /** Any other inline node (line break, tab, inline block), kept as it is. */
  | { kind: 'node'; node: Record<string, unknown> }

/** One translatable piece of a post. */
export interface Unit {
  /** `title`, `highlight-1`, `meta-description`, `body-3`, `note-<footnote id>`. */
  id: string
  /** Short context for the translator ("Title", "Paragraph", "Heading h2", …). */
  context: string
  source: Inline[]
  codes: Record<string, CodeDefinition>
  /** Endnote numbers the unit cites (body units), or the note's own number (note units): alignment anchors. */
  endnotes: number[]
}

/** A unit as exported: its target when the translation already has one, and whether the source changed. */
export interface ExportUnit extends Unit {
  target?: Inline[]
  /** The source changed since the translation was made: the target needs review. */
  changed?: boolean
  /** The source's text in the version the translation was made from, when it differs. */
  previousSource?: string
}

export type XliffVersion = '1.2' | '2.1'

/** The document-level facts a file carries. */
export interface XliffHeader {
  version: XliffVersion
  sourceLanguage: string
  targetLanguage: string
  /** `posts/<id>`: the post the file was exported from. */
  original: string
  /** The `<file>` id (2.x): `<posts slug>-<id>`, for tools that drop `original`. */
  fileId?: string
  /** `updatedAt` of the source version exported. */
  sourceVersion?: string
}

export interface XliffDocument extends XliffHeader {
  units: ExportUnit[]
}

/** A unit as read from a file: its id, source and target (undefined when there is none). */
export interface ReadUnit {
  id: string
  source: Inline[]
  target?: Inline[]
}

export interface ReadDocument extends XliffHeader {
  units: ReadUnit[]
}

/** A refusal that names the unit (or the document part) at fault. */
export class XliffError extends Error {
  constructor(
    message: string,
    readonly unit?: string,
    /** false when `unit` names a request parameter rather than a unit of the file. */
    namesUnit = true,
  ) {
    super(unit && namesUnit ? `Unit "${unit}": ${message}` : message)
    this.name = 'XliffError'
  }
}
