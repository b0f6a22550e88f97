import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Pagination, parsePage } from '@/components/Pagination'
import { PostCardList } from '@/components/PostCard'
import { getCategoryBySlug, listPosts } from '@/lib/site/data'
import { isSiteLanguage, siteLanguages } from '@/lib/site/languages'
import { categoryPath } from '@/lib/site/paths'
import { safeSegment } from '@/lib/site/postPage'
import { absoluteUrl } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

type Props = {
  params: Promise<{ lang: string; slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export const revalidate = 3600

async function load(lang: string, rawSlug: string) {
  if (!isSiteLanguage(lang)) return null
  return getCategoryBySlug(lang, safeSegment(rawSlug))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params
  const category = await load(lang, slug)
  if (!category) notFound()
  const languages: Record<string, string> = Object.fromEntries(
    siteLanguages.map((language) => [language.code, absoluteUrl(categoryPath(language.code, category.slug))]),
  )
  languages['x-default'] = absoluteUrl(categoryPath(siteLanguages[0].code, category.slug))
  return {
    alternates: { canonical: absoluteUrl(categoryPath(lang, category.slug)), languages },
    description: category.description ?? undefined,
    title: category.name,
  }
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { lang, slug } = await params
  const category = await load(lang, slug)
  if (!category) notFound()
  const page = parsePage((await searchParams).page)
  if (page === null) notFound()
  const t = getStrings(lang)
  const list = await listPosts({ categoryId: category.id, lang, page })
  if (page > 1 && page > list.totalPages) notFound()
  return (
    <div className="page listing">
      <p className="listing__kicker">{t.category}</p>
      <h1 className="listing__title">{category.name}</h1>
      {category.description ? <p className="listing__intro">{category.description}</p> : null}
      {list.docs.length > 0 ? <PostCardList lang={lang} posts={list.docs} /> : <p>{t.noResults}</p>}
      <Pagination basePath={categoryPath(lang, category.slug)} lang={lang} page={list.page} totalPages={list.totalPages} />
    </div>
  )
}
