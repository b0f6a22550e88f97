import { countSitemapPosts } from '@/lib/site/sitemapData'
import { sitemapFileNames, sitemapFilePath, sitemapUrlsPerFile } from '@/lib/site/sitemapFiles'
import { sitemapIndexXml, xmlResponse } from '@/lib/site/sitemapXml'
import { absoluteUrl } from '@/lib/site/siteSettings'

// Per request from the tagged data cache: `next build` runs without a database.
export const dynamic = 'force-dynamic'

/** `/sitemap.xml`: the sitemap index, one count query (cached) away from its files' names. */
export async function GET(): Promise<Response> {
  const names = sitemapFileNames(await countSitemapPosts(), sitemapUrlsPerFile())
  return xmlResponse(sitemapIndexXml(names.map((name) => absoluteUrl(sitemapFilePath(name)))))
}
