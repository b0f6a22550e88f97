import type { Endpoint } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { findSimilarPosts } from '../../../search/findSimilarPosts'
import { idParam, intParam, notFound } from './params'

/**
 * `GET /api/posts/:id/similar?limit=3&depth=0` → `{ docs }`: the post's similar posts. The post
 * itself must be readable by the caller (anonymous: published only), else 404.
 */
export const similarPostsEndpoint = (options: ResolvedPolicyPostsOptions): Endpoint => ({
  handler: async (req) => {
    const collection = options.slugs.posts
    const id = idParam(req, collection)
    if (id === undefined) return notFound(req)
    const post = await req.payload.findByID({
      collection: collection as 'posts',
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: false,
      req,
      select: {},
    })
    if (!post) return notFound(req)
    const docs = await findSimilarPosts(req.payload, post.id, {
      depth: intParam(req, 'depth', 0, 0, 2),
      limit: intParam(req, 'limit', 3, 1, 20),
      overrideAccess: false,
      req,
    })
    return Response.json({ docs })
  },
  method: 'get',
  path: '/:id/similar',
})
