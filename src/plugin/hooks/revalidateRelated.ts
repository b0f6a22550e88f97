import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { notifyContentChange } from './notifyContentChange'

/** Records the posts pages embed: authors (boxes, bylines), categories, footnotes, media. */
export type RelatedKind = 'authors' | 'categories' | 'footnotes' | 'media'

interface RelatedDoc {
  id: number | string
  slug?: null | string
}

// Listing pages of the record itself; the post pages that embed it are purged by its tag.
function pathsOf(options: ResolvedPolicyPostsOptions, kind: RelatedKind, docs: (null | RelatedDoc | undefined)[]): string[] {
  if (kind !== 'authors' && kind !== 'categories') return []
  const paths: string[] = []
  for (const doc of docs) {
    if (!doc?.slug) continue
    for (const { code } of options.languages) paths.push(`/${code}/${kind}/${doc.slug}`)
  }
  return paths
}

async function notify(
  options: ResolvedPolicyPostsOptions,
  kind: RelatedKind,
  operation: 'create' | 'delete' | 'update',
  collection: string,
  docs: (null | RelatedDoc | undefined)[],
  req: PayloadRequest,
): Promise<void> {
  const tags = [kind, ...docs.filter((doc): doc is RelatedDoc => !!doc).map((doc) => `${kind}:${doc.id}`)]
  await notifyContentChange(options, { collection, operation, paths: pathsOf(options, kind, docs), tags }, req)
}

/**
 * Tells the front end that an author, category, footnote or media record changed: tags
 * `authors` (etc.) and `authors:<id>`, plus that record's own pages. A new record is on no
 * page yet, so creation is skipped.
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
