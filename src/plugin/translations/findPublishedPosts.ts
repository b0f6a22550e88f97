import type { PayloadRequest, SelectType, Where } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { PostLike } from './types'

/**
 * The published rows of the posts matching `where` — what readers see: a post never published
 * is absent, and one with a pending draft counts with its published values.
 */
export async function findPublishedPosts(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  where: Where,
  select: SelectType,
): Promise<PostLike[]> {
  const result = await req.payload.find({
    collection: options.slugs.posts as 'posts',
    depth: 0,
    draft: false,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select,
    where: { and: [where, { _status: { equals: 'published' } }] },
  })
  return result.docs as PostLike[]
}
