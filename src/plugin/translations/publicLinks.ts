import type { PayloadRequest, Where } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { canPublish } from '../access/canPublish'
import { forbidden } from './errors'
import { findPublishedPosts } from './findPublishedPosts'

/** Ids (as strings) of the posts whose published row is live, among `ids` or in `group`. */
export async function livePosts(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  scope: { group: ID } | { ids: ID[] },
): Promise<Set<string>> {
  const where: Where = 'group' in scope ? { translationGroup: { equals: scope.group } } : { id: { in: scope.ids } }
  return new Set((await findPublishedPosts(req, options, where, {})).map((doc) => String(doc.id)))
}

/**
 * Whether moving `post` from group `from` to group `to` changes what readers see: a published
 * version leaving or joining a group that holds another published version (the pages' "also
 * available in" links and hreflang alternates change at once).
 */
export async function changesPublicLinks(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  post: ID,
  from: ID | undefined,
  to: ID | undefined,
): Promise<boolean> {
  if (!(await livePosts(req, options, { ids: [post] })).has(String(post))) return false
  for (const group of [from, to]) {
    if (group === undefined) continue
    const live = await livePosts(req, options, { group })
    live.delete(String(post))
    if (live.size > 0) return true
  }
  return false
}

export const PUBLIC_LINKS_MESSAGE =
  'Only editors can change the links between published versions: readers would see the change at once. Ask an editor.'

/**
 * Translators work on drafts: refuses them (403) a link or unlink that readers would see.
 * Editors and admins may always.
 */
export async function assertMayChangePublicLinks(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  post: ID,
  from: ID | undefined,
  to: ID | undefined,
): Promise<void> {
  if (canPublish(req.user)) return
  if (await changesPublicLinks(req, options, post, from, to)) throw forbidden(PUBLIC_LINKS_MESSAGE)
}
