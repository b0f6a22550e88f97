import type { Page } from 'playwright-core'

/** Logs `user` in through the admin's login form and waits until the admin has moved on from it. */
export async function logInToAdmin(page: Page, baseUrl: string, user: { email: string; password: string }, timeout = 60_000): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((current) => current.pathname.startsWith('/admin') && !current.pathname.includes('/login'), { timeout })
}
