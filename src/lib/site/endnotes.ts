import type { CitationSegment } from 'payload-policy-posts'
import type { Footnote, Post } from '../../payload-types'

import { citationParts, endnoteAnchorId, endnoteRefId, footnoteIdOf, formatCitation, numberEndnotes } from 'payload-policy-posts'

/** One note of the endnotes list, ready to render. */
export interface PageEndnote {
  number: number
  label: string
  anchorId: string
  /** Ids of every place the body cites it, in order (`ref-iii-1`, `ref-iii-2`). */
  refIds: string[]
  footnote: Footnote | null
  /** The house-style citation as segments (URLs become links)… */
  citation: CitationSegment[]
  /** …and as one plain string (previews, JSON-LD). */
  citationText: string
}

/** What the body's `endnote` converter needs for one reference. */
export interface EndnoteReference {
  label: string
  occurrence: number
  refId: string
  anchorId: string
  citationText: string
}

export interface PageEndnotes {
  notes: PageEndnote[]
  /** The reference data of an `endnote` node object of the body (by identity). */
  referenceFor: (node: object) => EndnoteReference | undefined
}

type Node = { children?: unknown; footnote?: unknown; type?: unknown }

/** Every endnote node of a Lexical document, in reading order. */
function endnoteNodes(content: unknown): Node[] {
  const root = (content as { root?: unknown } | null)?.root
  const found: Node[] = []
  const stack: unknown[] = root ? [root] : []
  const seen = new WeakSet<object>()
  while (stack.length > 0) {
    const node = stack.pop() as Node | undefined
    if (!node || typeof node !== 'object' || seen.has(node)) continue
    seen.add(node)
    if (node.type === 'endnote') found.push(node)
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return found
}

const asFootnote = (value: unknown): Footnote | null =>
  value && typeof value === 'object' && 'id' in value ? (value as Footnote) : null

/**
 * Joins the post's derived `endnotes` field (numbers, labels, populated footnote records) with
 * the references in the body, counting occurrences so a note cited twice gets `ref-ii-1` and
 * `ref-ii-2` and two back links. A body whose field was never derived falls back to numbering
 * by first appearance, as the field would.
 */
export function preparePageEndnotes(post: Pick<Post, 'content' | 'endnotes'>, lang: string): PageEndnotes {
  const nodes = endnoteNodes(post.content)
  const entries =
    post.endnotes && post.endnotes.length > 0
      ? post.endnotes.map((entry) => ({ footnote: entry.footnote, label: entry.label, number: entry.number }))
      : numberEndnotes(nodes.map((node) => footnoteIdOf(node.footnote)).filter((id) => id !== undefined)).map(
          ({ footnote, label, number }) => ({ footnote: footnote as Footnote | number, label, number }),
        )

  const byFootnote = new Map<string, PageEndnote>()
  const notes: PageEndnote[] = [...entries]
    .sort((a, b) => a.number - b.number)
    .map((entry) => {
      const footnote = asFootnote(entry.footnote)
      const note: PageEndnote = {
        anchorId: endnoteAnchorId(entry.label),
        citation: footnote ? citationParts(footnote, lang) : [],
        citationText: footnote ? formatCitation(footnote, lang) : '',
        footnote,
        label: entry.label,
        number: entry.number,
        refIds: [],
      }
      const id = footnoteIdOf(entry.footnote)
      if (id !== undefined) byFootnote.set(String(id), note)
      return note
    })

  const references = new WeakMap<object, EndnoteReference>()
  for (const node of nodes) {
    const id = footnoteIdOf(node.footnote)
    const note = id !== undefined ? byFootnote.get(String(id)) : undefined
    if (!note) continue
    const occurrence = note.refIds.length + 1
    const refId = endnoteRefId(note.label, occurrence)
    note.refIds.push(refId)
    references.set(node, {
      anchorId: note.anchorId,
      citationText: note.citationText,
      label: note.label,
      occurrence,
      refId,
    })
  }
  return { notes, referenceFor: (node) => references.get(node) }
}
