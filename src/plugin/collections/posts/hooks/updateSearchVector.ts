import type { CollectionAfterChangeHook } from 'payload'

import { updateSearchIndex } from '../../../search/searchIndex'

/**
 * Recomputes the post's full-text vector from the stored row, in the save's transaction, so
 * similar posts and search see a change as soon as it is committed (and never if it is not).
 */
export const updateSearchVectorHook: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (req.context?.skipSearchIndex) return doc
  await updateSearchIndex(req.payload, [doc.id], { req })
  return doc
}
