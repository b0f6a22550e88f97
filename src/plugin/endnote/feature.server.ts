import type { NodeValidation } from '@payloadcms/richtext-lexical'
import type { CollectionSlug } from 'payload'

import { createNode, createServerFeature } from '@payloadcms/richtext-lexical'

import type { SerializedEndnoteNode } from './nodes/EndnoteServerNode.js'

import { endnoteFeatureI18n } from './components/i18n.js'
import { EndnoteServerNode, normalizeFootnoteID } from './nodes/EndnoteServerNode.js'
import { collectEndnoteIds } from './numberEndnotes.js'

export type EndnoteFeatureProps = {
  /**
   * Slug of the collection holding the citation records an endnote points to.
   * @default 'footnotes'
   */
  footnotesSlug?: string
}

/** Props the server feature hands to `EndnoteFeatureClient`. */
export type EndnoteFeatureClientProps = {
  footnotesSlug: string
}

/**
 * One lookup per validated editor state: every endnote node of a document shares the same
 * `validation.value`, so the ids are checked with a single query, not one per reference.
 */
const existingFootnotes = new WeakMap<object, Promise<Set<string>>>()

function endnoteValidation(footnotesSlug: string): NodeValidation<SerializedEndnoteNode> {
  // The slug is configurable, so it is not one of the generated CollectionSlug literals.
  const collection = footnotesSlug as CollectionSlug
  return async ({ node, validation: { options, value } }) => {
    const { req } = options
    const id = normalizeFootnoteID(node.footnote)
    if (id === null) {
      return `Endnote: "footnote" must be the id of a ${footnotesSlug} record, received ${JSON.stringify(node.footnote)}`
    }
    if (!req?.payload?.collections?.[collection]) {
      return `Endnote: the "${footnotesSlug}" collection does not exist`
    }
    let lookup = value && typeof value === 'object' ? existingFootnotes.get(value) : undefined
    if (!lookup) {
      const ids = [...new Set(collectEndnoteIds(value).map(String))]
      lookup = req.payload
        .find({
          collection,
          depth: 0,
          limit: ids.length,
          overrideAccess: true,
          pagination: false,
          req,
          select: {},
          where: { id: { in: ids } },
        })
        .then((res) => new Set(res.docs.map((doc) => String(doc.id))))
      if (value && typeof value === 'object') existingFootnotes.set(value, lookup)
    }
    const found = await lookup
    return found.has(String(id))
      ? true
      : `Endnote: cites ${footnotesSlug} record ${String(id)}, which does not exist (deleted?) — pick another citation or remove the reference`
  }
}

/**
 * Lexical feature for inline endnote references in a post body. Serialized node:
 * `{ type: 'endnote', version: 1, footnote: <footnotes id> }`. In the editor each reference shows
 * its live number (`[iv]`, by first appearance); the site renders them with its own converter.
 *
 * @example lexicalEditor({ features: ({ defaultFeatures }) => [...defaultFeatures, EndnoteFeature({ footnotesSlug: 'footnotes' })] })
 */
export const EndnoteFeature = createServerFeature<
  EndnoteFeatureProps | undefined,
  Required<EndnoteFeatureProps>,
  EndnoteFeatureClientProps
>({
  feature: ({ props }) => {
    const footnotesSlug = props?.footnotesSlug || 'footnotes'
    return {
      ClientFeature: 'payload-policy-posts/client#EndnoteFeatureClient',
      clientFeatureProps: { footnotesSlug },
      i18n: endnoteFeatureI18n,
      nodes: [
        createNode({
          node: EndnoteServerNode,
          validations: [endnoteValidation(footnotesSlug)],
        }),
      ],
      sanitizedServerFeatureProps: { footnotesSlug },
    }
  },
  key: 'endnote',
})
