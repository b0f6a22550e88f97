import fs from 'node:fs'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { bundledSupported } from '../helpers/browserChoice'
import { bundledChromium } from '../helpers/bundledChromium'

// The browser suites use the packaged Chromium only where no system one is found (or with
// TEST_BROWSER=bundled, as CI runs); this checks it on every Linux x64 run, whatever the machine has.
describe.runIf(bundledSupported(process.platform, process.arch))('packaged Chromium (@sparticuz/chromium)', () => {
  it('unpacks once into node_modules/.cache and renders a page headless under playwright-core', async () => {
    const first = await bundledChromium()
    expect(first.executablePath).toMatch(/node_modules\/\.cache\/sparticuz-chromium\/[\d.]+\/chromium$/)
    fs.accessSync(first.executablePath, fs.constants.X_OK)
    const again = await bundledChromium()
    expect(again).toEqual({ executablePath: first.executablePath, version: first.version })

    const browser = await chromium.launch({
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      executablePath: first.executablePath,
      headless: true,
    })
    try {
      expect(browser.version().split('.')[0]).toBe(first.version.split('.')[0])
      const page = await browser.newPage()
      await page.setContent('<main lang="tr"><h1>Bu yazı şu dilde de mevcuttur</h1><button onclick="this.textContent = Number(this.textContent) + 1">0</button></main>')
      await page.click('button', { timeout: 10_000 })
      expect(await page.textContent('button')).toBe('1')
      const size = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().width)
      // Text laid out with real glyphs has width; a browser without usable fonts would give 0.
      expect(size).toBeGreaterThan(100)
      expect((await page.screenshot()).length).toBeGreaterThan(1000)
    } finally {
      await browser.close()
    }
  })
})
