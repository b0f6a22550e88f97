/**
 * Issue 13 on a production server (`next start`): malformed page and API addresses are 400s,
 * never 500s; 404 pages are titled in the page language; /favicon.ico; the header's language
 * link goes to the matching page; the search pages pass axe (distinct search landmarks); the
 * Turkish byline never starts a line with its separator at 390 px; and in the admin a
 * translator is offered only their languages and told why a refused save was refused.
 */
import type { Browser, Page } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { logInToAdmin } from '../helpers/adminSession'
import { artifactPath, launchBrowser } from '../helpers/browser'
import { startSiteServer } from '../helpers/siteServer'

const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

let site: SiteServer
let browser: Browser | undefined
const paths: Record<string, string> = {}
let translator: { email: string; password: string }
let citedNote: { id: number }

const url = (p: string) => `${site.baseUrl}${p}`

beforeAll(async () => {
  site = await startSiteServer('site_navigation', { withSeed: false })
  const { payload } = site
  const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Energy' } })
  const author = await payload.create({ ...asAdmin, collection: 'authors', data: { name: 'Ergün Mamedov Karabağlıoğlu' } })
  const second = await payload.create({ ...asAdmin, collection: 'authors', data: { name: 'Şule Yıldırımoğlu Ertuğrul' } })
  citedNote = await createFootnote(payload, { title: 'A live citation' })
  const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
  const common = { _status: 'published' as const, authors: [author.id, second.id], category: category.id, publishedAt: '2025-11-12T09:00:00.000Z', translationGroup: group.id }
  const en = await payload.create({ ...asAdmin, collection: 'posts', data: { ...common, content: bodyCiting(citedNote.id) as never, language: 'en', title: 'Gas through Türkiye' } })
  const tr = await payload.create({ ...asAdmin, collection: 'posts', data: { ...common, language: 'tr', title: 'Türkiye üzerinden gaz taşımacılığı ve Hazar enerjisi' } })
  const alone = await payload.create({ ...asAdmin, collection: 'posts', data: { _status: 'published', category: category.id, language: 'en', title: 'Only in English' } })
  paths.en = `/en/${en.slug}`
  paths.tr = `/tr/${tr.slug}`
  paths.alone = `/en/${alone.slug}`
  paths.author = `authors/${author.slug}`
  paths.category = `categories/${category.slug}`
  await createUser(payload, 'admin')
  const account = await createUser(payload, 'translator', { languages: ['tr'] })
  translator = { email: account.email, password: account.password }
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

// Launched on first use: the address and status checks above need no browser.
async function newPage(width = 1280): Promise<Page> {
  browser ??= await launchBrowser()
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { height: 900, width } })
  return context.newPage()
}

describe('malformed addresses are 400s, never 500s', () => {
  it.each(['/en/%00', '/tr/%00', '/en/a%00b', '/en/authors/%00', '/en/categories/%00', '/en/%E0%A4', '/%E0%A4', '/tr/search/%C3'])(
    'page %s',
    async (p) => {
      const response = await fetch(url(p), { redirect: 'manual' })
      const body = await response.text()
      expect(response.status, body.slice(0, 200)).toBe(400)
      expect(body).toContain('Bad request: the address cannot be read because')
    },
  )

  it('the API: a NUL in the path, a where-path through a join, a GraphQL body that is not JSON', async () => {
    const nul = await fetch(url('/api/posts/%00'))
    expect(nul.status).toBe(400)
    expect((await nul.json()).errors[0].message).toMatch(/control character/)
    const join = await fetch(url('/api/posts?where[translationGroup.posts.title][like]=a'))
    expect(join.status).toBe(400)
    expect((await join.json()).errors[0].message).toMatch(/cannot filter on "translationGroup.posts.title"/)
    const graphql = await fetch(url('/api/graphql'), { body: 'not json', headers: { 'Content-Type': 'application/json' }, method: 'POST' })
    expect(graphql.status).toBe(400)
    expect((await graphql.json()).errors[0].message).toMatch(/^The request body is not valid JSON/)
  })
})

describe('404 pages and the icon', () => {
  it.each([
    ['/en/no-such-post', 'Page not found'],
    ['/tr/boyle-bir-yazi-yok', 'Sayfa bulunamadı'],
    ['/en/authors/nobody', 'Page not found'],
  ])('%s is a 404 titled "%s"', async (p, title) => {
    const response = await fetch(url(p))
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toMatch(new RegExp(`<title>${title} — [^<]+</title>`))
    expect(html).not.toContain('<title>Policy Analyses')
  })

  it('/favicon.ico is an icon', async () => {
    const response = await fetch(url('/favicon.ico'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/)
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100)
  })
})

describe('the header language link goes to the matching page', () => {
  const headerLink = (page: Page, label: string) => page.locator('.language-menu a', { hasText: label })

  it.each([
    ['a post with a published translation', () => paths.en, 'Türkçe', () => paths.tr],
    ['its translation, back', () => paths.tr, 'English', () => paths.en],
    ['a post without a translation', () => paths.alone, 'Türkçe', () => '/tr'],
    ['an author page', () => `/en/${paths.author}`, 'Türkçe', () => `/tr/${paths.author}`],
    ['a category page', () => `/tr/${paths.category}`, 'English', () => `/en/${paths.category}`],
    ['a search, keeping the query', () => '/en/search?q=T%C3%BCrkiye%20gaz', 'Türkçe', () => '/tr/search?q=T%C3%BCrkiye%20gaz'],
    ['the home page', () => '/en', 'Türkçe', () => '/tr'],
  ])('%s', async (_name, from, label, to) => {
    const page = await newPage()
    await page.goto(url(from()))
    const link = headerLink(page, label)
    await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toBe(to())
    await link.click()
    await page.waitForURL((current) => `${current.pathname}${current.search}` === to())
    await page.context().close()
  })
})

describe('search pages and the byline', () => {
  async function axeViolations(page: Page) {
    await page.addScriptTag({ path: AXE })
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe
      return axe.run(document, { resultTypes: ['violations'] })
    })
    return (results.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }

  it.each(['/en/search', '/tr/search', '/en/search?q=gaz', '/tr/search?q=turkiye'])('%s passes axe, with distinct search landmarks', async (p) => {
    const page = await newPage()
    await page.goto(url(p))
    expect(await axeViolations(page)).toEqual([])
    const labels = await page.locator('[role="search"]').evaluateAll((forms) => forms.map((form) => form.getAttribute('aria-label')))
    expect(labels).toHaveLength(2)
    expect(new Set(labels).size).toBe(2)
    await page.context().close()
  })

  it('finds "Türkiye" when "turkiye" is typed', async () => {
    const page = await newPage()
    await page.goto(url('/tr/search?q=turkiye'))
    await expect.poll(() => page.locator('main').innerText()).toContain('Türkiye üzerinden gaz taşımacılığı')
    await page.context().close()
  })

  it('at 390 px the Turkish byline never starts a line with its separator', async () => {
    const page = await newPage(390)
    await page.goto(url(paths.tr))
    const details = page.locator('.byline__details')
    await expect.poll(() => details.innerText()).toContain('dk okuma')
    // Date and reading time stay on one line together; the separator sits between them.
    const lines = await details.evaluate((element) => {
      const tops = new Set([...element.querySelectorAll('.byline__meta')].map((meta) => Math.round(meta.getBoundingClientRect().top)))
      return tops.size
    })
    expect(lines).toBe(1)
    await page.context().close()
  })
})

describe('admin: a translator', () => {
  it('is offered only their languages for a new post', async () => {
    const page = await newPage()
    await logInToAdmin(page, site.baseUrl, translator, 90_000)
    await page.goto(url('/admin/collections/posts/create'))
    const field = page.locator('#field-language')
    await field.waitFor({ timeout: 90_000 })
    await expect.poll(() => field.innerText(), { timeout: 30_000 }).toContain('Türkçe')
    await field.locator('.rs__control').click()
    const options = await page.locator('.rs__option').allInnerTexts()
    expect(options).toEqual(['Türkçe'])
    await page.context().close()
  })

  it('is told why a change to a citation on a live page is refused', async () => {
    const page = await newPage()
    await logInToAdmin(page, site.baseUrl, translator, 90_000)
    await page.goto(url(`/admin/collections/footnotes/${citedNote.id}`))
    const title = page.locator('#field-title')
    await title.waitFor({ timeout: 90_000 })
    await title.fill('Changed by a translator')
    const saved = page.waitForResponse((res) => res.url().includes(`/api/footnotes/${citedNote.id}`) && res.request().method() === 'PATCH', { timeout: 60_000 })
    await page.keyboard.press('Control+S')
    expect((await saved).status()).toBe(403)
    // The toast (Payload's, rendered by sonner) names the citing post and the reason.
    const toast = page.locator('[data-sonner-toast]')
    await expect.poll(() => toast.allInnerTexts().then((texts) => texts.join('\n')), { timeout: 15_000 }).toContain('only editors can change it')
    expect((await toast.allInnerTexts()).join('\n')).not.toMatch(/unknown error/i)
    await page.screenshot({ path: artifactPath('translator-footnote-refused.png') })
    expect((await site.payload.findByID({ ...asAdmin, collection: 'footnotes', id: citedNote.id })).title).toBe('A live citation')
    await page.context().close()
  })
})
