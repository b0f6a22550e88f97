import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import { BUNDLED_PACKAGE } from './browserChoice'

const require = createRequire(import.meta.url)
const run = promisify(execFile)

const CACHE_ROOT = path.resolve(import.meta.dirname, '../../node_modules/.cache/sparticuz-chromium')

function packageEntry(): string | undefined {
  try {
    return require.resolve(BUNDLED_PACKAGE)
  } catch {
    return undefined
  }
}

export const bundledChromiumInstalled = () => packageEntry() !== undefined

/** The package's own unpacking, run in a child whose TMPDIR is `target` (it always unpacks into the temp dir). */
const UNPACK = `const { default: Chromium } = await import(process.argv[1]); process.stdout.write(await Chromium.executablePath())`

/**
 * The Chromium shipped (brotli-compressed) inside `@sparticuz/chromium`, unpacked once per
 * installed version into node_modules/.cache rather than the package's default /tmp/chromium,
 * a single path every checkout on the machine would share. Unpacking goes to a fresh directory
 * renamed into place, so a run that is killed or races another leaves no half-written binary.
 */
export async function bundledChromium(): Promise<{ executablePath: string; unpackedMs?: number; version: string }> {
  const entry = packageEntry()
  if (!entry) throw new Error(`${BUNDLED_PACKAGE} is not installed`)
  const packageDir = path.resolve(path.dirname(entry), '..')
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const dir = path.join(CACHE_ROOT, version)
  const executablePath = path.join(dir, 'chromium')
  if (fs.existsSync(executablePath)) return { executablePath, version }

  const started = Date.now()
  fs.mkdirSync(CACHE_ROOT, { recursive: true })
  const staging = fs.mkdtempSync(`${dir}.unpacking-`)
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', UNPACK, pathToFileURL(entry).href], {
      env: { ...process.env, TMPDIR: staging },
    })
    if (path.resolve(stdout.trim()) !== path.join(staging, 'chromium')) {
      throw new Error(`${BUNDLED_PACKAGE} unpacked to ${stdout.trim()}, not into ${staging}`)
    }
    try {
      fs.renameSync(staging, dir)
    } catch (error) {
      // Another run unpacked the same version first: use its copy.
      if (!fs.existsSync(executablePath)) throw error
    }
  } finally {
    fs.rmSync(staging, { force: true, recursive: true })
  }
  return { executablePath, unpackedMs: Date.now() - started, version }
}
