import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID, PostLike } from './shared'

import { notifyContentChange } from '../hooks/notifyContentChange'

/**
 * Tells the site which pages show a changed group: every published version's page (its
 * language switch lists the others), the sitemap (hreflang alternates) and the group tags.
 */
export async function notifyGroupChange(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  posts: (PostLike | undefined)[],
  groups: (ID | undefined)[],
): Promise<void> {
  if (!options.onContentChange || req.context?.disableRevalidate) return
  const groupIds = groups.filter((group): group is ID => group !== undefined)
  const members = groupIds.length
    ? ((
        await req.payload.find({
          collection: options.slugs.posts as 'posts',
          depth: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: { _status: true, language: true, slug: true },
          where: { translationGroup: { in: groupIds } },
        })
      ).docs as PostLike[])
    : []
  const paths = ['/sitemap.xml']
  const tags = ['posts']
  for (const post of [...posts, ...members]) {
    if (!post) continue
    tags.push(`post:${post.id}`)
    if (post._status === 'published' && post.language && post.slug) {
      paths.push(options.postPath({ language: post.language, slug: post.slug }))
    }
  }
  for (const group of groupIds) tags.push(`group:${group}`)
  await notifyContentChange(options, { collection: options.slugs.posts, operation: 'update', paths, tags }, req)
}
