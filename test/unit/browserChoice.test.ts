import { describe, expect, it } from 'vitest'

import { type BrowserSituation, chooseBrowser } from '../helpers/browserChoice'

const linux = (over: Partial<BrowserSituation> = {}, files: string[] = []): BrowserSituation => ({
  arch: 'x64',
  bundledInstalled: true,
  env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
  isExecutable: (file) => files.includes(file),
  platform: 'linux',
  ...over,
})

const oneLine = (choice: ReturnType<typeof chooseBrowser>) => {
  expect(choice.kind).toBe('unavailable')
  const message = choice.kind === 'unavailable' ? choice.message : ''
  expect(message).not.toMatch(/\n/)
  return message
}

describe('chooseBrowser', () => {
  it('takes CHROMIUM_PATH first, then a chromium on the PATH, then the packaged one', () => {
    const both = ['/opt/chrome/chrome', '/usr/bin/chromium']
    expect(chooseBrowser(linux({ env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' } }, both))).toEqual({
      kind: 'executable',
      path: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    })
    expect(chooseBrowser(linux({}, ['/usr/bin/chromium']))).toEqual({ kind: 'executable', path: '/usr/bin/chromium', source: 'system' })
    expect(chooseBrowser(linux({}, ['/usr/local/bin/chromium-browser', '/usr/bin/chromium']))).toEqual({
      kind: 'executable',
      path: '/usr/local/bin/chromium-browser',
      source: 'system',
    })
    expect(chooseBrowser(linux())).toEqual({ kind: 'bundled' })
  })

  it('TEST_BROWSER=bundled uses the packaged Chromium even where a system one and CHROMIUM_PATH exist', () => {
    const situation = linux({ env: { CHROMIUM_PATH: '/usr/bin/chromium', PATH: '/usr/bin', TEST_BROWSER: 'bundled' } }, ['/usr/bin/chromium'])
    expect(chooseBrowser(situation)).toEqual({ kind: 'bundled' })
  })

  it('TEST_BROWSER=system never falls back to the packaged one', () => {
    const message = oneLine(chooseBrowser(linux({ env: { PATH: '/usr/bin', TEST_BROWSER: 'system' } })))
    expect(message).toBe('TEST_BROWSER=system: no chromium on the PATH; install Chromium or set CHROMIUM_PATH to a Chromium or Chrome executable.')
    expect(chooseBrowser(linux({ env: { PATH: '/usr/bin', TEST_BROWSER: 'system' } }, ['/usr/bin/chromium']))).toMatchObject({ source: 'system' })
  })

  it('refuses an unknown TEST_BROWSER value by name', () => {
    expect(oneLine(chooseBrowser(linux({ env: { TEST_BROWSER: 'firefox' } })))).toBe('TEST_BROWSER="firefox" is not one of auto, system, bundled.')
  })

  it('a CHROMIUM_PATH that is not executable is an error, not a silent fallback', () => {
    const message = oneLine(chooseBrowser(linux({ env: { CHROMIUM_PATH: '/nope/chrome' } }, ['/usr/bin/chromium'])))
    expect(message).toBe('CHROMIUM_PATH=/nope/chrome is not an executable file: point it at a Chromium or Chrome executable, or unset it.')
  })

  it('on another OS or architecture with no Chromium, says in one line how to provide one', () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['linux', 'arm64'],
      ['win32', 'x64'],
    ]) {
      const message = oneLine(chooseBrowser(linux({ arch, env: { PATH: '/usr/bin' }, platform })))
      expect(message).toBe(
        `No Chromium for the browser tests on ${platform}/${arch}: set CHROMIUM_PATH to a Chromium or Chrome executable (the packaged one, @sparticuz/chromium, runs on Linux x64 only).`,
      )
    }
    // There, a CHROMIUM_PATH or a chromium on the PATH still works.
    expect(chooseBrowser(linux({ arch: 'arm64', env: { CHROMIUM_PATH: '/c' } }, ['/c']))).toMatchObject({ kind: 'executable' })
    expect(chooseBrowser(linux({ arch: 'arm64' }, ['/usr/bin/chromium']))).toMatchObject({ kind: 'executable' })
  })

  it('TEST_BROWSER=bundled off Linux x64, or without the package, says why and what to do', () => {
    expect(oneLine(chooseBrowser(linux({ arch: 'arm64', env: { TEST_BROWSER: 'bundled' }, platform: 'darwin' })))).toBe(
      'TEST_BROWSER=bundled: the packaged Chromium (@sparticuz/chromium) is a Linux x64 build and cannot run on darwin/arm64; unset TEST_BROWSER and set CHROMIUM_PATH to a Chromium or Chrome executable.',
    )
    expect(oneLine(chooseBrowser(linux({ bundledInstalled: false, env: { TEST_BROWSER: 'bundled' } })))).toBe(
      'TEST_BROWSER=bundled: @sparticuz/chromium is not installed; run npm install (it is a devDependency).',
    )
    expect(oneLine(chooseBrowser(linux({ bundledInstalled: false })))).toMatch(/^No Chromium for the browser tests: @sparticuz\/chromium is not installed \(run npm install\)/)
  })

  it('reads a Windows PATH with its own separator', () => {
    const situation = linux({ env: { PATH: 'C:/tools;C:/bin' }, platform: 'win32' }, ['C:/bin/chromium'])
    expect(chooseBrowser(situation)).toEqual({ kind: 'executable', path: 'C:/bin/chromium', source: 'system' })
  })
})
