import { draftMode } from 'next/headers'
import { cache } from 'react'

import type { Author, Post, PostCard } from './data'
import type { PostPageContent } from './postPageCache'
import type { SimilarMarker } from './similarCache'

import { articleContent } from './articleContent'
import { getDraftPost, getPublishedPost, getSimilarPosts, versionsOf } from './data'
import { isSiteLanguage } from './languages'
import { getPayloadClient } from './payload'
import { postPageContent } from './postPageCache'
import { similarPostsWithMarker } from './similarCache'
import { isStaffViewer } from './viewer'

export interface PostPageData extends PostPageContent {
  lang: string
  /** An editor's draft preview: banner, no indexing. */
  isPreview: boolean
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

  const draft = await draftMode()
  if (draft.isEnabled && (await isStaffViewer())) {
    const post = await getDraftPost(lang, slug)
    if (post) {
      void loadSimilarPosts(post.id, lang)
      return { ...(await pageContent(post, lang, { draft: true })), isPreview: true, lang }
    }
  }
  const { content, similar } = await postPageContent(await getPayloadClient(), lang, slug, async () => {
    const post = await getPublishedPost(lang, slug)
    if (!post) return null
    // Start the page's slowest query now: it runs while the versions are read and the page renders.
    void loadSimilarPosts(post.id, lang)
    return pageContent(post, lang, { draft: false })
  })
  if (!content) return null
  if (similar) similarMarkers().set(content.post.id, similar)
  void loadSimilarPosts(content.post.id, lang)
  return { ...content, isPreview: false, lang }
})

async function pageContent(post: Post, lang: string, { draft }: { draft: boolean }): Promise<PostPageContent> {
  const versions = await versionsOf(post)
  const category = post.category && typeof post.category === 'object' ? post.category : null
  const authors = (post.authors ?? []).filter((author): author is Author => !!author && typeof author === 'object')
  const article = articleContent(post, lang, { draft })
  return {
    authors,
    bodyHtml: article.bodyHtml,
    category,
    endnotes: { notes: article.notes },
    endnotesHtml: article.endnotesHtml,
    post,
    readingMinutes: article.readingMinutes,
    versions,
  }
}

/** Similar-posts markers read with this request's page markers (React `cache`: one map per request). */
const similarMarkers = cache((): Map<number, SimilarMarker> => new Map())

/**
 * "Similar Posts" of a post, fetched once per request (React `cache`) and reused across
 * requests while nothing they depend on changed (./similarCache.ts); never rejects.
 */
export const loadSimilarPosts = cache(async (postId: number, lang: string): Promise<PostCard[]> => {
  try {
    return await similarPostsWithMarker(await getPayloadClient(), postId, lang, () => getSimilarPosts(postId, lang), similarMarkers().get(postId))
  } catch (error) {
    // A failing recommendation must never take the article down.
    console.error('[site] similar posts failed', error)
    return []
  }
})
