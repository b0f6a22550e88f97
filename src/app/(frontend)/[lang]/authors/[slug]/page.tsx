import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Media } from '@/payload-types'

import { AuthorAvatar } from '@/components/AuthorAvatar'
import { PostCardList } from '@/components/PostCard'
import { displayAuthorName } from '@/lib/site/authorName'
import { getAuthorBySlug, listPosts } from '@/lib/site/data'
import { isSiteLanguage, siteLanguages } from '@/lib/site/languages'
import { authorPath } from '@/lib/site/paths'
import { safeSegment } from '@/lib/site/postPage'
import { absoluteUrl } from '@/lib/site/siteSettings'
import { truncate } from '@/lib/site/text'
import { getStrings } from '@/lib/site/i18n'

type Props = { params: Promise<{ lang: string; slug: string }> }

export const revalidate = 3600
export const dynamicParams = true

export function generateStaticParams(): { lang: string; slug: string }[] {
  return []
}

const AUTHOR_POSTS_LIMIT = 100

async function load(lang: string, rawSlug: string) {
  if (!isSiteLanguage(lang)) return null
  const author = await getAuthorBySlug(lang, safeSegment(rawSlug))
  return author ? { author, lang } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params
  const data = await load(lang, slug)
  if (!data) notFound()
  const { author } = data
  const languages: Record<string, string> = Object.fromEntries(
    siteLanguages.map((language) => [language.code, absoluteUrl(authorPath(language.code, author.slug))]),
  )
  languages['x-default'] = absoluteUrl(authorPath(siteLanguages[0].code, author.slug))
  const description = author.bio ? truncate(author.bio, 200) : undefined
  return {
    alternates: { canonical: absoluteUrl(authorPath(lang, author.slug)), languages },
    description,
    openGraph: { description, title: author.name, type: 'profile', url: absoluteUrl(authorPath(lang, author.slug)) },
    title: author.name,
  }
}

export default async function AuthorPage({ params }: Props) {
  const { lang, slug } = await params
  const data = await load(lang, slug)
  if (!data) notFound()
  const { author } = data
  const t = getStrings(lang)
  const posts = await listPosts({ authorId: author.id, lang, limit: AUTHOR_POSTS_LIMIT })
  const name = displayAuthorName(author.name, lang)
  const photo = author.photo && typeof author.photo === 'object' ? (author.photo as Media) : null
  return (
    <div className="page author-page">
      <header className="author-page__header">
        <AuthorAvatar name={author.name} photo={photo} size={120} />
        <div>
          <h1>{name}</h1>
          {author.role ? <p className="author-page__role">{author.role}</p> : null}
        </div>
      </header>
      {author.bio ? <p className="author-page__bio">{author.bio}</p> : null}
      <section aria-labelledby="author-posts-heading" className="author-page__posts">
        <h2 id="author-posts-heading">{t.authorPosts(name)}</h2>
        {posts.docs.length > 0 ? <PostCardList lang={lang} posts={posts.docs} showAuthors={false} /> : <p>{t.noResults}</p>}
      </section>
    </div>
  )
}
