import type { PayloadRequest } from 'payload'

import type { ContentChangeEvent, ResolvedPolicyPostsOptions } from '../options'

import { relationId } from '../utilities/relationId'
import { notifyContentChange } from './notifyContentChange'

type ID = number | string

interface PostRef {
  authors?: unknown
  category?: unknown
  id: ID
  language?: null | string
  slug?: null | string
  translationGroup?: unknown
}

/** `/<lang>/authors/<slug>` and `/<lang>/categories/<slug>` of the posts' authors and categories. */
async function authorAndCategoryPaths(options: ResolvedPolicyPostsOptions, req: PayloadRequest, posts: PostRef[]): Promise<string[]> {
  const languagesOf = (ids: Map<string, Set<string>>, id: unknown, language: string) => {
    const key = relationId(id)
    if (key === undefined) return
    ids.set(String(key), (ids.get(String(key)) ?? new Set()).add(language))
  }
  const authors = new Map<string, Set<string>>()
  const categories = new Map<string, Set<string>>()
  for (const post of posts) {
    if (!post.language) continue
    for (const author of Array.isArray(post.authors) ? post.authors : []) languagesOf(authors, author, post.language)
    languagesOf(categories, post.category, post.language)
  }
  const paths: string[] = []
  for (const [kind, slug, ids] of [
    ['authors', options.slugs.authors, authors],
    ['categories', options.slugs.categories, categories],
  ] as const) {
    if (ids.size === 0) continue
    const found = await req.payload.find({
      collection: slug as 'authors',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { slug: true },
      where: { id: { in: [...ids.keys()] } },
    })
    for (const doc of found.docs as { id: ID; slug?: null | string }[]) {
      if (!doc.slug) continue
      for (const language of ids.get(String(doc.id)) ?? []) paths.push(`/${language}/${kind}/${doc.slug}`)
    }
  }
  return paths
}

/**
 * Tells the site about changed posts: every page that can show them is named — their own,
 * every version in their translation groups (the language switch lists the others), the
 * language's listing and feed, their authors' and category's pages, the sitemap — with the
 * matching cache tags. The site renders these pages again right away (src/lib/revalidateSite.ts).
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
  paths.push(...(await authorAndCategoryPaths(options, req, posts.filter((post): post is PostRef => !!post))))
  await notifyContentChange(options, { collection: options.slugs.posts, operation, paths, tags }, req)
}
