/**
 * The endnote feature in the admin's Lexical editor, driven in Debian's Chromium:
 * insert references from the inline toolbar and the slash menu, pick footnotes in the
 * searchable drawer, see the live `[i]`, `[ii]` numbering (first appearance, repeated
 * citations share a number), save, reload, change and remove a reference.
 *
 * Needs a production build (`npx next build`, done by `npm test`) — see test/helpers/siteServer.ts.
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { endnoteNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { openAdminPage } from '../helpers/adminSession'
import { artifactPath } from '../helpers/browser'
import { asAdmin, createFootnote, createUser } from '../helpers/fixtures'
import { startSiteServer } from '../helpers/siteServer'

const EDITOR = '.rich-text-lexical [data-lexical-editor="true"]'
const REF = `${EDITOR} .policy-endnote__ref`

let server: SiteServer
let browser: Browser
let page: Page
let alpha: { id: number | string; label?: null | string }
let beta: { id: number | string; label?: null | string }
let postId: number | string
const pageErrors: string[] = []

/** The numbers shown in the editor, in document order, e.g. ['[i]', '[ii]', '[ii]']. */
const shownNumbers = () => page.locator(REF).allTextContents()
/** The citation labels shown on hover, in document order. */
const shownTitles = () => page.locator(REF).evaluateAll((els) => els.map((el) => el.getAttribute('title')))
const waitForRefCount = (count: number) =>
  page.waitForFunction(
    ({ count, selector }) => document.querySelectorAll(selector).length === count,
    { count, selector: REF },
    { timeout: 30_000 },
  )

/** Picks the footnote whose label contains `text` in the open list drawer, using its search. */
async function pickInDrawer(search: string, text: string): Promise<void> {
  const drawer = page.locator('.list-drawer').last()
  await drawer.locator('#search-filter-input').waitFor({ timeout: 60_000 })
  await drawer.locator('#search-filter-input').fill(search)
  const row = drawer.locator('table tbody tr', { hasText: text })
  await row.first().waitFor({ timeout: 30_000 })
  await row.first().getByText(text, { exact: false }).first().click()
  await drawer.waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined)
}

async function saveDraft(): Promise<void> {
  const saved = page.waitForResponse(
    (res) => /\/api\/posts\/[^/?]+/.test(res.url()) && ['PATCH', 'POST'].includes(res.request().method()),
    { timeout: 60_000 },
  )
  await page.getByRole('button', { name: 'Save Draft' }).click()
  const response = await saved
  expect(response.status(), await response.text()).toBeLessThan(400)
}

beforeAll(async () => {
  server = await startSiteServer('admin-endnote', { withSeed: false })
  const { payload } = server
  alpha = await createFootnote(payload, {
    citedAuthors: 'Aylin Alpha',
    outlet: 'Alpha Review',
    title: 'Alpha Report on Corridors',
  })
  beta = await createFootnote(payload, {
    citedAuthors: 'Boris Beta',
    outlet: 'Beta Quarterly',
    title: 'Beta Study of Pipelines',
  })
  const post = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: {
      _status: 'draft',
      content: rootNode([
        paragraphNode([
          textNode('Opening sentence cites Beta.'),
          endnoteNode(beta.id),
          textNode(' Closing sentence.'),
        ]),
      ]) as never,
      language: 'en',
      title: 'Endnote editor e2e',
    },
    draft: true,
  })
  postId = post.id

  const admin = await createUser(payload, 'admin')
  ;({ browser, page } = await openAdminPage(server.baseUrl, admin, pageErrors))
}, 300_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await server?.stop()
})

describe('admin: endnote references in the post body', () => {
  it('shows stored references with their live number and citation label', async () => {
    await page.goto(`${server.baseUrl}/admin/collections/posts/${postId}`)
    await page.locator(REF).first().waitFor({ timeout: 60_000 })
    expect(await shownNumbers()).toEqual(['[i]'])
    await expect.poll(shownTitles, { timeout: 15_000 }).toEqual([beta.label])
  })

  it('inserts from the inline toolbar after the selected words and renumbers', async () => {
    const editor = page.locator(EDITOR)
    await editor.click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Intro claim.')
    for (let i = 0; i < 'Intro claim.'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    const button = page.locator('.inline-toolbar-popup .toolbar-popup__button-endnote')
    await button.waitFor({ state: 'visible', timeout: 15_000 })
    await page.screenshot({ path: artifactPath('admin-endnote-1-inline-toolbar.png') })
    await button.click()
    await pickInDrawer('Alpha', 'Alpha Report')
    await waitForRefCount(2)

    // Alpha now comes first: it is [i] and Beta moved to [ii]. The selected text was kept.
    expect(await shownNumbers()).toEqual(['[i]', '[ii]'])
    await expect.poll(shownTitles, { timeout: 15_000 }).toEqual([alpha.label, beta.label])
    expect(await editor.innerText()).toMatch(/^Intro claim\.\[i\]Opening sentence cites Beta\.\[ii\] Closing sentence\./)
  })

  it('inserts from the slash menu; citing a footnote again reuses its number', async () => {
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Again /endnote')
    const item = page.locator('.slash-menu-popup .slash-menu-popup__item-endnote')
    await item.waitFor({ state: 'visible', timeout: 15_000 })
    await page.keyboard.press('Enter')
    await pickInDrawer('Beta', 'Beta Study')
    await waitForRefCount(3)
    expect(await shownNumbers()).toEqual(['[i]', '[ii]', '[ii]'])
    await page.screenshot({ path: artifactPath('admin-endnote-2-three-refs.png') })
  })

  it('saves the references and shows them again after a reload', async () => {
    await saveDraft()
    const stored = await server.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: postId })
    const nodes = (stored.content as unknown as { root: { children: { children: Record<string, unknown>[] }[] } }).root.children[0].children
    expect(nodes.filter((node) => node.type === 'endnote')).toEqual([
      { footnote: alpha.id, type: 'endnote', version: 1 },
      { footnote: beta.id, type: 'endnote', version: 1 },
      { footnote: beta.id, type: 'endnote', version: 1 },
    ])
    expect(stored.endnotes?.map(({ footnote, label, number }) => ({ footnote, label, number }))).toEqual([
      { footnote: alpha.id, label: 'i', number: 1 },
      { footnote: beta.id, label: 'ii', number: 2 },
    ])

    await page.reload()
    await waitForRefCount(3)
    expect(await shownNumbers()).toEqual(['[i]', '[ii]', '[ii]'])
    await expect.poll(shownTitles, { timeout: 15_000 }).toEqual([alpha.label, beta.label, beta.label])
    await page.screenshot({ path: artifactPath('admin-endnote-3-after-reload.png') })
  })

  it('changes and removes a reference from its selection bar, renumbering the rest', async () => {
    // Select the first reference ([i], Alpha) and point it at Beta instead: all three are [i].
    await page.locator(REF).first().click()
    await page.locator('.policy-endnote__change').click()
    await pickInDrawer('Beta', 'Beta Study')
    await expect.poll(shownNumbers, { timeout: 15_000 }).toEqual(['[i]', '[i]', '[i]'])

    // Remove it: the two remaining Beta references stay [i].
    await page.locator(REF).first().click()
    await page.locator('.policy-endnote__remove').click()
    await waitForRefCount(2)
    expect(await shownNumbers()).toEqual(['[i]', '[i]'])

    // A selected reference is deleted by Backspace like a character.
    await page.locator(REF).last().click()
    await page.keyboard.press('Backspace')
    await waitForRefCount(1)
    await page.screenshot({ path: artifactPath('admin-endnote-4-after-remove.png') })
    expect(pageErrors).toEqual([])
  })

  it('publishes from the admin and shows the reference and its note on the public page', async () => {
    const published = page.waitForResponse(
      (res) => /\/api\/posts\/[^/?]+/.test(res.url()) && ['PATCH', 'POST'].includes(res.request().method()),
      { timeout: 60_000 },
    )
    await page.locator('#action-save').click()
    expect((await published).status()).toBeLessThan(400)
    const post = await server.payload.findByID({ ...asAdmin, collection: 'posts', id: postId })
    expect(post._status).toBe('published')
    expect(post.endnotes?.map((note) => note.label)).toEqual(['i'])

    const reader = await browser.newPage()
    const response = await reader.goto(`${server.baseUrl}/en/${post.slug}`)
    expect(response?.status()).toBe(200)
    const refs = reader.locator('a[role="doc-noteref"]')
    await expect.poll(() => refs.allTextContents()).toEqual(['[i]'])
    const note = reader.locator('[role="doc-endnotes"] li#note-i')
    await expect.poll(() => note.textContent()).toContain('Beta Study of Pipelines')
    await reader.screenshot({ path: artifactPath('admin-endnote-5-public-page.png') })
    await reader.close()
  })
})
