import type { PayloadRequest } from 'payload'

import type { ChangedPost, ChangedRecord, ContentChangeEvent, ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { contentChangeWanted, notifyContentChange } from './notifyContentChange'

interface PostRef {
  authors?: unknown
  category?: unknown
  id: ID
  language?: null | string
  slug?: null | string
  translationGroup?: unknown
}

const changedPost = (post: PostRef): ChangedPost => ({ id: post.id, language: post.language ?? null, slug: post.slug ?? null })

/** The slugs of the changed posts' authors and categories (their pages list the posts). */
async function recordsOf(options: ResolvedPolicyPostsOptions, req: PayloadRequest, collection: string, ids: ID[]): Promise<Map<string, ChangedRecord>> {
  if (ids.length === 0) return new Map()
  const found = await req.payload.find({
    collection: collection as 'authors',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { slug: true },
    where: { id: { in: ids } },
  })
  return new Map((found.docs as { id: ID; slug?: null | string }[]).map((doc) => [String(doc.id), { id: doc.id, slug: doc.slug ?? null }]))
}

/**
 * Tells the host about changed posts: the posts themselves (with their authors and category,
 * whose pages list them) and every version in their translation groups (the language switch of
 * each lists the others).
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
  if (!contentChangeWanted(options, req)) return
  const own = posts.filter((post): post is PostRef => !!post)
  const authorIds = own.flatMap((post) => (Array.isArray(post.authors) ? post.authors : []).map(relationId)).filter((id): id is ID => id !== undefined)
  const categoryIds = own.map((post) => relationId(post.category)).filter((id): id is ID => id !== undefined)
  const [authors, categories] = await Promise.all([
    recordsOf(options, req, options.slugs.authors, [...new Set(authorIds)]),
    recordsOf(options, req, options.slugs.categories, [...new Set(categoryIds)]),
  ])
  const changed: ChangedPost[] = []
  const groups = new Set<ID>(extraGroups.filter((group): group is ID => group !== undefined))
  for (const post of own) {
    const postAuthors = (Array.isArray(post.authors) ? post.authors : []).map((author) => authors.get(String(relationId(author))))
    const category = categories.get(String(relationId(post.category)))
    changed.push({
      ...changedPost(post),
      authors: postAuthors.filter((author): author is ChangedRecord => !!author),
      category: category ?? null,
    })
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
    for (const member of members.docs as PostRef[]) changed.push(changedPost(member))
  }
  await notifyContentChange(options, { collection: options.slugs.posts, groups: [...groups], operation, posts: changed }, req)
}
