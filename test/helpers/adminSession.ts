import type { Browser, BrowserContextOptions, Page } from 'playwright-core'

import { launchBrowser } from './browser'

type Credentials = { email: string; password: string }

/** Logs `user` in through the admin's login form and waits until the admin has moved on from it. */
export async function logInToAdmin(page: Page, baseUrl: string, user: Credentials, timeout = 60_000): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((current) => current.pathname.startsWith('/admin') && !current.pathname.includes('/login'), { timeout })
}

/**
 * A browser with one desktop-sized page logged in to the admin as `user`; the page's uncaught
 * script errors go to `pageErrors`. The browser is closed again when the log-in fails.
 */
export async function openAdminPage(
  baseUrl: string,
  user: Credentials,
  pageErrors: string[],
  options: BrowserContextOptions = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage({ viewport: { height: 1000, width: 1400 }, ...options })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await logInToAdmin(page, baseUrl, user)
    return { browser, page }
  } catch (error) {
    await browser.close().catch(() => undefined)
    throw error
  }
}
