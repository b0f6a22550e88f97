import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { AuthorBoxes } from '@/components/AuthorBox'
import { EndnotePreviews } from '@/components/EndnotePreviews'
import { Endnotes } from '@/components/Endnotes'
import { JsonLd } from '@/components/JsonLd'
import { LanguageSwitch } from '@/components/LanguageSwitch'
import { PostHeader } from '@/components/PostHeader'
import { PreviewBanner } from '@/components/PreviewBanner'
import { PostBody } from '@/components/RichText/PostBody'
import { ShareLinks } from '@/components/ShareLinks'
import { SimilarPosts } from '@/components/SimilarPosts'
import { postPath } from '@/lib/site/paths'
import { loadPostPage, loadSimilarPosts } from '@/lib/site/postPage'
import { articleJsonLd, postMetadata } from '@/lib/site/seo'
import { absoluteUrl } from '@/lib/site/siteSettings'

type Props = { params: Promise<{ lang: string; slug: string }> }

// ISR: rendered on first request, then served from cache until the plugin's revalidation
// (publish / unpublish / edit) or this interval. Nothing is fetched at build time.
export const revalidate = 3600
export const dynamicParams = true

export function generateStaticParams(): { lang: string; slug: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params
  const data = await loadPostPage(lang, slug)
  if (!data) notFound()
  return postMetadata(data)
}

/**
 * Awaits the similar posts inside the tree (no Suspense boundary, so the HTML is the same):
 * React renders the article while the query, started by loadPostPage, is still running.
 */
async function SimilarPostsOf({ lang, postId }: { lang: string; postId: number }) {
  return <SimilarPosts lang={lang} posts={await loadSimilarPosts(postId, lang)} />
}

export default async function PostPage({ params }: Props) {
  const { lang, slug } = await params
  const data = await loadPostPage(lang, slug)
  if (!data) notFound()
  const { authors, bodyHtml, category, endnotesHtml, isPreview, post, readingMinutes, versions } = data
  const path = postPath({ language: post.language, slug: post.slug ?? slug })
  const url = absoluteUrl(path)

  return (
    <>
      {isPreview ? <PreviewBanner lang={lang} path={path} /> : null}
      <article className="post page">
        <PostHeader
          authors={authors}
          category={category}
          highlights={(post.highlights ?? []).map((item) => item.text).filter(Boolean)}
          lang={lang}
          publishedAt={post.publishedAt}
          readingMinutes={readingMinutes}
          title={post.title}
        />
        <div className="post__tools">
          <ShareLinks lang={lang} title={post.title} url={url} />
          <LanguageSwitch lang={lang} versions={versions} />
        </div>
        <div className="post__body">
          <PostBody html={bodyHtml} />
        </div>
        <Endnotes html={endnotesHtml} />
        <EndnotePreviews />
        <AuthorBoxes authors={authors} lang={lang} />
      </article>
      <SimilarPostsOf lang={lang} postId={post.id} />
      <JsonLd data={articleJsonLd(data)} />
    </>
  )
}
