import type { NodeValidation } from '@payloadcms/richtext-lexical'

import { createNode, createServerFeature } from '@payloadcms/richtext-lexical'

import type { SerializedEndnoteNode } from './nodes/EndnoteServerNode'
import type { EndnoteFeatureClientProps } from './types'

import { EndnoteServerNode, normalizeFootnoteID } from './nodes/EndnoteServerNode'

export type EndnoteFeatureProps = {
  /**
   * Slug of the collection holding the citation records an endnote points to.
   * @default 'footnotes'
   */
  footnotesSlug?: string
}


/**
 * Structural check of every endnote node on save: `footnote` must be an id. Whether the record
 * exists is checked once per document by the `endnotes` field (see fields/endnotes.ts), so it
 * is not repeated here per node.
 */
function endnoteValidation(footnotesSlug: string): NodeValidation<SerializedEndnoteNode> {
  return ({ node }) =>
    normalizeFootnoteID(node.footnote) === null
      ? `Endnote: "footnote" must be the id of a ${footnotesSlug} record, received ${JSON.stringify(node.footnote ?? null)}`
      : true
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
