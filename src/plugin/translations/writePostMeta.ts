import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { TranslationStatus } from './types'
import type { ID } from '../utilities/id'

import { syncGroupLanguages } from './groupLanguages'

/** The bookkeeping fields of a post that the translation logic maintains itself. */
export interface PostMeta {
  sourceUpdatedAt?: null | string
  translatedFrom?: ID | null
  translationGroup?: ID | null
  translationStatus?: TranslationStatus
}

/**
 * Writes translation bookkeeping onto a post without creating a version, touching its
 * content, status or `updatedAt`, and without running hooks: the published row and the
 * latest version (a pending draft, if any) both get the values, so linking a published post
 * neither publishes nor discards an editor's unpublished changes. The database's unique
 * (translationGroup, language) indexes still apply: the posts table's to the published row,
 * the group-languages table's to both.
 */
export async function writePostMeta(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  id: ID,
  meta: PostMeta,
): Promise<void> {
  const collection = options.slugs.posts as 'posts'
  const { db } = req.payload
  // `updatedAt: null` tells the adapter to leave the timestamp alone.
  await db.updateOne({ collection, data: { ...meta, updatedAt: null }, id, req, returning: false })
  const latest = await db.findVersions({
    collection,
    limit: 1,
    pagination: false,
    req,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
  })
  const version = latest.docs[0]
  if (version) {
    await db.updateVersion({
      collection,
      id: version.id,
      req,
      returning: false,
      versionData: { updatedAt: null, version: meta } as never,
    })
  }
  if ('translationGroup' in meta) await syncGroupLanguages(req, options, [id])
}
