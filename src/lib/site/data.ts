/**
 * Every read the public site makes, each behind the Next data cache with tags the plugin's
 * `onContentChange` purges (see ./cache.ts). Public reads use `overrideAccess: false`, so
 * Payload's own access control (published only) applies as well as the explicit filters.
 * Nothing here runs at build time: pages fetch on demand (ISR).
 */
import type { Where } from 'payload'

import type { Author, Category, Footnote, Media, Post } from '../../payload-types'

import { findSimilarPosts, getGroupVersions as getPluginGroupVersions, relationId, searchPosts as searchPostsFullText } from 'payload-policy-posts'
import { cached, tags } from './cache'
import { getPayloadClient } from './payload'
import { findPostDocument } from './postDocument'
import { siteSettings } from './siteSettings'
import { postExcerpt } from './text'

type Locale = Post['language']

const published: Where = { _status: { equals: 'published' } }

/** A post as listed in cards and feeds: flat, small, localised. */
export interface PostCard {
  id: number
  title: string
  slug: string
  language: string
  publishedAt: null | string
  updatedAt: string
  excerpt: string
  category: { name: string; slug: string } | null
  authors: { name: string; slug: string }[]
}

export interface PostList {
  docs: PostCard[]
  page: number
  totalPages: number
  totalDocs: number
}

/** A published language version of a piece, for the language switch and hreflang. */
export interface PostVersion {
  id: number
  language: string
  slug: string
  title: string
}

const asCategory = (value: unknown): Category | null =>
  value && typeof value === 'object' && 'slug' in value ? (value as Category) : null

const asAuthors = (value: unknown): Author[] =>
  Array.isArray(value) ? value.filter((a): a is Author => !!a && typeof a === 'object' && 'name' in a) : []

function toPostCard(post: Post): PostCard {
  const category = asCategory(post.category)
  return {
    authors: asAuthors(post.authors).map((author) => ({ name: author.name, slug: author.slug ?? '' })),
    category: category ? { name: category.name, slug: category.slug ?? '' } : null,
    excerpt: postExcerpt(post),
    id: post.id,
    language: post.language,
    publishedAt: post.publishedAt ?? null,
    slug: post.slug ?? '',
    title: post.title,
    updatedAt: post.updatedAt,
  }
}

/** The fields a post card needs (listings, similar posts). */
export const cardSelect = {
  authors: true,
  category: true,
  highlights: true,
  language: true,
  meta: true,
  publishedAt: true,
  slug: true,
  title: true,
  updatedAt: true,
} as const

const cardPopulate = {
  authors: { name: true, slug: true },
  categories: { name: true, slug: true },
} as const

// ————— posts —————

/** The published post `slug` in `lang`, with authors (and photos), category and endnotes populated. */
export const getPublishedPost = cached(
  'post-by-slug',
  async (lang: string, slug: string): Promise<Post | null> => findPostDocument(await getPayloadClient(), { lang, slug }),
  () => [tags.posts, tags.authors, tags.categories, tags.footnotes, tags.media],
)

/** The latest draft of a post, for an editor in draft mode (never cached). */
export async function getDraftPost(lang: string, slug: string): Promise<Post | null> {
  return findPostDocument(await getPayloadClient(), { draft: true, lang, slug })
}

/** The published versions of a translation group (every language, the post itself included). */
export const getGroupVersions = cached(
  'group-versions',
  async (groupId: number | string): Promise<PostVersion[]> => {
    const versions = await getPluginGroupVersions(await getPayloadClient(), groupId)
    return versions.map(({ id, language, slug, title }) => ({ id: id as number, language, slug, title }))
  },
  (groupId) => [tags.posts, tags.group(groupId)],
)

/** The published versions in the post's group, or just the post when it has no group. */
export async function versionsOf(post: Pick<Post, 'id' | 'language' | 'slug' | 'title' | 'translationGroup' | '_status'>): Promise<PostVersion[]> {
  const group = relationId(post.translationGroup)
  const versions = group !== undefined ? await getGroupVersions(group) : []
  if (!versions.some((version) => version.id === post.id) && post.slug && post._status === 'published') {
    versions.push({ id: post.id, language: post.language, slug: post.slug, title: post.title })
  }
  return versions
}

export interface ListPostsArgs {
  lang: string
  page?: number
  limit?: number
  categoryId?: number
  authorId?: number
}

/** Published posts of one language, newest first, optionally of one category or author. */
export const listPosts = cached(
  'list-posts',
  async ({ authorId, categoryId, lang, limit = siteSettings.postsPerPage, page = 1 }: ListPostsArgs): Promise<PostList> => {
    const payload = await getPayloadClient()
    const and: Where[] = [{ language: { equals: lang } }, published]
    if (categoryId !== undefined) and.push({ category: { equals: categoryId } })
    if (authorId !== undefined) and.push({ authors: { in: [authorId] } })
    const result = await payload.find({
      collection: 'posts',
      depth: 1,
      limit,
      locale: lang as Locale,
      overrideAccess: false,
      page,
      populate: cardPopulate,
      select: cardSelect,
      sort: '-publishedAt',
      where: { and },
    })
    return {
      docs: (result.docs as Post[]).map(toPostCard),
      page: result.page ?? page,
      totalDocs: result.totalDocs,
      totalPages: result.totalPages,
    }
  },
  () => [tags.posts, tags.authors, tags.categories],
)

/** "Similar Posts" under an article (the plugin's findSimilarPosts), as cards in the page language. */
export const getSimilarPosts = cached(
  'similar-posts',
  async (postId: number, lang: string): Promise<PostCard[]> => {
    const payload = await getPayloadClient()
    // Read at depth 0 as an anonymous reader (published only); the cards' category names come
    // from the site's cached list (populating them cost a third of the call), their authors'
    // names from one small read of just those authors (the full list is 200+ documents).
    const [similar, categories] = await Promise.all([
      findSimilarPosts(payload, postId, {
        depth: 0,
        limit: siteSettings.similarPostsLimit,
        locale: lang as Locale,
        overrideAccess: false,
        select: cardSelect,
      }),
      listCategories(lang),
    ])
    const authorIds = [...new Set((similar as Post[]).flatMap((post) => (post.authors ?? []).map((author) => relationId(author))))].filter((id) => id !== undefined)
    const authors =
      authorIds.length === 0
        ? []
        : (
            await payload.find({
              collection: 'authors',
              depth: 0,
              limit: 0,
              overrideAccess: false,
              pagination: false,
              select: { name: true, slug: true },
              where: { id: { in: authorIds } },
            })
          ).docs
    const categoryById = new Map(categories.map((category) => [category.id, category]))
    const authorById = new Map(authors.map((author) => [author.id, author]))
    return (similar as Post[]).map((post) =>
      toPostCard({
        ...post,
        authors: (post.authors ?? []).map((author) => (authorById.get(relationId(author) as number) ?? author) as Author),
        category: (categoryById.get(relationId(post.category) as number) ?? null) as Category | null,
      }),
    )
  },
  (postId) => [tags.posts, tags.post(postId), tags.categories, tags.authors],
)

/** Full-text search of one language's published posts (the plugin's searchPosts). */
export const searchPosts = cached(
  'search-posts',
  async (lang: string, q: string, page: number): Promise<PostList> => {
    const payload = await getPayloadClient()
    const result = await searchPostsFullText(payload, {
      depth: 1,
      language: lang,
      limit: siteSettings.postsPerPage,
      locale: lang as Locale,
      overrideAccess: false,
      page,
      q,
      select: cardSelect,
    })
    return {
      docs: (result.docs as Post[]).map(toPostCard),
      page: result.page ?? page,
      totalDocs: result.totalDocs,
      totalPages: result.totalPages,
    }
  },
  () => [tags.posts, tags.categories, tags.authors],
)

// ————— categories & authors —————

export const listCategories = cached(
  'categories',
  async (lang: string): Promise<Pick<Category, 'id' | 'name' | 'slug' | 'description'>[]> => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'categories',
      depth: 0,
      limit: 200,
      locale: lang as Locale,
      overrideAccess: false,
      pagination: false,
      select: { description: true, name: true, slug: true },
      sort: 'name',
    })
    return result.docs.map(({ description, id, name, slug }) => ({ description, id, name, slug }))
  },
  () => [tags.categories],
)

export async function getCategoryBySlug(lang: string, slug: string) {
  const categories = await listCategories(lang)
  return categories.find((category) => category.slug === slug) ?? null
}

export const getAuthorBySlug = cached(
  'author-by-slug',
  async (lang: string, slug: string): Promise<Author | null> => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'authors',
      depth: 1,
      limit: 1,
      locale: lang as Locale,
      overrideAccess: false,
      pagination: false,
      where: { slug: { equals: slug } },
    })
    return result.docs[0] ?? null
  },
  () => [tags.authors, tags.media],
)

export const listAuthors = cached(
  'authors',
  async (): Promise<Pick<Author, 'id' | 'name' | 'slug' | 'updatedAt'>[]> => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'authors',
      depth: 0,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      select: { name: true, slug: true, updatedAt: true },
      sort: 'name',
    })
    return result.docs.map(({ id, name, slug, updatedAt }) => ({ id, name, slug, updatedAt }))
  },
  () => [tags.authors],
)

// ————— helpers over populated documents —————

export const populated = <T extends object>(value: unknown): T | null =>
  value && typeof value === 'object' ? (value as T) : null

export type { Author, Category, Footnote, Media, Post }
