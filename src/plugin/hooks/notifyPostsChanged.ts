import type { PayloadRequest } from 'payload'

import type { ContentChangeEvent, ResolvedPolicyPostsOptions } from '../options'

import { relationId } from '../utilities/relationId'
import { notifyContentChange } from './notifyContentChange'

type ID = number | string

interface PostRef {
  id: ID
  language?: null | string
  slug?: null | string
  translationGroup?: unknown
}

/**
 * Tells the site about changed posts: every page that can show them is named — their own,
 * every version in their translation groups (the language switch lists the others), the
 * language's listing and feed, the sitemap — with the matching cache tags.
 */
export async function notifyPostsChanged(
  options: ResolvedPolicyPostsOptions,
  req: PayloadRequest,
  {
    groups: extraGroups = [],
    operation,
    posts,
  }: { groups?: (ID | undefined)[]; operation: ContentChangeEvent['operation']; posts: (null | PostRef | undefined)[] },
): Promise<void> {
  // Looking up group members costs a query: skip it where nothing listens (seed, tests, CLI).
  if (!options.enabled || !options.onContentChange || req.context?.disableRevalidate) return
  const paths: string[] = ['/sitemap.xml']
  const tags: string[] = ['posts']
  const groups = new Set<ID>(extraGroups.filter((group): group is ID => group !== undefined))
  const addPage = (post: PostRef) => {
    tags.push(`post:${post.id}`)
    if (post.language && post.slug) paths.push(options.postPath({ language: post.language, slug: post.slug }))
  }
  for (const post of posts) {
    if (!post) continue
    addPage(post)
    if (post.language) paths.push(`/${post.language}`, `/${post.language}/feed.xml`)
    const group = relationId(post.translationGroup)
    if (group !== undefined) groups.add(group)
  }
  if (groups.size > 0) {
    const members = await req.payload.find({
      collection: options.slugs.posts as 'posts',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { language: true, slug: true },
      where: { translationGroup: { in: [...groups] } },
    })
    for (const member of members.docs as PostRef[]) addPage(member)
    for (const group of groups) tags.push(`group:${group}`)
  }
  await notifyContentChange(options, { collection: options.slugs.posts, operation, paths, tags }, req)
}
