import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Pagination, parsePage } from '@/components/Pagination'
import { PostCardList } from '@/components/PostCard'
import { searchPosts } from '@/lib/site/data'
import { isSiteLanguage } from '@/lib/site/languages'
import { searchPath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

type Props = {
  params: Promise<{ lang: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const queryOf = (value: string | string[] | undefined): string =>
  (typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim().slice(0, 200)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { lang } = await params
  if (!isSiteLanguage(lang)) notFound()
  const t = getStrings(lang)
  const q = queryOf((await searchParams).q)
  return { robots: { follow: true, index: false }, title: q ? t.searchResultsFor(q) : t.search }
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { lang } = await params
  if (!isSiteLanguage(lang)) notFound()
  const query = await searchParams
  const q = queryOf(query.q)
  const page = parsePage(query.page)
  if (page === null) notFound()
  const t = getStrings(lang)
  const results = q ? await searchPosts(lang, q, page) : null
  return (
    <div className="page listing">
      <h1 className="listing__title">{q ? t.searchResultsFor(q) : t.search}</h1>
      <form action={searchPath(lang)} aria-label={t.searchPageFormLabel} className="search-form" method="get" role="search">
        <label htmlFor="search-page-q">{t.search}</label>
        <input defaultValue={q} id="search-page-q" name="q" placeholder={t.searchPlaceholder} type="search" />
        <button type="submit">{t.search}</button>
      </form>
      {results ? (
        results.docs.length > 0 ? (
          <>
            <PostCardList lang={lang} posts={results.docs} />
            <Pagination basePath={searchPath(lang)} lang={lang} page={results.page} query={{ q }} totalPages={results.totalPages} />
          </>
        ) : (
          <p>{t.noResults}</p>
        )
      ) : null}
    </div>
  )
}
