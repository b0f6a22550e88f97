/**
 * RSS 2.0 feeds and the sitemap of the production build on the seeded demo content, parsed
 * with fast-xml-parser: well-formed, the required elements, and hreflang alternates that list
 * exactly the published versions (the seed leaves one Turkish version as a draft).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { startSiteServer } from '../helpers/siteServer'
import { clearNextCache } from './freshCache'

let site: SiteServer
const PER_FILE = 3
const parser = new XMLParser({ attributeNamePrefix: '@', ignoreAttributes: false, isArray: (name) => ['item', 'sitemap', 'url', 'xhtml:link'].includes(name) })

type PostRow = { _status?: null | string; id: number; language: string; publishedAt?: null | string; slug?: null | string; translationGroup?: unknown }
let published: PostRow[] = []
let drafts: PostRow[] = []

const url = (p: string) => `${site.baseUrl}${p}`
const groupOf = (post: PostRow) => (typeof post.translationGroup === 'object' && post.translationGroup ? (post.translationGroup as { id: number }).id : post.translationGroup)

async function getXml(p: string) {
  const response = await fetch(url(p))
  const text = await response.text()
  return { response, text }
}

beforeAll(async () => {
  clearNextCache()
  // A few posts per sitemap file, so the demo content spans several files.
  site = await startSiteServer('site_feeds', { env: { SITEMAP_URLS_PER_FILE: String(PER_FILE) } })
  const all = await site.payload.find({ collection: 'posts', depth: 0, draft: true, limit: 100, overrideAccess: true, pagination: false })
  const live = await site.payload.find({
    collection: 'posts',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    pagination: false,
    where: { _status: { equals: 'published' } },
  })
  published = live.docs as PostRow[]
  const liveIds = new Set(published.map((p) => p.id))
  drafts = (all.docs as PostRow[]).filter((p) => !liveIds.has(p.id))
}, 300_000)

afterAll(async () => {
  await site?.stop()
})

describe('RSS feeds', () => {
  for (const lang of ['en', 'tr']) {
    it(`/${lang}/feed.xml is RSS 2.0 with every published ${lang} post and no draft`, async () => {
      const { response, text } = await getXml(`/${lang}/feed.xml`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('application/rss+xml')
      expect(XMLValidator.validate(text)).toBe(true)
      const rss = parser.parse(text).rss
      expect(rss['@version']).toBe('2.0')
      const channel = rss.channel
      expect(channel.title).toBeTruthy()
      expect(channel.link).toBe(url(`/${lang}`))
      expect(channel.description).toBeTruthy()
      expect(channel.language).toBe(lang)
      const expected = published.filter((p) => p.language === lang).map((p) => url(`/${lang}/${p.slug}`))
      const items = channel.item as Record<string, unknown>[]
      expect(items.map((item) => item.link).sort()).toEqual(expected.sort())
      for (const item of items) {
        expect(item.title).toBeTruthy()
        expect(item.description).toBeTruthy()
        expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false)
        expect(item.guid).toBeTruthy()
      }
      for (const draft of drafts) expect(text).not.toContain(`/${draft.slug}`)
    })
  }

  it('an unknown language has no feed', async () => {
    expect((await fetch(url('/de/feed.xml'))).status).toBe(404)
  })
})

describe('sitemap', () => {
  type UrlEntry = { loc: string; 'xhtml:link'?: { '@href': string; '@hreflang': string }[] }
  const urlsOf = async (loc: string): Promise<UrlEntry[]> => {
    const { response, text } = await getXml(new URL(loc).pathname)
    expect(response.status, loc).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/xml')
    expect(XMLValidator.validate(text)).toBe(true)
    for (const draft of drafts) expect(text).not.toContain(`/${draft.language}/${draft.slug}`)
    return parser.parse(text).urlset.url ?? []
  }

  it('/sitemap.xml is an index of a pages file and files of at most SITEMAP_URLS_PER_FILE posts, newest first', async () => {
    const { response, text } = await getXml('/sitemap.xml')
    expect(response.status).toBe(200)
    expect(XMLValidator.validate(text)).toBe(true)
    const files = (parser.parse(text).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc)
    const postFiles = Math.ceil(published.length / PER_FILE)
    expect(postFiles).toBeGreaterThan(2)
    expect(files).toEqual([url('/sitemaps/pages.xml'), ...Array.from({ length: postFiles }, (_, i) => url(`/sitemaps/posts-${i + 1}.xml`))])

    const pages = (await urlsOf(files[0])).map((entry) => entry.loc)
    expect(pages.slice(0, 2)).toEqual([url('/en'), url('/tr')])
    expect(pages.some((loc) => loc.includes('/authors/'))).toBe(true)
    expect(pages.some((loc) => loc.includes('/categories/'))).toBe(true)

    const perFile = await Promise.all(files.slice(1).map(urlsOf))
    for (const entries of perFile.slice(0, -1)) expect(entries).toHaveLength(PER_FILE)
    const listed = perFile.flat().map((entry) => entry.loc)
    expect(listed).toHaveLength(published.length)
    expect(new Set(listed).size).toBe(listed.length)
    const newest = [...published].sort((a, b) => Date.parse(b.publishedAt ?? '') - Date.parse(a.publishedAt ?? '') || b.id - a.id)
    expect(perFile[0].map((entry) => entry.loc)).toEqual(newest.slice(0, PER_FILE).map((post) => url(`/${post.language}/${post.slug}`)))

    // past the last file, and names that are not files
    expect((await fetch(url(`/sitemaps/posts-${postFiles + 1}.xml`))).status).toBe(404)
    expect((await fetch(url('/sitemaps/posts-0.xml'))).status).toBe(404)
    expect((await fetch(url('/sitemaps/other.xml'))).status).toBe(404)
  })

  it('lists every published post with hreflang alternates to its published versions only', async () => {
    const { text } = await getXml('/sitemap.xml')
    const files = (parser.parse(text).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc)
    const urls = (await Promise.all(files.map(urlsOf))).flat()
    const byLoc = new Map(urls.map((entry) => [entry.loc, entry]))
    expect(byLoc.has(url('/en'))).toBe(true)
    expect(byLoc.has(url('/tr'))).toBe(true)

    expect(drafts.length).toBeGreaterThan(0)

    for (const post of published) {
      const entry = byLoc.get(url(`/${post.language}/${post.slug}`))
      expect(entry, `${post.language}/${post.slug} in the sitemap`).toBeTruthy()
      const versions = published.filter((other) => groupOf(other) === groupOf(post))
      const expected: Record<string, string> = Object.fromEntries(versions.map((v) => [v.language, url(`/${v.language}/${v.slug}`)]))
      expected['x-default'] = expected.en ?? url(`/${post.language}/${post.slug}`)
      const actual = Object.fromEntries((entry!['xhtml:link'] ?? []).map((link) => [link['@hreflang'], link['@href']]))
      expect(actual).toEqual(expected)
    }
    // The customs-union piece: its English version stands alone.
    const lonely = published.filter((p) => p.language === 'en' && !published.some((o) => o.language === 'tr' && groupOf(o) === groupOf(p)))
    expect(lonely).toHaveLength(1)
  })

  it('robots.txt points at the sitemap', async () => {
    const text = await (await fetch(url('/robots.txt'))).text()
    expect(text).toContain(`Sitemap: ${url('/sitemap.xml')}`)
  })
})
