import type { PageEndnote } from './endnotes'
import type { Post } from './data'

import { endnotesListHtml } from '@/components/Endnotes'
import { renderPostBodyHtml } from '@/components/RichText/postBodyHtml'

import { preparePageEndnotes } from './endnotes'
import { approximateBytes, BoundedLru } from './lru'
import { bodyNeedsPopulation } from './postDocument'
import { lexicalToPlainText, readingMinutes } from './text'

/** What a post's version renders to, whoever reads it: computed once per version. */
export interface ArticleContent {
  /** Inner HTML of the body (references and their previews included). */
  bodyHtml: string
  /** Inner HTML of the endnotes section ('' without notes). */
  endnotesHtml: string
  /** The endnotes, in number order (JSON-LD citations). */
  notes: PageEndnote[]
  readingMinutes: number
}

type ArticlePost = Pick<Post, 'content' | 'endnotes' | 'id' | 'updatedAt'>

/**
 * The version of everything the article's output depends on: the post (id, `updatedAt`:
 * every save changes it), the page language (citation style, link paths), draft or published,
 * and each cited footnote record with its own `updatedAt` (a record is edited without the post
 * changing). Null when the body holds documents populated at render time (uploads, internal
 * links, blocks): their versions are not in the key, so such bodies are never cached.
 */
export function articleVersionKey(post: ArticlePost, lang: string, draft: boolean): null | string {
  if (bodyNeedsPopulation(post.content)) return null
  let key = `${lang}|${draft ? 'draft' : 'published'}|${post.id}|${post.updatedAt}`
  for (const entry of post.endnotes ?? []) {
    const footnote = entry.footnote
    key += typeof footnote === 'object' && footnote ? `|${entry.number}:${entry.label}:${footnote.id}@${footnote.updatedAt}` : `|${entry.number}:${entry.label}:${String(footnote)}`
  }
  return key
}

export function buildArticleContent(post: ArticlePost, lang: string): ArticleContent {
  const endnotes = preparePageEndnotes(post, lang)
  const text = lexicalToPlainText(post.content)
  return {
    bodyHtml: renderPostBodyHtml(post.content, endnotes, lang),
    endnotesHtml: endnotesListHtml(lang, endnotes.notes),
    notes: endnotes.notes,
    readingMinutes: text ? readingMinutes(text) : 1,
  }
}

// Bounded by bytes, part of a server process's memory budget (README, Performance). Pages seen
// before are served by the post page cache (./postPageCache.ts) without asking this one: it
// serves their next render after another post's save, and drafts. A miss costs one body render.
const MAX_ENTRIES = 2000
const MAX_BYTES = 8 * 1024 * 1024
const sizeOf = (article: ArticleContent) => 2 * (article.bodyHtml.length + article.endnotesHtml.length) + approximateBytes(article.notes)

const articles = new BoundedLru<ArticleContent>(MAX_ENTRIES, MAX_BYTES, sizeOf)

/** The article of this post version, from the in-process cache or rendered now (and kept). */
export function articleContent(post: ArticlePost, lang: string, { draft }: { draft: boolean }): ArticleContent {
  const key = articleVersionKey(post, lang, draft)
  if (key === null) return buildArticleContent(post, lang)
  const hit = articles.get(key)
  if (hit) return hit
  const article = buildArticleContent(post, lang)
  articles.set(key, article)
  return article
}

/** For tests: forget every cached article. */
export function clearArticleCache(): void {
  articles.clear()
}
