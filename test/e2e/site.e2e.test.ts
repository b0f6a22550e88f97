/**
 * The public site in Chromium against a production build (`next start`) on a freshly seeded
 * database: post page anatomy in both languages at phone and desktop widths, accessibility
 * (axe), endnote navigation and previews, copy link, 404s, <head>, draft preview, and the
 * revalidation of the language switch on publish / unpublish.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { previewSecret } from '../../src/lib/site/preview'
import { escapeHtml } from '../../src/lib/site/staticMarkup'
import { artifactPath, launchBrowser } from '../helpers/browser'
import { startSiteServer } from '../helpers/siteServer'
import { clearNextCache } from './freshCache'

const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

let site: SiteServer
let browser: Browser

/** The seeded "Middle Corridor" piece: published in both languages, note ii cited twice. */
const corridor = { en: '', tr: '' }
/** The seeded customs-union piece: English published, Turkish left as a draft. */
const customs = { en: '', tr: '', trId: 0 }

const url = (p: string) => `${site.baseUrl}${p}`

async function slugOf(title: string, language: 'en' | 'tr', draft = false) {
  const { docs } = await site.payload.find({
    collection: 'posts',
    depth: 0,
    draft,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ title: { equals: title } }, { language: { equals: language } }] },
  })
  if (!docs[0]?.slug) throw new Error(`seed post "${title}" (${language}) not found`)
  return docs[0]
}

beforeAll(async () => {
  clearNextCache()
  site = await startSiteServer('site_e2e')
  browser = await launchBrowser()
  corridor.en = (await slugOf('The Middle Corridor After the Boom: Can the Caspian Carry the Weight of Expectations?', 'en')).slug!
  corridor.tr = (await slugOf('Patlamanın Ardından Orta Koridor: Hazar Beklentilerin Yükünü Taşıyabilir mi?', 'tr')).slug!
  customs.en = (await slugOf('A Thirty-Year-Old Customs Union Meets the Carbon Border', 'en')).slug!
  const trDraft = await slugOf('Otuz Yaşındaki Gümrük Birliği Karbon Sınırıyla Karşı Karşıya', 'tr', true)
  customs.tr = trDraft.slug!
  customs.trId = trDraft.id
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

async function newPage(width: number, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: in-page jumps land at once (no smooth scrolling to wait for).
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { height: 900, width }, ...options })
  const page = await context.newPage()
  return { context, page }
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE })
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const expectations = {
  en: {
    accessDate: '(Access Date: 03.12.2025)',
    also: 'This post is also available in:',
    authorsHeading: 'About the authors',
    bio: 'Dina Serikbayeva is a fellow in the Energy and Economy Programme',
    category: 'Analysis',
    copied: 'Link copied',
    copy: 'Copy link',
    date: '7 October 2025',
    endnotes: 'Endnotes',
    keyPoints: 'Key points',
    names: ['Dina SERIKBAYEVA', 'Kerem AYDINLI'],
    other: { label: 'Türkçe', lang: 'tr' },
    reading: /\d+ min read/,
    share: 'Share',
    shareNames: ['Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on WhatsApp', 'Share on Telegram', 'Share by e-mail'],
    similar: 'Similar Posts',
    title: 'The Middle Corridor After the Boom: Can the Caspian Carry the Weight of Expectations?',
  },
  tr: {
    accessDate: '(Erişim Tarihi: 03.12.2025)',
    also: 'Bu yazı şu dilde de mevcuttur:',
    authorsHeading: 'Yazarlar hakkında',
    bio: "Dina Serikbayeva, Enerji ve Ekonomi Programı'nda araştırmacıdır",
    category: 'Analiz',
    copied: 'Bağlantı kopyalandı',
    copy: 'Bağlantıyı kopyala',
    date: '7 Ekim 2025',
    endnotes: 'Son Notlar',
    keyPoints: 'Öne çıkanlar',
    names: ['Dina SERİKBAYEVA', 'Kerem AYDINLI'],
    other: { label: 'English', lang: 'en' },
    reading: /\d+ dk okuma/,
    share: 'Paylaş',
    shareNames: ['Paylaş: X', 'Paylaş: Facebook', 'Paylaş: LinkedIn', 'Paylaş: WhatsApp', 'Paylaş: Telegram', 'E-posta ile paylaş'],
    similar: 'Benzer Yazılar',
    title: 'Patlamanın Ardından Orta Koridor: Hazar Beklentilerin Yükünü Taşıyabilir mi?',
  },
} as const

describe('post page anatomy', () => {
  for (const lang of ['en', 'tr'] as const) {
    for (const width of [390, 1280]) {
      it(`${lang} at ${width}px: every part, in order, accessible`, async () => {
        const x = expectations[lang]
        const { context, page } = await newPage(width)
        const response = await page.goto(url(`/${lang}/${corridor[lang]}`), { waitUntil: 'networkidle' })
        expect(response?.status()).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)

        // category label, title, key points, byline
        const category = page.locator('.post-header__category')
        await expect(category.textContent()).resolves.toBe(x.category)
        const h1 = page.getByRole('heading', { level: 1 })
        await expect(h1.textContent()).resolves.toBe(x.title)
        const highlights = page.getByRole('region', { name: x.keyPoints })
        expect(await highlights.getByRole('listitem').count()).toBe(3)
        const byline = page.locator('.byline')
        for (const name of x.names) expect(await byline.getByRole('link', { exact: true, name }).count()).toBe(1)
        expect(await byline.locator('time').textContent()).toBe(x.date)
        expect(await byline.textContent()).toMatch(x.reading)

        // share links (plain <a>, encoded URL and title) and copy button
        const share = page.getByRole('navigation', { name: x.share })
        const pageUrl = url(`/${lang}/${corridor[lang]}`)
        for (const name of x.shareNames) {
          const link = share.getByRole('link', { exact: true, name })
          expect(await link.count()).toBe(1)
          const href = (await link.getAttribute('href'))!
          expect(href.includes(encodeURIComponent(pageUrl)) || href.includes(encodeURIComponent(`${x.title} ${pageUrl}`))).toBe(true)
        }
        expect(await share.getByRole('button', { name: x.copy }).count()).toBe(1)
        expect(await page.locator('script[src*="facebook"], script[src*="twitter"], script[src*="linkedin"]').count()).toBe(0)

        // language switch
        const sw = page.locator('.language-switch')
        expect(await sw.textContent()).toContain(x.also)
        const other = sw.getByRole('link', { exact: true, name: x.other.label })
        expect(await other.getAttribute('hreflang')).toBe(x.other.lang)
        expect(await other.getAttribute('lang')).toBe(x.other.lang)
        expect(await other.getAttribute('href')).toBe(`/${x.other.lang}/${corridor[x.other.lang]}`)

        // body with endnote references; ii is cited twice
        const refs = page.locator('.post__body a[role="doc-noteref"]')
        expect(await refs.count()).toBe(8)
        expect(await page.locator('sup#ref-i-1 > a[role="doc-noteref"][href="#note-i"]').textContent()).toBe('[i]')
        expect(await page.locator('sup#ref-ii-1').count()).toBe(1)
        expect(await page.locator('sup#ref-ii-2').count()).toBe(1)
        expect(await page.locator('#ref-iii-1 a').getAttribute('aria-describedby')).toBe('ref-iii-1-preview')

        // endnotes
        const endnotes = page.locator('section[role="doc-endnotes"]')
        expect(await endnotes.getByRole('heading', { name: x.endnotes }).count()).toBe(1)
        const items = endnotes.locator('ol > li')
        expect(await items.count()).toBe(7)
        expect(await items.evaluateAll((lis) => lis.map((li) => li.id))).toEqual(
          ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'].map((label) => `note-${label}`),
        )
        const noteIii = page.locator('#note-iii')
        expect(await noteIii.locator('.endnotes__label').textContent()).toBe('iii.')
        expect(await noteIii.textContent()).toContain('Aigerim Sadykova, “Caspian ports race to keep up with a shrinking sea”, Eurasianet')
        expect(await noteIii.textContent()).toContain(x.accessDate)
        expect(await noteIii.getByRole('link', { name: 'https://eurasianet.org/caspian-ports-race-to-keep-up-with-a-shrinking-sea' }).count()).toBe(1)
        expect(await page.locator('#note-ii a[role="doc-backlink"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
          '#ref-ii-1',
          '#ref-ii-2',
        ])

        // author boxes with bios in the page language, and similar posts
        const authors = page.getByRole('region', { name: x.authorsHeading })
        for (const name of x.names) expect(await authors.getByRole('link', { exact: true, name }).count()).toBe(1)
        expect(await authors.textContent()).toContain(x.bio)
        const similar = page.getByRole('region', { name: x.similar })
        const cards = similar.locator('article')
        expect(await cards.count()).toBeGreaterThan(0)
        expect(await cards.first().getByRole('heading', { level: 3 }).getByRole('link').count()).toBe(1)
        expect(await cards.first().locator('time').count()).toBe(1)
        // the card's category is named in the page language (the names come from the cached list)
        const cardCategory = cards.first().locator('.post-card__category a')
        expect(await cardCategory.getAttribute('href')).toMatch(new RegExp(`^/${lang}/categories/[a-z0-9-]+$`))
        expect((await cardCategory.textContent())?.trim()).toMatch(/^\D+$/)
        expect(await similar.locator(`a[href="/${lang}/${corridor[lang]}"]`).count()).toBe(0)

        // the parts come in the documented order
        const order = await page.evaluate(() => {
          const selectors = [
            '.post-header__category',
            'h1',
            '.highlights',
            '.byline',
            '.share',
            '.language-switch',
            '.post__body',
            '[role="doc-endnotes"]',
            '.author-boxes',
            '.similar-posts',
          ]
          const nodes = selectors.map((s) => document.querySelector(s))
          return nodes.every((node, i) => node && (i === 0 || nodes[i - 1]!.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING))
        })
        expect(order).toBe(true)

        // no sideways scrolling on a phone
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

        await page.screenshot({ fullPage: true, path: artifactPath(`post-${lang}-${width}.png`) })
        expect(await axeViolations(page)).toEqual([])
        await context.close()
      })
    }
  }

  it('prints the article and its notes without share links or the language switch', async () => {
    const { context, page } = await newPage(1280)
    await page.goto(url(`/en/${corridor.en}`), { waitUntil: 'networkidle' })
    await page.emulateMedia({ media: 'print' })
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display)
    expect(await display('.share')).toBe('none')
    expect(await display('.language-switch')).toBe('none')
    expect(await display('.similar-posts')).toBe('none')
    expect(await display('.site-header__tools')).toBe('none')
    expect(await display('[role="doc-endnotes"]')).not.toBe('none')
    expect(await display('.author-boxes')).not.toBe('none')
    // Note URLs are printed in full (they are the link text).
    expect(await page.locator('#note-iii').textContent()).toContain('https://eurasianet.org/caspian-ports-race-to-keep-up-with-a-shrinking-sea')
    await page.screenshot({ fullPage: true, path: artifactPath('post-en-print.png') })
    await page.pdf({ path: artifactPath('post-en.pdf') })
    await context.close()
  })

  it('other pages pass axe too (home, author, category, search, 404)', async () => {
    const { context, page } = await newPage(1280)
    for (const p of ['/en', '/tr', '/en/authors/kerem-aydinli', '/tr/categories/analysis', '/en/search?q=corridor', '/tr/yok-boyle-bir-yazi']) {
      await page.goto(url(p), { waitUntil: 'networkidle' })
      expect([p, await axeViolations(page)]).toEqual([p, []])
    }
    await page.goto(url('/en'), { waitUntil: 'networkidle' })
    await page.screenshot({ fullPage: true, path: artifactPath('home-en-1280.png') })
    await context.close()
  })
})

describe('endnotes in the browser', () => {
  it('[iii] leads to note iii, whose back link returns to the reference', async () => {
    const { context, page } = await newPage(1280)
    await page.goto(url(`/en/${corridor.en}`), { waitUntil: 'networkidle' })
    await page.locator('#ref-iii-1 a').click()
    await page.waitForFunction(() => location.hash === '#note-iii')
    const inViewport = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect()
        return r.top >= 0 && r.bottom <= window.innerHeight
      })
    expect(await inViewport('#note-iii')).toBe(true)
    await page.locator('#note-iii a[role="doc-backlink"]').click()
    await page.waitForFunction(() => location.hash === '#ref-iii-1')
    expect(await inViewport('#ref-iii-1')).toBe(true)
    // The second citation of note ii has its own way back.
    await page.locator('#note-ii a[role="doc-backlink"][href="#ref-ii-2"]').click()
    await page.waitForFunction(() => location.hash === '#ref-ii-2')
    expect(await inViewport('#ref-ii-2')).toBe(true)
    await context.close()
  })

  it('the note preview opens on keyboard focus and on hover, and closes with Escape', async () => {
    const { context, page } = await newPage(1280)
    await page.goto(url(`/en/${corridor.en}`), { waitUntil: 'networkidle' })
    const tooltip = page.locator('#ref-i-1-preview')
    expect(await tooltip.isVisible()).toBe(false)
    // Tab from the language switch into the body until the first reference has focus.
    await page.locator('.language-switch a').focus()
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => document.activeElement?.getAttribute('href') === '#note-i')) break
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#note-i')
    await tooltip.waitFor({ state: 'visible' })
    expect(await tooltip.getAttribute('role')).toBe('tooltip')
    expect(await tooltip.textContent()).toContain('Middle Corridor')
    await page.screenshot({ path: artifactPath('note-preview-focus-1280.png') })
    await page.keyboard.press('Escape')
    await tooltip.waitFor({ state: 'hidden' })

    const second = page.locator('#ref-ii-1-preview')
    await page.locator('#ref-ii-1 a').hover()
    await second.waitFor({ state: 'visible' })
    expect(await second.textContent()).toContain('World Bank')
    // The preview stays inside the viewport.
    const box = (await second.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(1280)
    await context.close()
  })

  it('on touch, the first tap shows the preview and the second follows the link', async () => {
    const { context, page } = await newPage(390, { hasTouch: true, isMobile: true })
    await page.goto(url(`/en/${corridor.en}`), { waitUntil: 'networkidle' })
    const link = page.locator('#ref-iii-1 a')
    await link.scrollIntoViewIfNeeded()
    await link.tap()
    await page.locator('#ref-iii-1-preview').waitFor({ state: 'visible' })
    expect(await page.evaluate(() => location.hash)).toBe('')
    await page.screenshot({ path: artifactPath('note-preview-touch-390.png') })
    await link.tap()
    await page.waitForFunction(() => location.hash === '#note-iii')
    await context.close()
  })
})

describe('copy link', () => {
  it('copies the post URL and says so', async () => {
    const { context, page } = await newPage(1280, { permissions: ['clipboard-read', 'clipboard-write'] })
    await page.goto(url(`/tr/${corridor.tr}`), { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Bağlantıyı kopyala' }).click()
    await page.getByRole('status').filter({ hasText: 'Bağlantı kopyalandı' }).waitFor({ state: 'visible' })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url(`/tr/${corridor.tr}`))
    await context.close()
  })
})

describe('status codes', () => {
  it('unknown language, post, author, category and deeper paths answer 404 with the localized page', async () => {
    for (const p of ['/xx', '/xx/anything', '/en/no-such-post', '/en/authors/nobody', '/tr/categories/yok', '/en/a/b/c', '/en?page=99', '/xx/feed.xml']) {
      const response = await fetch(url(p), { redirect: 'manual' })
      expect([p, response.status]).toEqual([p, 404])
    }
    // Next 16 sends notFound() pages as a client-rendered shell (vercel/next.js#62228): check
    // the localized page as a reader's browser shows it.
    const { context, page } = await newPage(390)
    const response = await page.goto(url('/tr/boyle-bir-yazi-yok'), { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(404)
    expect(await page.getAttribute('html', 'lang')).toBe('tr')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sayfa bulunamadı')
    expect(await page.getByRole('link', { name: 'Son yazılara dön' }).getAttribute('href')).toBe('/tr')
    await page.screenshot({ path: artifactPath('not-found-tr-390.png') })
    await page.goto(url('/en/authors/nobody'), { waitUntil: 'networkidle' })
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    await context.close()
  })

  it('a draft is not public: 404 at its URL', async () => {
    expect((await fetch(url(`/tr/${customs.tr}`))).status).toBe(404)
  })

  it('/ redirects to the default language', async () => {
    const response = await fetch(url('/'), { redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/en')
  })

  it('listing, author, category and search pages render', async () => {
    const home = await (await fetch(url('/tr'))).text()
    expect(home).toContain('Son Yazılar')
    expect(home).not.toContain(customs.tr)
    const author = await (await fetch(url('/tr/authors/dina-serikbayeva'))).text()
    expect(author).toContain('Enerji ve Ekonomi Programı')
    const category = await (await fetch(url('/en/categories/commentary'))).text()
    expect(category).toContain(customs.en)
    const filtered = await (await fetch(url('/en?category=commentary'))).text()
    expect(filtered).toContain(customs.en)
    expect(filtered).not.toContain(corridor.en)
    const search = await (await fetch(url('/en/search?q=caspian'))).text()
    expect(search).toContain(corridor.en)
  })
})

describe('<head>', () => {
  async function head(p: string) {
    const { context, page } = await newPage(1280)
    await page.goto(url(p))
    const data = await page.evaluate(() => ({
      alternates: Object.fromEntries(
        [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
      ),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
      meta: Object.fromEntries(
        [...document.querySelectorAll('meta[property], meta[name]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')]),
      ),
      title: document.title,
    }))
    await context.close()
    return data
  }

  it('canonical, hreflang for each published version + x-default, Open Graph, Twitter, JSON-LD', async () => {
    const h = await head(`/tr/${corridor.tr}`)
    expect(h.title).toContain('Patlamanın Ardından Orta Koridor')
    expect(h.canonical).toBe(url(`/tr/${corridor.tr}`))
    expect(h.alternates).toEqual({
      en: url(`/en/${corridor.en}`),
      tr: url(`/tr/${corridor.tr}`),
      'x-default': url(`/en/${corridor.en}`),
    })
    expect(h.description).toBeTruthy()
    expect(h.meta['og:type']).toBe('article')
    expect(h.meta['og:url']).toBe(url(`/tr/${corridor.tr}`))
    expect(h.meta['og:locale']).toBe('tr_TR')
    expect(h.meta['og:title']).toContain('Orta Koridor')
    expect(h.meta['twitter:card']).toBe('summary')
    expect(h.jsonLd).toHaveLength(1)
    expect(h.jsonLd[0]).not.toMatch(/<\/?script/i)
    const article = JSON.parse(h.jsonLd[0])
    expect(article['@type']).toBe('Article')
    expect(article.headline).toContain('Orta Koridor')
    expect(article.inLanguage).toBe('tr')
    expect(article.author.map((a: { name: string }) => a.name)).toEqual(['Dina Serikbayeva', 'Kerem Aydınlı'])
    expect(article.datePublished).toBe('2025-10-07T08:00:00.000Z')
    expect(article.citation).toHaveLength(7)
    expect(article.citation[2].url).toBe('https://eurasianet.org/caspian-ports-race-to-keep-up-with-a-shrinking-sea')
  })

  it('a post whose translation is a draft lists only itself (and x-default), and shows no switch', async () => {
    const h = await head(`/en/${customs.en}`)
    expect(h.alternates).toEqual({ en: url(`/en/${customs.en}`), 'x-default': url(`/en/${customs.en}`) })
    const html = await (await fetch(url(`/en/${customs.en}`))).text()
    expect(html).not.toContain('This post is also available in')
    expect(html).not.toContain(customs.tr)
  })
})

describe('draft preview', () => {
  const previewUrl = (secret: string, path = `/tr/${customs.tr}`) =>
    url(`/api/preview?secret=${encodeURIComponent(secret)}&path=${encodeURIComponent(path)}`)
  const cookiesOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  // What a browser sends with a same-site navigation; Payload wants it with cookie sessions.
  const sameOrigin = { 'Sec-Fetch-Site': 'same-origin' }

  it('refuses a wrong secret, an anonymous visitor and a foreign redirect', async () => {
    expect((await fetch(previewUrl('wrong'), { redirect: 'manual' })).status).toBe(401)
    expect((await fetch(previewUrl(previewSecret()), { headers: sameOrigin, redirect: 'manual' })).status).toBe(403)
    const login = await fetch(url('/api/users/login'), {
      body: JSON.stringify({ email: 'editor@example.com', password: 'editor-demo-2025' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const session = cookiesOf(login)
    for (const path of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const response = await fetch(previewUrl(previewSecret(), path), { headers: { ...sameOrigin, cookie: session }, redirect: 'manual' })
      expect([path, response.status]).toEqual([path, 400])
    }
    // With secret and session: draft mode on, back to the page.
    const enable = await fetch(previewUrl(previewSecret()), { headers: { ...sameOrigin, cookie: session }, redirect: 'manual' })
    expect(enable.status).toBe(307)
    expect(enable.headers.get('location')).toBe(`/tr/${customs.tr}`)
    const bypass = cookiesOf(enable)
    expect(bypass).toContain('__prerender_bypass=')
    // Draft mode without a signed-in editor shows nothing unpublished.
    expect((await fetch(url(`/tr/${customs.tr}`), { headers: { ...sameOrigin, cookie: bypass } })).status).toBe(404)
  })

  it('a signed-in editor sees the latest draft with a banner, and can leave preview', async () => {
    const { context, page } = await newPage(1280)
    const login = await context.request.post(url('/api/users/login'), {
      data: { email: 'editor@example.com', password: 'editor-demo-2025' },
    })
    expect(login.status()).toBe(200)
    const response = await page.goto(previewUrl(previewSecret()), { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe(`/tr/${customs.tr}`)
    const banner = page.locator('.preview-banner')
    expect(await banner.textContent()).toContain('Önizleme — yayımlanmadı')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Otuz Yaşındaki Gümrük Birliği Karbon Sınırıyla Karşı Karşıya')
    expect(await page.locator('meta[name="robots"]').first().getAttribute('content')).toContain('noindex')
    await page.screenshot({ path: artifactPath('preview-tr-1280.png') })
    // In the admin's Live Preview (a same-origin frame) the listener, loaded only with the banner,
    // announces itself to the editor's window.
    const ready = await page.evaluate(
      (src) =>
        new Promise<boolean>((resolve) => {
          window.addEventListener('message', (event) => {
            const data = event.data as { ready?: boolean; type?: string } | null
            if (data?.type === 'payload-live-preview' && data.ready) resolve(true)
          })
          const frame = document.createElement('iframe')
          frame.src = src
          document.body.append(frame)
          setTimeout(() => resolve(false), 20_000)
        }),
      `/tr/${customs.tr}`,
    )
    expect(ready).toBe(true)
    // The public never sees it.
    expect((await fetch(url(`/tr/${customs.tr}`))).status).toBe(404)

    const exited = page.waitForResponse((r) => new URL(r.url()).pathname === `/tr/${customs.tr}`)
    await banner.getByRole('button', { name: 'Önizlemeden çık' }).click()
    expect((await exited).status()).toBe(404)
    await context.close()
  })
})

describe('revalidation', () => {
  it('publishing and unpublishing a translation updates the other version’s switch and hreflang', async () => {
    const page = `/en/${customs.en}`
    // Warm the ISR cache: no switch while the Turkish version is a draft.
    expect(await (await fetch(url(page))).text()).not.toContain('This post is also available in')
    expect(await (await fetch(url(page))).text()).not.toContain('This post is also available in')

    const login = await fetch(url('/api/users/login'), {
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-demo-2025' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const { token } = (await login.json()) as { token: string }
    const patch = (status: 'draft' | 'published') =>
      fetch(url(`/api/posts/${customs.trId}`), {
        body: JSON.stringify({ _status: status }),
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        method: 'PATCH',
      })

    expect((await patch('published')).status).toBe(200)
    const published = await (await fetch(url(page))).text()
    expect(published).toContain('This post is also available in')
    expect(published).toContain(`href="/tr/${customs.tr}"`)
    expect((await fetch(url(`/tr/${customs.tr}`))).status).toBe(200)

    expect((await patch('draft')).status).toBe(200)
    const unpublished = await (await fetch(url(page))).text()
    expect(unpublished).not.toContain('This post is also available in')
    expect((await fetch(url(`/tr/${customs.tr}`))).status).toBe(404)
  })
})

describe('forced renders never show an older version', () => {
  // Next's draft-mode cookie without a staff session: every request renders the published
  // post (no full-route cache, no data cache), so only the page's in-process caches (the body
  // per version, similar posts per change marker) stand between a save and the reader.
  const bypass = () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../.next/prerender-manifest.json'), 'utf8'))
    return { cookie: `__prerender_bypass=${manifest.preview.previewModeId}` }
  }
  const render = async (page: string) => {
    const response = await fetch(url(page), { headers: bypass() })
    expect(response.status).toBe(200)
    return response.text()
  }
  const similarSection = (html: string) => {
    const start = html.indexOf('class="similar-posts"')
    return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start))
  }

  it('a saved body, an edited footnote record, a new and a deleted similar post show on the next render', async () => {
    const page = `/en/${corridor.en}`
    const admin = { overrideAccess: true } as const
    const post = (await site.payload.find({ ...admin, collection: 'posts', depth: 0, limit: 1, where: { slug: { equals: corridor.en } } })).docs[0]!
    const original = structuredClone(post.content)
    const firstText = (content: unknown) => (content as { root: { children: { children: { text?: string }[] }[] } }).root.children[0]!.children[0]!
    // rendered twice: the second render is served by the caches
    await render(page)
    const before = await render(page)
    // the opening as the HTML writes it (apostrophes and quotes escaped)
    const oldText = escapeHtml(firstText(post.content).text!.slice(0, 60))
    expect(before).toContain(oldText)

    try {
      // 1. the body (saved by another process than the server's: no revalidation reaches it)
      const content = structuredClone(post.content)
      firstText(content).text = 'A rewritten opening sentence that only the new version has.'
      await site.payload.update({ ...admin, collection: 'posts', data: { content }, id: post.id })
      const rewritten = await render(page)
      expect(rewritten).toContain('A rewritten opening sentence that only the new version has.')
      expect(rewritten).not.toContain(oldText)

      // 2. a footnote record edited on its own: the endnote preview in the body follows
      const noteId = (post.endnotes ?? [])[0]!.footnote as number | { id: number }
      const footnoteId = typeof noteId === 'object' ? noteId.id : noteId
      const footnote = await site.payload.findByID({ ...admin, collection: 'footnotes', depth: 0, id: footnoteId })
      await site.payload.update({ ...admin, collection: 'footnotes', data: { title: 'A Renamed Source For The Preview' }, id: footnoteId })
      const renamed = await render(page)
      expect(renamed.match(/<span class="noteref__preview"[^>]*id="ref-i-1-preview"[^>]*>.*?<\/span><\/sup>/)?.[0]).toContain('A Renamed Source For The Preview')
      await site.payload.update({ ...admin, collection: 'footnotes', data: { title: footnote.title }, id: footnoteId })

      // 3. a new published post that reads like this one becomes a similar post at once…
      const twinTitle = 'Twin of the corridor piece for the similar-posts cache'
      expect(similarSection(await render(page))).not.toContain(twinTitle)
      const twin = await site.payload.create({
        ...admin,
        collection: 'posts',
        data: { _status: 'published', authors: post.authors, category: post.category, content: original, language: 'en', publishedAt: new Date().toISOString(), title: twinTitle },
      })
      try {
        expect(similarSection(await render(page))).toContain(twinTitle)
      } finally {
        // …and a deleted one leaves it at once
        await site.payload.delete({ ...admin, collection: 'posts', id: twin.id })
      }
      expect(similarSection(await render(page))).not.toContain(twinTitle)
    } finally {
      await site.payload.update({ ...admin, collection: 'posts', data: { content: original }, id: post.id })
    }
    expect(await render(page)).toContain(oldText)
  })
})
