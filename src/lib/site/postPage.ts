import { draftMode } from 'next/headers'
import { cache } from 'react'

import type { PageEndnote } from './endnotes'
import type { Author, Category, Post, PostCard, PostVersion } from './data'

import { articleContent } from './articleContent'
import { getDraftPost, getPublishedPost, getSimilarPosts, versionsOf } from './data'
import { isSiteLanguage } from './languages'
import { getPayloadClient } from './payload'
import { similarPostsWithMarker } from './similarCache'
import { isStaffViewer } from './viewer'

export interface PostPageData {
  lang: string
  post: Post
  /** Published versions of the piece, this one included when published. */
  versions: PostVersion[]
  /** An editor's draft preview: banner, no indexing. */
  isPreview: boolean
  category: Category | null
  authors: Author[]
  endnotes: { notes: PageEndnote[] }
  /** Inner HTML of the body and of the endnotes section, rendered once per version (./articleContent.ts). */
  bodyHtml: string
  endnotesHtml: string
  readingMinutes: number
}

export const safeSegment = (value: string): string => {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Everything the post page and its metadata need, fetched once per request (React `cache`).
 * In draft mode with a signed-in editor, the latest draft is shown instead of the published
 * version. Returns null for an unknown language or slug (→ 404).
 */
export const loadPostPage = cache(async (lang: string, rawSlug: string): Promise<PostPageData | null> => {
  if (!isSiteLanguage(lang)) return null
  const slug = safeSegment(rawSlug)
  if (!slug || slug.length > 300) return null

  let post: Post | null = null
  let isPreview = false
  const draft = await draftMode()
  if (draft.isEnabled && (await isStaffViewer())) {
    post = await getDraftPost(lang, slug)
    isPreview = post !== null
  }
  post ??= await getPublishedPost(lang, slug)
  if (!post) return null
  // Start the page's slowest query now: it runs while the versions are read and the page renders.
  void loadSimilarPosts(post.id, lang)

  const versions = await versionsOf(post)
  const category = post.category && typeof post.category === 'object' ? post.category : null
  const authors = (post.authors ?? []).filter((author): author is Author => !!author && typeof author === 'object')
  const article = articleContent(post, lang, { draft: isPreview })
  return {
    authors,
    bodyHtml: article.bodyHtml,
    category,
    endnotes: { notes: article.notes },
    endnotesHtml: article.endnotesHtml,
    isPreview,
    lang,
    post,
    readingMinutes: article.readingMinutes,
    versions,
  }
})

/**
 * "Similar Posts" of a post, fetched once per request (React `cache`) and reused across
 * requests while nothing they depend on changed (./similarCache.ts); never rejects.
 */
export const loadSimilarPosts = cache(async (postId: number, lang: string): Promise<PostCard[]> => {
  try {
    return await similarPostsWithMarker(await getPayloadClient(), postId, lang, () => getSimilarPosts(postId, lang))
  } catch (error) {
    // A failing recommendation must never take the article down.
    console.error('[site] similar posts failed', error)
    return []
  }
})
