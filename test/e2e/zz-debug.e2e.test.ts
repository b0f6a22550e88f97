import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import type { SiteServer } from '../helpers/siteServer'
import { launchBrowser } from '../helpers/browser'
import { startSiteServer } from '../helpers/siteServer'
let site: SiteServer
let browser: Browser
beforeAll(async () => { site = await startSiteServer('dbg_e2e'); browser = await launchBrowser() }, 300_000)
afterAll(async () => { await browser?.close(); await site?.stop() })
it('dbg', async () => {
  const { docs } = await site.payload.find({ collection: 'posts', depth: 0, limit: 1, where: { and: [{ title: { like: 'Middle Corridor After the Boom' } }, { language: { equals: 'en' } }] } })
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { height: 900, width: 390 }, hasTouch: true, isMobile: true })
  const page = await context.newPage()
  page.on('console', (m) => console.log('console:', m.text()))
  await page.goto(`${site.baseUrl}/en/${docs[0].slug}`, { waitUntil: 'networkidle' })
  await page.evaluate(() => {
    for (const t of ['pointerdown', 'pointerup', 'click', 'focus', 'blur', 'focusout', 'focusin', 'touchstart', 'touchend', 'mousedown']) {
      document.addEventListener(t, (e) => console.log(t, (e as PointerEvent).pointerType ?? '', (e.target as Element)?.id || (e.target as Element)?.tagName, e.defaultPrevented), true)
    }
  })
  const link = page.locator('#ref-iii-1 a')
  await page.waitForFunction(() => Object.keys(document.querySelector('#ref-iii-1 a')!).some((k) => k.startsWith('__reactProps')))
  console.log('hydrated')
  await page.evaluate(() => {
    const t0 = performance.now()
    new MutationObserver((ms) => { for (const m of ms) console.log('mut', m.attributeName, (m.target as HTMLElement).hidden, Math.round(performance.now() - t0), new Error().stack?.split('\n').slice(1, 4).join('|')) }).observe(document.getElementById('ref-iii-1-preview')!, { attributes: true, attributeFilter: ['hidden'] })
    for (const t of ['mouseover', 'mouseenter', 'mouseleave', 'mouseout', 'mousemove', 'pointerleave', 'pointermove', 'pointercancel']) document.addEventListener(t, (e) => console.log(t, (e as PointerEvent).pointerType ?? '', Math.round(performance.now() - t0), (e.target as Element)?.id || (e.target as Element)?.tagName, (e as MouseEvent).clientX, (e as MouseEvent).clientY), true)
  })
  await link.scrollIntoViewIfNeeded()
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  console.log('link box', JSON.stringify(await link.boundingBox()))
  await link.tap()
  await page.waitForTimeout(1000)
  console.log('hash after tap1', await page.evaluate(() => location.hash))
  console.log('after tap 1 hidden=', await page.evaluate(() => document.getElementById('ref-iii-1-preview')!.hidden), 'hash', await page.evaluate(() => location.hash))
  await page.screenshot({ path: '/tmp/i12-touch.png' })
  console.log('after screenshot hidden=', await page.evaluate(() => document.getElementById('ref-iii-1-preview')!.hidden))
  await link.tap()
  await page.waitForTimeout(1000)
  console.log('after tap 2 hidden=', await page.evaluate(() => document.getElementById('ref-iii-1-preview')!.hidden), 'hash', await page.evaluate(() => location.hash))
  await context.close()
})
