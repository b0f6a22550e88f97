import type { Payload, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { fieldError } from '../utilities/fieldError'
import { relationId } from '../utilities/relationId'
import { assertCanEdit } from './errors'
import { loadPost } from './members'
import { requestFor } from './requestFor'
import { computeTranslationStatus } from './status'
import { inTransaction } from './transaction'
import { writePostMeta } from './writePostMeta'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

export interface MarkUpToDateArgs {
  post: ID | PostLike
  req?: PayloadRequest
  /** Check that `req.user` may edit the post's language. @default true (Local API) */
  overrideAccess?: boolean
}

/**
 * The translator has brought a translation in line with its source: records the source's
 * current version (`sourceUpdatedAt` = the source's `updatedAt`) and clears "outdated".
 */
export async function markTranslationUpToDate(payload: Payload, args: MarkUpToDateArgs): Promise<PostLike> {
  const options = getPolicyPostsOptions(payload)
  const req = await requestFor(payload, args.req)
  const id = typeof args.post === 'object' ? args.post.id : args.post
  await inTransaction(req, options, async () => {
    const post = await loadPost(req, options, id)
    if (!post) throw new NotFound(req.t)
    if (args.overrideAccess === false) assertCanEdit(req, options, post.language)
    const sourceId = relationId(post.translatedFrom)
    const source = sourceId === undefined ? undefined : await loadPost(req, options, sourceId)
    if (!source) {
      throw fieldError(options.slugs.posts, 'translatedFrom', 'This post is not a translation of another version.', req)
    }
    const sourceUpdatedAt = source.updatedAt ?? new Date().toISOString()
    const translationStatus = await computeTranslationStatus(req, options, { sourceUpdatedAt, translatedFrom: source.id })
    await writePostMeta(req, options, post.id, { sourceUpdatedAt, translationStatus })
  })
  return (await loadPost(req, options, id))!
}
