import { Feed } from 'feed'

import { answer503WhenDatabaseUnavailable } from '@/lib/database/routes'
import { listPosts } from '@/lib/site/data'
import { displayAuthorName } from '@/lib/site/authorName'
import { isSiteLanguage } from '@/lib/site/languages'
import { authorPath, feedPath, homePath, postPath } from '@/lib/site/paths'
import { absoluteUrl, siteSettings } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

// Built per request from the tagged data cache (never at build time: CI has no database).
export const dynamic = 'force-dynamic'

/**
 * Plain text for RSS `<title>`/`<description>`, which readers render as HTML: `&`, `<` and `>`
 * entity-encoded, so a title containing "<script>" is shown, never run (and "]]>" cannot end
 * the CDATA section the feed library wraps it in).
 */
const asFeedText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** RSS 2.0 of one language's latest published posts; a 503 while the database is unavailable. */
export const GET = answer503WhenDatabaseUnavailable(async (_request: Request, { params }: { params: Promise<{ lang: string }> }): Promise<Response> => {
  const { lang } = await params
  if (!isSiteLanguage(lang)) return new Response('Not found', { status: 404 })
  const t = getStrings(lang)
  const { docs } = await listPosts({ lang, limit: siteSettings.feedItems, page: 1 })
  const home = absoluteUrl(homePath(lang))
  const feed = new Feed({
    copyright: `© ${new Date().getUTCFullYear()} ${siteSettings.siteName}`,
    description: t.homeTitle,
    feedLinks: { rss: absoluteUrl(feedPath(lang)) },
    generator: siteSettings.siteName,
    id: home,
    language: lang,
    link: home,
    title: `${siteSettings.siteName} — ${t.feedTitle}`,
    updated: docs[0]?.publishedAt ? new Date(docs[0].publishedAt) : undefined,
  })
  for (const post of docs) {
    const url = absoluteUrl(postPath(post))
    feed.addItem({
      author: post.authors.map((author) => ({
        link: absoluteUrl(authorPath(lang, author.slug)),
        name: displayAuthorName(author.name, lang, false),
      })),
      category: post.category ? [{ domain: absoluteUrl(`/${lang}/categories/${post.category.slug}`), name: post.category.name }] : undefined,
      date: new Date(post.publishedAt ?? post.updatedAt),
      description: asFeedText(post.excerpt),
      id: url,
      link: url,
      title: asFeedText(post.title),
    })
  }
  return new Response(feed.rss2(), {
    headers: {
      'Cache-Control': 'public, max-age=0, s-maxage=600, stale-while-revalidate=3600',
      'Content-Type': 'application/rss+xml; charset=utf-8',
    },
  })
}, 'text')
