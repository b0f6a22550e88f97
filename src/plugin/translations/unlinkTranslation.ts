import type { Payload, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { afterLeavingGroup } from './detach'
import { assertCanEdit } from './errors'
import { notifyPostsChanged } from '../hooks/notifyPostsChanged'
import { loadPost } from './members'
import { assertMayChangePublicLinks } from './publicLinks'
import { requestFor } from './requestFor'
import { inTransaction } from './transaction'
import { writePostMeta } from './writePostMeta'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

export interface UnlinkTranslationArgs {
  post: ID | PostLike
  req?: PayloadRequest
  /** Check that `req.user` may edit the post's language. @default true (Local API) */
  overrideAccess?: boolean
}

/**
 * Takes a post out of its translation group. The other versions stay linked to each other;
 * those that were translated from this post become originals; a group left empty is deleted.
 */
export async function unlinkTranslation(
  payload: Payload,
  args: UnlinkTranslationArgs,
): Promise<{ group?: ID; post: PostLike }> {
  const options = getPolicyPostsOptions(payload)
  const req = await requestFor(payload, args.req)
  const id = typeof args.post === 'object' ? args.post.id : args.post
  const group = await inTransaction(req, options, async () => {
    const post = await loadPost(req, options, id)
    if (!post) throw new NotFound(req.t)
    if (args.overrideAccess === false) assertCanEdit(req, options, post.language)
    const current = relationId(post.translationGroup)
    if (current === undefined) return undefined
    if (args.overrideAccess === false) await assertMayChangePublicLinks(req, options, post.id, current, undefined)
    await writePostMeta(req, options, post.id, {
      sourceUpdatedAt: null,
      translatedFrom: null,
      translationGroup: null,
      translationStatus: 'source',
    })
    await afterLeavingGroup(req, options, post.id, current)
    return current
  })
  const published = (await req.payload.findByID({
    collection: options.slugs.posts as 'posts',
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    req,
  })) as null | PostLike
  await notifyPostsChanged(options, req, { groups: [group], operation: 'update', posts: [published] })
  return { group, post: (await loadPost(req, options, id))! }
}
