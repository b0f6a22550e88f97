import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { notifyContentChange } from '../../../hooks/notifyContentChange'
import { relationId } from '../../../utilities/relationId'

interface PostLike {
  _status?: null | string
  id: number | string
  language?: null | string
  slug?: null | string
  translationGroup?: unknown
}

// Every page that can show a post: its own, its group's language switches, listings, feeds.
async function affected(
  options: ResolvedPolicyPostsOptions,
  posts: (null | PostLike | undefined)[],
  req: PayloadRequest,
) {
  const paths: string[] = ['/sitemap.xml']
  const tags: string[] = ['posts']
  const groups = new Set<number | string>()
  for (const post of posts) {
    if (!post) continue
    tags.push(`post:${post.id}`)
    if (post.language) paths.push(`/${post.language}`, `/${post.language}/feed.xml`)
    if (post.language && post.slug) paths.push(options.postPath({ language: post.language, slug: post.slug }))
    const group = relationId(post.translationGroup)
    if (group !== undefined) groups.add(group)
  }
  if (groups.size > 0) {
    const members = await req.payload.find({
      collection: options.slugs.posts as 'posts',
      depth: 0,
      limit: 100,
      overrideAccess: true,
      pagination: false,
      req,
      select: { language: true, slug: true },
      where: { translationGroup: { in: [...groups] } },
    })
    for (const member of members.docs as PostLike[]) {
      tags.push(`post:${member.id}`)
      if (member.language && member.slug) {
        paths.push(options.postPath({ language: member.language, slug: member.slug }))
      }
    }
    for (const group of groups) tags.push(`group:${group}`)
  }
  return { paths, tags }
}

export const revalidatePostHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    // A draft save of a never-published post changes nothing public.
    if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
    const { paths, tags } = await affected(options, [doc, previousDoc], req)
    await notifyContentChange(options, { collection: collection.slug, operation, paths, tags }, req)
    return doc
  }

export const revalidateDeletedPostHook =
  (options: ResolvedPolicyPostsOptions): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    const { paths, tags } = await affected(options, [doc], req)
    await notifyContentChange(options, { collection: collection.slug, operation: 'delete', paths, tags }, req)
    return doc
  }
