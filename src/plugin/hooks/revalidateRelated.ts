import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ChangedRecord, ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { notifyContentChange } from './notifyContentChange'

/** Records the posts pages embed: authors (boxes, bylines), categories, footnotes, media. */
export type RelatedKind = 'authors' | 'categories' | 'footnotes' | 'media'

interface RelatedDoc {
  id: ID
  slug?: null | string
}

async function notify(
  options: ResolvedPolicyPostsOptions,
  kind: RelatedKind,
  operation: 'create' | 'delete' | 'update',
  collection: string,
  docs: (null | RelatedDoc | undefined)[],
  req: PayloadRequest,
): Promise<void> {
  const records: ChangedRecord[] = docs
    .filter((doc): doc is RelatedDoc => !!doc)
    .map((doc) => ({ id: doc.id, slug: doc.slug ?? null }))
  await notifyContentChange(options, { collection, [kind]: records, operation }, req)
}

/**
 * Tells the host that an author, category, footnote or media record changed (as it is now and
 * as it was, so a changed slug names both). A new record is on no page yet, so creation is skipped.
 */
export const revalidateRelatedHook =
  (options: ResolvedPolicyPostsOptions, kind: RelatedKind): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    if (operation === 'create') return doc
    await notify(options, kind, operation, collection.slug, [doc, previousDoc], req)
    return doc
  }

export const revalidateDeletedRelatedHook =
  (options: ResolvedPolicyPostsOptions, kind: RelatedKind): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await notify(options, kind, 'delete', collection.slug, [doc], req)
    return doc
  }
