import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { notifyPostsChanged } from '../../../hooks/notifyPostsChanged'

export const revalidatePostHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    // A draft save of a never-published post changes nothing public.
    if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
    await notifyPostsChanged(options, req, { operation, posts: [doc, previousDoc] })
    return doc
  }

export const revalidateDeletedPostHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await notifyPostsChanged(options, req, { operation: 'delete', posts: [doc] })
    return doc
  }
