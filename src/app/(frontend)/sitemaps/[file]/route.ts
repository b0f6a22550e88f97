import { listAuthors, listCategories } from '@/lib/site/data'
import { defaultLanguage } from '@/lib/site/languages'
import { listSitemapPosts } from '@/lib/site/sitemapData'
import { pagesEntries, postEntries } from '@/lib/site/sitemapEntries'
import { parseSitemapFile, sitemapUrlsPerFile } from '@/lib/site/sitemapFiles'
import { urlsetXml, xmlResponse } from '@/lib/site/sitemapXml'

// Per request from the tagged data cache: `next build` runs without a database.
export const dynamic = 'force-dynamic'

/** `/sitemaps/pages.xml` and `/sitemaps/posts-N.xml`, the files `/sitemap.xml` names; each reads only its own slice. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = parseSitemapFile((await params).file, sitemapUrlsPerFile())
  if (!file) return new Response('Not Found', { status: 404 })
  if (file.kind === 'pages') {
    const [authors, categories] = await Promise.all([listAuthors(), listCategories(defaultLanguage)])
    return xmlResponse(urlsetXml(pagesEntries(categories, authors)))
  }
  const posts = await listSitemapPosts(file.offset, file.limit)
  // The first file exists even without posts; a file past the last one does not.
  if (posts.length === 0 && file.number > 1) return new Response('Not Found', { status: 404 })
  return xmlResponse(urlsetXml(postEntries(posts)))
}
