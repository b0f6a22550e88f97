import type { Browser } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { type BrowserChoice, chooseBrowser } from './browserChoice'
import { bundledChromium, bundledChromiumInstalled } from './bundledChromium'

/** A browser suite that cannot get a browser fails with this one line, never a stack trace. */
export class BrowserUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BrowserUnavailableError'
    this.stack = `${this.name}: ${message}`
  }
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export function browserChoice(): BrowserChoice {
  return chooseBrowser({
    arch: process.arch,
    bundledInstalled: bundledChromiumInstalled(),
    env: process.env,
    isExecutable,
    platform: process.platform,
  })
}

let resolved: Promise<string> | undefined

/** The executable the browser suites launch (the packaged Chromium is unpacked on first use). */
export function browserExecutable(): Promise<string> {
  resolved ??= (async () => {
    const choice = browserChoice()
    if (choice.kind === 'unavailable') throw new BrowserUnavailableError(choice.message)
    if (choice.kind === 'executable') {
      console.log(`[browser] ${choice.path} (${choice.source})`)
      return choice.path
    }
    const bundled = await bundledChromium()
    const unpacked = bundled.unpackedMs === undefined ? 'already unpacked' : `unpacked in ${(bundled.unpackedMs / 1000).toFixed(1)} s`
    console.log(`[browser] packaged Chromium from @sparticuz/chromium ${bundled.version} (${unpacked})`)
    return bundled.executablePath
  })()
  return resolved
}

/**
 * Headless Chromium without the background traffic this network refuses. The flags suit both
 * Debian's Chromium and the packaged headless shell; the package's own `args` are for serverless
 * hosts (single process, web security off) and would change what the pages are tested under.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await browserExecutable()
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
    executablePath,
    headless: true,
  })
}

/** Where screenshots and other artifacts of browser tests go. */
export function artifactPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../test-results')
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}
