import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { findPublishedPosts } from './findPublishedPosts'
import { groupMembers } from './members'
import { writePostMeta } from './writePostMeta'

/** The label a group should show: its default-language version's title, else its first version's. */
function groupLabelFor(options: ResolvedPolicyPostsOptions, members: PostLike[]): null | string {
  const order = options.languages.map((language) => language.code)
  const rank = (post: PostLike) => {
    const index = order.indexOf(post.language ?? '')
    return index === -1 ? order.length : index
  }
  const first = [...members].sort((a, b) => rank(a) - rank(b) || String(a.id).localeCompare(String(b.id)))[0]
  return first?.title ?? null
}

/**
 * Keeps the group's `label` in step with its published default-language title (else another
 * published version's). A group without a published version has no label, and anonymous
 * readers cannot read it (see `publishedGroupsOrStaff`).
 */
export async function refreshGroupLabel(req: PayloadRequest, options: ResolvedPolicyPostsOptions, group: ID): Promise<void> {
  // Published rows only, so a draft title (a new post's, or a pending draft over a published
  // one) never becomes the label.
  const published = await findPublishedPosts(req, options, { translationGroup: { equals: group } }, { language: true, title: true })
  const label = groupLabelFor(options, published)
  const current = await req.payload.findByID({
    collection: options.slugs.translations as 'translations',
    depth: 0,
    disableErrors: true,
    id: group,
    overrideAccess: true,
    req,
    select: { label: true },
  })
  if (!current || (current.label ?? null) === label) return
  await req.payload.update({
    collection: options.slugs.translations as 'translations',
    data: { label },
    depth: 0,
    id: group,
    overrideAccess: true,
    req,
  })
}

/** Deletes a group no post belongs to any more; otherwise refreshes its label. */
export async function deleteGroupIfEmpty(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  group: ID,
): Promise<boolean> {
  const members = await groupMembers(req, options, group)
  if (members.length > 0) {
    await refreshGroupLabel(req, options, group)
    return false
  }
  try {
    await req.payload.delete({ collection: options.slugs.translations as 'translations', id: group, overrideAccess: true, req })
  } catch (error) {
    // A concurrent request may already have removed it.
    if (error instanceof NotFound) return false
    throw error
  }
  return true
}

/**
 * The source's group, creating it when the source has none. Two requests creating a group
 * for the same source at once both create one, but only the first claims the source (an
 * atomic "set where still empty"); the second drops its own and joins the winner's.
 */
export async function ensureGroup(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  source: PostLike,
): Promise<ID> {
  const existing = relationId(source.translationGroup)
  if (existing !== undefined) return existing
  const postsSlug = options.slugs.posts as 'posts'
  const created = await req.payload.create({
    collection: options.slugs.translations as 'translations',
    data: {},
    depth: 0,
    overrideAccess: true,
    req,
  })
  const claimed = await req.payload.db.updateOne({
    collection: postsSlug,
    data: { translationGroup: created.id, updatedAt: null },
    options: { atomic: true },
    req,
    where: { and: [{ id: { equals: source.id } }, { translationGroup: { exists: false } }] },
  })
  if (claimed) {
    await writePostMeta(req, options, source.id, { translationGroup: created.id })
    await refreshGroupLabel(req, options, created.id)
    return created.id
  }
  await req.payload.delete({ collection: options.slugs.translations as 'translations', id: created.id, overrideAccess: true, req })
  const row = (await req.payload.db.findOne({
    collection: postsSlug,
    req,
    where: { id: { equals: source.id } },
  })) as null | PostLike
  const winner = relationId(row?.translationGroup)
  if (winner === undefined) throw new Error(`[policy-posts] post ${source.id} has no translation group after linking`)
  await writePostMeta(req, options, source.id, { translationGroup: winner })
  return winner
}
