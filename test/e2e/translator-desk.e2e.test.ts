/**
 * The translator's desk in Chromium: an editor downloads the XLIFF file of an English post from
 * the translations panel, a translated file is imported through the panel's "Import XLIFF" (the
 * Turkish draft opens), the source changes, the Compare tab shows the change as a word diff
 * beside the translation and "Mark up to date" clears it; the translation dashboard counts
 * the versions and lists the piece.
 *
 * Needs a production build (`npm run build`, done by `npm test`) — see test/helpers/siteServer.ts.
 */
import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { readXliff } from '../../src/plugin/xliff/read'
import { openAdminPage } from '../helpers/adminSession'
import { artifactPath } from '../helpers/browser'
import { asAdmin, createUser } from '../helpers/fixtures'
import { startSiteServer } from '../helpers/siteServer'
import { createTranslatablePost, fillTargets, turkishOf } from '../helpers/xliffFixtures'

const PANEL = '.translations-panel'
const RUN = Date.now().toString(36)

let server: SiteServer
let browser: Browser
let page: Page
let english: { id: number; updatedAt: string }
let turkishId: number
const pageErrors: string[] = []
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translator-desk-'))

beforeAll(async () => {
  server = await startSiteServer('translator-desk', { withSeed: false })
  english = (await createTranslatablePost(server.payload, `Trade on the Middle Corridor (${RUN})`)).post as never
  const editor = await createUser(server.payload, 'editor')
  ;({ browser, page } = await openAdminPage(server.baseUrl, editor, pageErrors, { acceptDownloads: true }))
}, 300_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await server?.stop()
  fs.rmSync(dir, { force: true, recursive: true })
})

describe('admin: XLIFF buttons in the translations panel', () => {
  it('exports the English post for Türkçe as XLIFF 2.1', async () => {
    await page.goto(`${server.baseUrl}/admin/collections/posts/${english.id}`)
    const actions = page.locator(`${PANEL} li[data-language="tr"] .xliff-actions`)
    await actions.waitFor({ timeout: 90_000 })
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), actions.getByText('Export XLIFF').click()])
    const file = path.join(dir, 'export.xlf')
    await download.saveAs(file)
    expect(download.suggestedFilename()).toMatch(/\.en-tr\.xlf$/)
    const doc = readXliff(fs.readFileSync(file, 'utf8'))
    expect(doc).toMatchObject({ original: `posts/${english.id}`, sourceLanguage: 'en', targetLanguage: 'tr', version: '2.1' })
    expect(doc.units[0].source).toEqual([{ kind: 'text', text: `Trade on the Middle Corridor (${RUN})` }])
  })

  it('imports the translated file into a new Türkçe draft and opens it', async () => {
    const translated = path.join(dir, 'translated.xlf')
    fs.writeFileSync(translated, fillTargets(fs.readFileSync(path.join(dir, 'export.xlf'), 'utf8')))
    const imported = page.waitForResponse((res) => res.url().endsWith(`/api/posts/${english.id}/xliff`) && res.request().method() === 'POST', { timeout: 60_000 })
    await page.locator(`${PANEL} li[data-language="tr"] .xliff-actions input[type="file"]`).setInputFiles(translated)
    const response = await imported
    expect(response.status(), await response.text()).toBe(201)
    turkishId = (await response.json()).id
    await page.waitForURL((url) => url.pathname === `/admin/collections/posts/${turkishId}`, { timeout: 60_000 })
    const title = page.locator('#field-title')
    await expect.poll(() => title.inputValue(), { timeout: 60_000 }).toBe(turkishOf(`Trade on the Middle Corridor (${RUN})`))
    const stored = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: turkishId })
    expect(stored).toMatchObject({ _status: 'draft', language: 'tr', translatedFrom: english.id, translationStatus: 'up-to-date' })
    await page.screenshot({ path: artifactPath('translator-desk-1-imported.png') })
  })
})

describe('admin: compare view', () => {
  it("shows the source's change beside the translation and marks it up to date", async () => {
    const source = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: english.id })
    const content = structuredClone(source.content) as any
    content.root.children[2].children[0].text = 'Transit volumes tripled.'
    await server.payload.update({ ...asAdmin, collection: 'posts', context: { disableRevalidate: true }, data: { content }, id: english.id })

    await page.goto(`${server.baseUrl}/admin/collections/posts/${turkishId}/compare`)
    const changed = page.locator('.compare-view__row--changed')
    await changed.first().waitFor({ timeout: 90_000 })
    expect(await changed.count()).toBe(1)
    expect(await changed.getAttribute('data-unit')).toBe('body-3')
    expect(await changed.locator('del').allInnerTexts()).toEqual(['doubled'])
    expect(await changed.locator('ins').allInnerTexts()).toEqual(['tripled'])
    expect(await changed.locator('td').nth(1).innerText()).toBe(`${turkishOf('Transit volumes doubled.')}[ii]${turkishOf(' Ports expanded.')}[i]`)
    const unchanged = page.locator('.compare-view__row[data-unit="title"] td')
    expect(await unchanged.nth(1).innerText()).toBe(turkishOf(`Trade on the Middle Corridor (${RUN})`))
    await page.screenshot({ path: artifactPath('translator-desk-2-compare.png') })

    const marked = page.waitForResponse((res) => res.url().endsWith(`/api/posts/${turkishId}/mark-up-to-date`), { timeout: 60_000 })
    await page.getByRole('button', { name: 'Mark up to date' }).click()
    expect((await marked).status()).toBe(200)
    await page.getByText('The source has not changed since this translation was made.').waitFor({ timeout: 30_000 })
    expect(await page.locator('.compare-view__row--changed').count()).toBe(0)
    const stored = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: turkishId })
    expect(stored.translationStatus).toBe('up-to-date')
  })
})

describe('admin: translation dashboard', () => {
  it('counts the versions and lists the piece with its Türkçe draft', async () => {
    await page.goto(`${server.baseUrl}/admin/translation-dashboard`)
    const row = page.locator(`.translation-dashboard__pieces tr[data-piece="${english.id}"]`)
    await row.waitFor({ timeout: 90_000 })
    expect(await row.locator('td[data-language="tr"]').getAttribute('data-status')).toBe('draft')
    expect(await row.locator('td[data-language="en"]').getAttribute('data-status')).toBe('original')
    expect(await page.locator('.translation-dashboard__counts tr[data-language="tr"] td[data-status="draft"]').innerText()).toBe('1')
    await row.locator('td[data-language="tr"]').getByText('Compare').click()
    await page.waitForURL((url) => url.pathname === `/admin/collections/posts/${turkishId}/compare`, { timeout: 60_000 })
    await page.locator('.compare-view__row').first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: artifactPath('translator-desk-3-dashboard.png') })
    expect(pageErrors).toEqual([])
  })
})
