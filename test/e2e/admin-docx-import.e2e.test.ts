/**
 * Importing a Word manuscript in the admin: choose the .docx saved by LibreOffice Writer
 * (test/fixtures/docx/libreoffice) in the posts list's "Import article" panel, see what will be
 * created, import it, open the created draft and find its endnotes numbered i, ii, iii both in
 * the editor and in the compact endnotes list. Also the plain-text path (problems listed, then
 * "Import anyway") and the footnotes list's citation-library import, including a refused file.
 *
 * Needs a production build (`npx next build`, done by `npm test`) — see test/helpers/siteServer.ts.
 */
import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { artifactPath } from '../helpers/browser'
import { openAdminPage } from '../helpers/adminSession'
import { asAdmin, createUser } from '../helpers/fixtures'
import { startSiteServer } from '../helpers/siteServer'

const MANUSCRIPT = path.join(import.meta.dirname, '../fixtures/docx/libreoffice/manuscript.tr.docx')
const MALFORMED_TEXT = path.join(import.meta.dirname, '../fixtures/articles/malformed.en.txt')
const CITATION_LIBRARY = path.join(import.meta.dirname, '../fixtures/citations/library.bib')
const REF = '.rich-text-lexical [data-lexical-editor="true"] .policy-endnote__ref'

let server: SiteServer
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  server = await startSiteServer('admin-docx-import', { withSeed: false })
  const editor = await createUser(server.payload, 'editor')
  ;({ browser, page } = await openAdminPage(server.baseUrl, editor, pageErrors))
}, 300_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await server?.stop()
})

describe('admin: import a Word .docx', () => {
  let draftUrl: string

  it('shows what the .docx will create before writing anything', async () => {
    await page.goto(`${server.baseUrl}/admin/collections/posts`)
    await page.getByRole('button', { name: 'Import article' }).click()
    const panel = page.locator('section[aria-label^="Import an article"]')
    await panel.getByLabel('Or choose a .txt or Word .docx file').setInputFiles(MANUSCRIPT)
    await panel.getByLabel('Language').selectOption('tr')
    await panel.getByRole('button', { name: 'Show what will be created' }).click()
    const preview = page.getByTestId('docx-preview')
    await preview.waitFor({ timeout: 60_000 })
    await expect.poll(() => preview.innerText()).toContain('Karadeniz’de Güvenlik: İstanbul Boğazı ve Işık Limanları')
    const text = await preview.innerText()
    expect(text).toContain('Notes (3)')
    expect(text).toContain('Gülşen Erdoğan, “Montrö Sözleşmesi ve Boğazlar”, Uluslararası Hukuk Notları')
    expect(text).toContain('Boğazlardan geçiş rejimi değişmedi.')
    await page.screenshot({ path: artifactPath('admin-docx-import-1-preview.png') })
    expect((await server.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBe(0)
  })

  it('imports it as a draft and links to it', async () => {
    await page.getByRole('button', { name: 'Import as a draft' }).click()
    const link = page.getByRole('link', { name: 'Open the draft' })
    await link.waitFor({ timeout: 60_000 })
    draftUrl = (await link.getAttribute('href')) ?? ''
    expect(draftUrl).toMatch(/\/admin\/collections\/posts\/\d+$/)
    const posts = await server.payload.find({ ...asAdmin, collection: 'posts', draft: true })
    expect(posts.docs.map((post) => [post.title, post._status, post.language])).toEqual([
      ['Karadeniz’de Güvenlik: İstanbul Boğazı ve Işık Limanları', 'draft', 'tr'],
    ])
  })

  it('opens the draft with its endnotes numbered i, ii, iii in the body and in the endnotes list', async () => {
    await page.getByRole('link', { name: 'Open the draft' }).click()
    await page.waitForURL((url) => url.pathname === draftUrl, { timeout: 60_000 })
    await page.locator(REF).first().waitFor({ timeout: 60_000 })
    expect(await page.locator(REF).allTextContents()).toEqual(['[i]', '[ii]', '[iii]'])

    const list = page.getByTestId('endnotes-list')
    await list.scrollIntoViewIfNeeded()
    expect(await list.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-label')))).toEqual(['i', 'ii', 'iii'])
    await expect.poll(() => list.locator('li').first().innerText(), { timeout: 30_000 }).toContain(
      'Gülşen Erdoğan, “Montrö Sözleşmesi ve Boğazlar”, Uluslararası Hukuk Notları, https://uhn.example.org.tr/montro-lo, (Erişim Tarihi: 03.02.2025).',
    )
    expect(await list.locator('li').nth(2).innerText()).toContain('The Montreux Convention has governed the Straits since 1936')
    const recordLink = await list.locator('li a').first().getAttribute('href')
    expect(recordLink).toMatch(/\/admin\/collections\/footnotes\/\d+$/)
    // One line per note, not three stacked inputs: the whole list stays short.
    expect((await list.boundingBox())!.height).toBeLessThan(300)
    await page.screenshot({ fullPage: true, path: artifactPath('admin-docx-import-2-draft.png') })
    expect(pageErrors).toEqual([])
  })

  it('fills a new footnote\'s fields from one pasted citation, without saving', async () => {
    const before = (await server.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs
    await page.goto(`${server.baseUrl}/admin/collections/footnotes/create`)
    const box = page.getByLabel('Paste a formatted citation to fill the fields below')
    await box.waitFor({ timeout: 60_000 })
    await box.fill('Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/putin-azerbaijan, (Access Date: 24.12.2025).')
    await page.getByRole('button', { name: 'Fill the fields' }).click()
    await expect.poll(() => page.locator('#field-citedAuthors').inputValue()).toBe('Emil Avdaliani')
    expect(await page.locator('#field-title').inputValue()).toBe('Putin Seeks to Solve His Azerbaijan Problem')
    expect(await page.locator('#field-outlet').inputValue()).toBe('CEPA')
    expect(await page.locator('#field-url').inputValue()).toBe('https://cepa.org/article/putin-azerbaijan')
    expect(await page.locator('#field-accessedAt input').inputValue()).toBe('24.12.2025')
    expect((await server.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs).toBe(before)
  })
})

describe('admin: import pasted text and a citation library', () => {
  it('lists the problems of a pasted article, and imports it when told to', async () => {
    await page.goto(`${server.baseUrl}/admin/collections/posts`)
    await page.getByRole('button', { name: 'Import article' }).click()
    const panel = page.locator('section[aria-label^="Import an article"]')
    await panel.getByLabel('Paste the article').fill(fs.readFileSync(MALFORMED_TEXT, 'utf8'))
    await panel.getByRole('button', { name: 'Check and import' }).click()
    const problems = panel.locator('[role="alert"]')
    await expect.poll(() => problems.innerText(), { timeout: 60_000 }).toContain('The text has 8 problem(s). Nothing was imported.')
    expect(await problems.innerText()).toContain('Line 13: note [iii] has an impossible access date "31.02.2025"')
    const before = (await server.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs
    await panel.getByRole('button', { name: 'Import anyway' }).click()
    await panel.getByRole('link', { name: 'Open the draft' }).waitFor({ timeout: 60_000 })
    expect(await panel.locator('[role="status"]').innerText()).toContain('Imported as a draft: 4 new citation record(s), 0 existing one(s) reused.')
    expect((await server.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBe(before + 1)
  })

  it("imports a BibTeX library from the footnotes list, and shows the server's reason for a file it cannot read", async () => {
    const before = (await server.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs
    await page.goto(`${server.baseUrl}/admin/collections/footnotes`)
    const chooser = page.getByLabel('Import citations from a BibTeX, RIS or CSL-JSON file')
    await chooser.setInputFiles(CITATION_LIBRARY)
    const done = page.locator('p[role="status"]')
    await done.waitFor({ timeout: 60_000 })
    const [, created, reused] = /^(\d+) citation record\(s\) created, (\d+) existing one\(s\) reused\.$/.exec(await done.innerText()) ?? []
    expect(Number(created) + Number(reused)).toBe(3)
    expect((await server.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs).toBe(before + Number(created))

    await chooser.setInputFiles({ buffer: Buffer.from('Just a few notes.'), mimeType: 'text/plain', name: 'notes.txt' })
    const refused = page.locator('p[role="alert"]')
    await expect.poll(() => refused.innerText(), { timeout: 60_000 }).toMatch(/not a citation library/)
    expect(pageErrors).toEqual([])
  })
})
