import type { PayloadRequest } from 'payload'

import type { ChangedPost, ChangedRecord, ContentChangeEvent, ResolvedPolicyPostsOptions } from '../options'

export type ContentChange = Pick<ContentChangeEvent, 'collection' | 'operation'> &
  Partial<Omit<ContentChangeEvent, 'collection' | 'operation' | 'req'>>

/** True when a change would reach anyone: skipped for seeding, tests and CLI runs. */
export const contentChangeWanted = (options: ResolvedPolicyPostsOptions, req: PayloadRequest): boolean =>
  options.enabled && !!options.onContentChange && !req.context?.disableRevalidate

function unique<T>(items: T[] | undefined, key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items ?? []) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}

const postKey = (post: ChangedPost) =>
  `${post.id}|${post.language}|${post.slug}|${(post.authors ?? []).map((author) => author.id).join(',')}|${post.category?.id ?? ''}`
const recordKey = (record: ChangedRecord) => `${record.id}|${record.slug}`

/**
 * Hands what changed to the host's `onContentChange` (the site revalidates its cache there).
 * A failing callback must never fail the editor's save.
 */
export async function notifyContentChange(
  options: ResolvedPolicyPostsOptions,
  change: ContentChange,
  req: PayloadRequest,
): Promise<void> {
  if (!contentChangeWanted(options, req)) return
  try {
    await options.onContentChange!({
      authors: unique(change.authors, recordKey),
      categories: unique(change.categories, recordKey),
      collection: change.collection,
      footnotes: unique(change.footnotes, recordKey),
      groups: unique(change.groups, String),
      media: unique(change.media, recordKey),
      operation: change.operation,
      posts: unique(change.posts, postKey),
      req,
    })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: '[policy-posts] onContentChange failed' })
  }
}
