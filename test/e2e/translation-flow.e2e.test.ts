/**
 * The translator's flow in Debian's Chromium: an editor opens an English post, creates its
 * Türkçe version from the sidebar's Translations panel, gives it a Turkish title and
 * publishes it; the English page then offers "This post is also available in: Türkçe" and
 * the Turkish page offers English. A translator sees the panel but no Publish button.
 *
 * Needs a production build (`npx next build`, done by `npm test`) — see test/helpers/siteServer.ts.
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { logInToAdmin, openAdminPage } from '../helpers/adminSession'
import { artifactPath } from '../helpers/browser'
import { asAdmin, createUser } from '../helpers/fixtures'
import { startSiteServer } from '../helpers/siteServer'

const PANEL = '.translations-panel'
const RUN = Date.now().toString(36)

let server: SiteServer
let browser: Browser
let page: Page
let english: { id: number; slug?: null | string }
let turkishId: number | undefined
const pageErrors: string[] = []

/** The public page's language switch ("This post is also available in: …"): its links. */
async function languageSwitch(path: string) {
  const response = await fetch(`${server.baseUrl}${path}`)
  expect(response.status, path).toBe(200)
  const html = await response.text()
  const start = html.indexOf('class="language-switch"')
  const block = start === -1 ? '' : html.slice(start, html.indexOf('</p>', start))
  // React writes the attribute as `hrefLang`.
  const links = [...block.matchAll(/<a\b[^>]*\bhreflang="([^"]+)"[^>]*>([^<]*)<\/a>/gi)].map((match) => ({
    hreflang: match[1],
    text: match[2].trim(),
  }))
  return { html, links }
}

beforeAll(async () => {
  server = await startSiteServer('translation-flow', { withSeed: false })
  const { payload } = server
  english = (await payload.create({
    ...asAdmin,
    collection: 'posts',
    context: { disableRevalidate: true },
    data: {
      _status: 'published',
      content: rootNode([paragraphNode([textNode('The corridor gained weight after 2022.')])]) as never,
      highlights: [{ text: 'Shipping routes moved south.' }],
      language: 'en',
      // Unique per run: the site's data cache under .next/ outlives the test database.
      title: `The Middle Corridor After 2022 (${RUN})`,
    },
  })) as { id: number; slug?: null | string }

  const editor = await createUser(payload, 'editor')
  ;({ browser, page } = await openAdminPage(server.baseUrl, editor, pageErrors))
}, 300_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await server?.stop()
})

describe('admin: translations panel', () => {
  it('lists the languages and has no other version yet', async () => {
    const before = await languageSwitch(`/en/${english.slug}`)
    expect(before.html).not.toContain('This post is also available in')

    await page.goto(`${server.baseUrl}/admin/collections/posts/${english.id}`)
    const panel = page.locator(PANEL)
    await panel.locator('li[data-language="tr"]').waitFor({ timeout: 90_000 })
    await expect.poll(() => panel.locator('li[data-language="en"]').innerText(), { timeout: 30_000 }).toContain('(this post)')
    await page.screenshot({ path: artifactPath('translation-flow-1-panel.png') })
  })

  it('creates the Türkçe version as a draft and opens it', async () => {
    const create = page.locator(`${PANEL} li[data-language="tr"]`).getByRole('button', { name: 'Create Türkçe version' })
    await create.waitFor({ timeout: 30_000 })
    const created = page.waitForResponse((res) => res.url().endsWith(`/api/posts/${english.id}/create-translation`), {
      timeout: 60_000,
    })
    await create.click()
    const response = await created
    expect(response.status(), await response.text()).toBe(201)
    turkishId = (await response.json()).doc.id
    await page.waitForURL((url) => url.pathname === `/admin/collections/posts/${turkishId}`, { timeout: 60_000 })
    const stored = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: turkishId! })
    expect(stored).toMatchObject({ _status: 'draft', language: 'tr', translatedFrom: english.id })
  })

  it('publishes the Turkish version with its own title', async () => {
    const title = page.locator('#field-title')
    await title.waitFor({ timeout: 90_000 })
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe(`The Middle Corridor After 2022 (${RUN})`)
    await title.fill(`2022 Sonrasında Orta Koridor (${RUN})`)
    const saved = page.waitForResponse(
      (res) => res.url().includes(`/api/posts/${turkishId}`) && res.request().method() === 'PATCH',
      { timeout: 60_000 },
    )
    await page.getByRole('button', { name: 'Publish changes' }).click()
    const response = await saved
    expect(response.status(), await response.text()).toBeLessThan(400)
    const panel = page.locator(PANEL)
    await expect
      .poll(() => panel.locator('li[data-language="tr"]').innerText(), { timeout: 30_000 })
      .toContain('Published')
    await page.screenshot({ path: artifactPath('translation-flow-2-published.png') })
  })

  it('the English page offers Türkçe and the Turkish page offers English', async () => {
    const en = await languageSwitch(`/en/${english.slug}`)
    expect(en.html).toContain('This post is also available in:')
    expect(en.links).toContainEqual({ hreflang: 'tr', text: 'Türkçe' })
    const turkish = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: turkishId! })
    const tr = await languageSwitch(`/tr/${turkish.slug}`)
    expect(tr.html).toContain('Bu yazı şu dilde de mevcuttur:')
    expect(tr.links).toContainEqual({ hreflang: 'en', text: 'English' })
  })

  it('shows translators the panel but no Publish button', async () => {
    const translator = await createUser(server.payload, 'translator', { languages: ['tr'] })
    const context = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
    const other = await context.newPage()
    try {
      // The editor leaves the document, releasing Payload's edit lock.
      await page.goto(`${server.baseUrl}/admin/collections/posts`)
      await logInToAdmin(other, server.baseUrl, translator)
      await other.goto(`${server.baseUrl}/admin/collections/posts/${turkishId}`)
      await other.locator(`${PANEL} li[data-language="en"]`).waitFor({ timeout: 90_000 })
      const takeOver = other.getByRole('button', { name: 'Take over' })
      if (await takeOver.isVisible().catch(() => false)) await takeOver.click()
      await other.getByText('An editor publishes this version.').waitFor({ timeout: 30_000 })
      // Payload's publish button is `#action-save`; "Save Draft" stays.
      expect(await other.locator('#action-save').count()).toBe(0)
      expect(await other.getByRole('button', { name: /^Publish (changes|in)/ }).count()).toBe(0)
      expect(await other.getByRole('button', { name: 'Save Draft' }).count()).toBe(1)
      // Their own language only: no "Create English version" for a Türkçe translator.
      expect(await other.locator(`${PANEL} li[data-language="en"]`).getByRole('button', { name: /^Create/ }).count()).toBe(0)
      await other.screenshot({ path: artifactPath('translation-flow-3-translator.png') })
    } finally {
      await context.close()
    }
    expect(pageErrors).toEqual([])
  })
})
