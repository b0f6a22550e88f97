import type { FieldHook } from 'payload'

import type { CitationInput } from '../endnote/formatCitation'

import { citationParts } from '../endnote/formatCitation'

/** An endnote's citation in the house style of the post's language. */
export interface FormattedCitation {
  /** Plain text, as the site prints it. */
  text: string
  /** The same with HTML escaped and each URL marked as a link: `<a href="…">…</a>`. */
  html: string
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&${{ '"': 'quot', '&': 'amp', "'": '#39', '<': 'lt', '>': 'gt' }[c]};`)

export function formatEndnoteCitation(record: CitationInput, lang: string): FormattedCitation {
  const parts = citationParts(record, lang)
  return {
    html: parts.map((part) => (part.kind === 'url' ? `<a href="${escapeHtml(part.text)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text))).join(''),
    text: parts.map((part) => part.text).join(''),
  }
}

type Row = { citation?: FormattedCitation | null; footnote?: unknown } & Record<string, unknown>

/**
 * afterRead of the endnotes array: each row gets `citation`, formatted from its footnote record
 * in the document's language, so headless clients need not re-implement the house style.
 * Records not populated (depth 0) are read in one query.
 */
export const addEndnoteCitations =
  (footnotesSlug: string, defaultLanguage: string): FieldHook =>
  async ({ req, siblingData, value }) => {
    if (!Array.isArray(value) || value.length === 0) return value
    const lang = typeof siblingData?.language === 'string' ? siblingData.language : defaultLanguage
    const rows = value as Row[]
    const records = new Map<string, CitationInput>()
    const missing: (number | string)[] = []
    for (const row of rows) {
      const footnote = row.footnote
      if (footnote && typeof footnote === 'object' && 'id' in footnote) records.set(String((footnote as { id: unknown }).id), footnote as CitationInput)
      else if (typeof footnote === 'number' || typeof footnote === 'string') missing.push(footnote)
    }
    if (missing.length > 0) {
      const found = await req.payload.find({
        collection: footnotesSlug as 'footnotes',
        depth: 0,
        limit: missing.length,
        overrideAccess: true,
        pagination: false,
        req,
        select: { accessedAt: true, citedAuthors: true, note: true, outlet: true, publishedAt: true, title: true, url: true },
        where: { id: { in: missing } },
      })
      for (const doc of found.docs) records.set(String(doc.id), doc as CitationInput)
    }
    return rows.map((row) => {
      const id = row.footnote && typeof row.footnote === 'object' ? (row.footnote as { id: unknown }).id : row.footnote
      const record = records.get(String(id))
      return { ...row, citation: record ? formatEndnoteCitation(record, lang) : null }
    })
  }
