import type { Browser } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, without the background traffic this network refuses. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  }
  return chromium.launch({
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    executablePath: CHROMIUM,
    headless: true,
  })
}

/** Where screenshots and other artifacts of browser tests go. */
export function artifactPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../test-results')
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}
