import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Pagination, parsePage } from '@/components/Pagination'
import { PostCardList } from '@/components/PostCard'
import { listCategories, listPosts } from '@/lib/site/data'
import { isSiteLanguage, siteLanguages } from '@/lib/site/languages'
import { feedPath, homePath } from '@/lib/site/paths'
import { absoluteUrl } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// The listing reads ?page= and ?category= (so it renders per request); its data comes from
// the tagged data cache, which publishing purges.
export const revalidate = 3600

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params
  if (!isSiteLanguage(lang)) notFound()
  const languages: Record<string, string> = Object.fromEntries(
    siteLanguages.map((language) => [language.code, absoluteUrl(homePath(language.code))]),
  )
  languages['x-default'] = absoluteUrl(homePath(siteLanguages[0].code))
  return {
    alternates: {
      canonical: absoluteUrl(homePath(lang)),
      languages,
      types: { 'application/rss+xml': absoluteUrl(feedPath(lang)) },
    },
  }
}

export default async function HomePage({ params, searchParams }: Props) {
  const { lang } = await params
  if (!isSiteLanguage(lang)) notFound()
  const query = await searchParams
  const page = parsePage(query.page)
  if (page === null) notFound()
  const t = getStrings(lang)
  const categories = await listCategories(lang)
  const categorySlug = typeof query.category === 'string' && query.category ? query.category : undefined
  const category = categorySlug ? categories.find((candidate) => candidate.slug === categorySlug) : undefined
  if (categorySlug && !category) notFound()
  const list = await listPosts({ categoryId: category?.id, lang, page })
  if (page > 1 && page > list.totalPages) notFound()

  return (
    <div className="page listing">
      <h1 className="listing__title">{category ? category.name : t.latestPosts}</h1>
      {categories.length > 0 ? (
        <nav aria-label={t.category} className="category-filter">
          <ul>
            <li>
              <a aria-current={!category ? 'page' : undefined} href={homePath(lang)}>
                {t.allCategories}
              </a>
            </li>
            {categories.map((item) => (
              <li key={item.id}>
                <a
                  aria-current={category?.id === item.id ? 'page' : undefined}
                  href={`${homePath(lang)}?category=${encodeURIComponent(item.slug ?? '')}`}
                >
                  {item.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {list.docs.length > 0 ? <PostCardList lang={lang} posts={list.docs} /> : <p>{t.noResults}</p>}
      <Pagination
        basePath={homePath(lang)}
        lang={lang}
        page={list.page}
        query={{ category: category?.slug ?? undefined }}
        totalPages={list.totalPages}
      />
    </div>
  )
}
