import type { PayloadRequest, Where } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'
import type { PostLike } from './types'

import { relationId } from '../utilities/relationId'

const SELECT = {
  _status: true,
  language: true,
  slug: true,
  sourceUpdatedAt: true,
  title: true,
  translatedFrom: true,
  translationGroup: true,
  translationStatus: true,
  updatedAt: true,
} as const

/**
 * The posts of a translation group, each as its latest version (draft or published) — what
 * editors see. Posts whose published row and latest draft disagree about the group are found
 * through either.
 */
export async function groupMembers(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  group: ID,
  extra?: Where,
): Promise<PostLike[]> {
  const where: Where = extra ? { and: [{ translationGroup: { equals: group } }, extra] } : { translationGroup: { equals: group } }
  const common = {
    collection: options.slugs.posts as 'posts',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: SELECT,
    where,
  } as const
  const [latest, current] = await Promise.all([
    req.payload.find({ ...common, draft: true }),
    req.payload.find({ ...common, draft: false }),
  ])
  const byId = new Map<string, PostLike>()
  for (const doc of [...current.docs, ...latest.docs] as PostLike[]) byId.set(String(doc.id), doc)
  return [...byId.values()]
}

/** Another post than `exceptId` holding `language` in `group`, if any. */
export async function languageHolder(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  group: ID,
  language: string,
  exceptId?: ID,
): Promise<PostLike | undefined> {
  const members = await groupMembers(req, options, group, { language: { equals: language } })
  return members.find(
    (member) =>
      member.language === language &&
      relationId(member.translationGroup) !== undefined &&
      String(relationId(member.translationGroup)) === String(group) &&
      (exceptId === undefined || String(member.id) !== String(exceptId)),
  )
}

/** One post as its latest version (draft or published), or undefined. */
export async function loadPost(req: PayloadRequest, options: ResolvedPolicyPostsOptions, id: ID): Promise<PostLike | undefined> {
  const doc = await req.payload.findByID({
    collection: options.slugs.posts as 'posts',
    depth: 0,
    disableErrors: true,
    draft: true,
    id,
    overrideAccess: true,
    req,
  })
  return (doc ?? undefined) as PostLike | undefined
}
