import type { ArrayField, FieldHook } from 'payload'

import { collectEndnoteIds, numberEndnotes } from '../endnote/numberEndnotes'
import { fieldError } from '../utilities/fieldError'
import { addEndnoteCitations } from './endnoteCitations'

export interface EndnotesFieldArgs {
  /** Name of the sibling rich-text field the endnote references live in. @default 'content' */
  richTextField?: string
  /** Collection holding citation records. @default 'footnotes' */
  footnotesSlug?: string
  /** Refuse to save a body citing more distinct notes than this. @default 500 */
  maxEndnotes?: number
  /** Field name. @default 'endnotes' */
  name?: string
  /** Language of citations when the document has no `language` field. @default 'en' */
  defaultLanguage?: string
}

/**
 * The endnote field type: a read-only list `[{ number, label, footnote, citation }]` derived on
 * every save from the endnote references in the rich text, so API clients never walk Lexical
 * JSON; `citation` (`{ text, html }`, in the document's language) is formatted when read.
 */
export function endnotesField(args: EndnotesFieldArgs = {}): ArrayField {
  const richTextField = args.richTextField ?? 'content'
  const footnotesSlug = args.footnotesSlug ?? 'footnotes'
  const maxEndnotes = args.maxEndnotes ?? 500

  const deriveEndnotes: FieldHook = async ({ collection, originalDoc, req, siblingData }) => {
    const body =
      richTextField in siblingData ? siblingData[richTextField] : originalDoc?.[richTextField]
    const cited = collectEndnoteIds(body)
    const collectionSlug = collection?.slug ?? 'posts'
    const distinct = new Set(cited.map(String)).size
    if (distinct > maxEndnotes) {
      throw fieldError(
        collectionSlug,
        richTextField,
        `The body cites ${distinct} different endnotes; at most ${maxEndnotes} are allowed.`,
        req,
      )
    }
    const numbered = numberEndnotes(cited)
    if (numbered.length > 0) {
      const ids = numbered.map((note) => note.footnote)
      const found = await req.payload.find({
        collection: footnotesSlug as 'footnotes',
        depth: 0,
        limit: ids.length,
        overrideAccess: true,
        pagination: false,
        req,
        select: {},
        where: { id: { in: ids } },
      })
      const existing = new Set(found.docs.map((doc) => String(doc.id)))
      const missing = ids.filter((id) => !existing.has(String(id)))
      if (missing.length > 0) {
        throw fieldError(
          collectionSlug,
          richTextField,
          `The body cites endnote record${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in "${footnotesSlug}", which do${missing.length > 1 ? '' : 'es'} not exist.`,
          req,
        )
      }
    }
    // `citation` is virtual (computed when read): never stored.
    return numbered.map(({ footnote, label, number }) => ({ footnote, label, number }))
  }

  return {
    name: args.name ?? 'endnotes',
    type: 'array',
    admin: {
      components: {
        // One numbered line per note instead of three read-only inputs per row.
        Field: { clientProps: { footnotesSlug }, path: 'payload-policy-posts/client#EndnotesListField' },
      },
      description: 'Derived from the endnote references in the body on every save.',
      readOnly: true,
    },
    fields: [
      { name: 'number', type: 'number', required: true },
      { name: 'label', type: 'text', required: true },
      { name: 'footnote', type: 'relationship', relationTo: footnotesSlug as 'footnotes', required: true },
      {
        name: 'citation',
        type: 'json',
        admin: { description: 'The formatted citation: { text, html } (computed when read).', hidden: true },
        virtual: true,
      },
    ],
    hooks: { afterRead: [addEndnoteCitations(footnotesSlug, args.defaultLanguage ?? 'en')], beforeChange: [deriveEndnotes] },
    interfaceName: 'DerivedEndnotes',
  }
}
