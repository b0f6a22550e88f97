import type { CollectionBeforeChangeHook } from 'payload'

import { uniqueSlug } from '../utilities/uniqueSlug'

/** Fills `slug` from another field and keeps it unique across the collection. */
export const assignSlugHook =
  ({ from, scopeLabel }: { from: string; scopeLabel: string }): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (originalDoc?.slug && (data.slug === undefined || data.slug === originalDoc.slug)) return data
    const source = data[from] ?? originalDoc?.[from]
    const slug = await uniqueSlug({
      collection: collection.slug,
      id: originalDoc?.id,
      req,
      requested: data.slug || originalDoc?.slug,
      scopeLabel,
      source: typeof source === 'string' ? source : undefined,
    })
    if (slug) data.slug = slug
    return data
  }
