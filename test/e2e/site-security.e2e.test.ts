/**
 * The public site (`next start` on the production build) as an anonymous reader: security
 * headers, drafts and unpublished versions absent from every page, feed, the sitemap, the
 * language switch, author and category pages and search; hostile markup in text and citation
 * fields escaped in pages and feeds; unsafe URLs never rendered as links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote } from '../helpers/fixtures'
import { startSiteServer } from '../helpers/siteServer'

const SECRET = 'zqxjdraftword'
const NEWER = 'zqxjnewerword'
const XSS = `<script>alert("xss")</script><img src=x onerror=alert(1)>`

let site: SiteServer
const slugs: Record<string, string> = {}

async function get(path: string) {
  const response = await fetch(`${site.baseUrl}${path}`, { redirect: 'manual' })
  return { body: await response.text(), headers: response.headers, status: response.status }
}

beforeAll(async () => {
  site = await startSiteServer('site_security')
  const { payload } = site
  const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Security Desk' } })
  const author = await payload.create({ ...asAdmin, collection: 'authors', data: { bio: `Bio ${XSS}`, name: `Author ${XSS}` } })
  const note = await createFootnote(payload, { citedAuthors: `Cited ${XSS}`, note: `Note ${XSS}`, outlet: `Outlet ${XSS}`, title: `Title ${XSS}` })
  const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
  const hostile = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: {
      _status: 'published',
      authors: [author.id],
      category: category.id,
      content: rootNode([paragraphNode([textNode(`Body ${XSS}`)]), ...bodyCiting(note.id).root.children]) as never,
      highlights: [{ text: `Point ${XSS}` }],
      language: 'en',
      meta: { description: `Description ${XSS}` },
      title: `Hostile ${XSS} title`,
      translationGroup: group.id,
    },
  })
  slugs.hostile = hostile.slug as string
  const trDraft = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { authors: [author.id], category: category.id, language: 'tr', title: `Taslak ${SECRET}`, translationGroup: group.id },
    draft: true,
  })
  slugs.trDraft = trDraft.slug as string
  const enDraft = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { authors: [author.id], category: category.id, language: 'en', title: `Draft ${SECRET}` },
    draft: true,
  })
  slugs.enDraft = enDraft.slug as string
  const live = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { _status: 'published', authors: [author.id], category: category.id, language: 'en', title: 'Live security analysis' },
  })
  slugs.live = live.slug as string
  await payload.update({ ...asAdmin, collection: 'posts', data: { title: `Live ${NEWER}` }, draft: true, id: live.id })
  slugs.author = author.slug as string
  slugs.category = category.slug as string
})

afterAll(async () => {
  await site?.stop()
})

// Full titles, not the bare probe words: a 404 page or a search page may echo the requested URL.
const leaks = (text: string) => [`Draft ${SECRET}`, `Taslak ${SECRET}`, `Live ${NEWER}`].some((title) => text.includes(title))

describe('security headers on the public site', () => {
  it.each(['/en', '/en/feed.xml', '/sitemap.xml'])('%s', async (path) => {
    const { headers } = await get(path)
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(headers.get('x-powered-by')).toBeNull()
  })
})

describe('drafts never reach anonymous readers on the site', () => {
  it('pages, feeds, sitemap, author, category and search pages', async () => {
    const paths = [
      '/en',
      '/tr',
      '/en?draft=true',
      `/en/${slugs.hostile}`,
      `/en/${slugs.live}`,
      `/en/${slugs.live}?draft=true`,
      '/en/feed.xml',
      '/tr/feed.xml',
      '/sitemap.xml',
      '/sitemaps/pages.xml',
      '/sitemaps/posts-1.xml',
      `/en/authors/${slugs.author}`,
      `/tr/authors/${slugs.author}`,
      `/en/categories/${slugs.category}`,
      `/tr/categories/${slugs.category}`,
      `/en/search?q=${SECRET}`,
      `/tr/search?q=${SECRET}`,
    ]
    for (const path of paths) {
      const { body, status } = await get(path)
      expect(status, path).toBeLessThan(400)
      expect(leaks(body), `${path} shows a draft`).toBe(false)
    }
  })

  it('a draft URL is a 404, with or without ?draft=true', async () => {
    for (const path of [`/en/${slugs.enDraft}`, `/tr/${slugs.trDraft}`, `/en/${slugs.enDraft}?draft=true`]) {
      const { body, status } = await get(path)
      expect(status, path).toBe(404)
      expect(leaks(body)).toBe(false)
    }
  })

  it('the language switch does not offer the Turkish draft', async () => {
    const { body } = await get(`/en/${slugs.hostile}`)
    expect(body).not.toContain(`/tr/${slugs.trDraft}`)
    expect(body).not.toMatch(/hreflang="tr"/)
  })
})

describe('hostile markup is escaped', () => {
  it('in the post page (title, highlights, body, meta, author, citation)', async () => {
    const { body, status } = await get(`/en/${slugs.hostile}`)
    expect(status).toBe(200)
    expect(body).not.toContain('<script>alert("xss")</script>')
    expect(body).not.toMatch(/<img[^>]+onerror=alert/i)
    expect(body).toContain('&lt;script&gt;')
  })

  it('in the feed', async () => {
    const { body } = await get('/en/feed.xml')
    expect(body).toContain('Hostile')
    expect(body).not.toContain('<script>alert("xss")</script>')
    expect(body).not.toMatch(/<img[^>]+onerror=alert/i)
  })

  it('in author and category pages', async () => {
    for (const path of [`/en/authors/${slugs.author}`, `/en/categories/${slugs.category}`]) {
      const { body } = await get(path)
      expect(body).not.toContain('<script>alert("xss")</script>')
      expect(body).not.toMatch(/<img[^>]+onerror=alert/i)
    }
  })
})
