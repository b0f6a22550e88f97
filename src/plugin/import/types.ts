/** What the importer extracts from one note line; mirrors the `footnotes` collection. */
export type ParsedCitation = {
  citedAuthors?: string
  title?: string
  outlet?: string
  url?: string
  /** YYYY-MM-DD */
  accessedAt?: string
  note?: string
}

export type InlineSegment = { type: 'text'; text: string } | { type: 'ref'; label: string }

export type ParsedNote = {
  /** Lowercase roman label as written in the list, e.g. 'iv'. */
  label: string
  /** 1-based line of the note's label in the source text. */
  line: number
  citation: ParsedCitation
}

export type ParseProblem = {
  /** 1-based line the problem refers to. */
  line: number
  /** Self-contained message starting with "Line N:". */
  message: string
}

export type ParsedArticle = {
  title: string
  category?: string
  highlights: string[]
  paragraphs: InlineSegment[][]
  notes: ParsedNote[]
  problems: ParseProblem[]
}
