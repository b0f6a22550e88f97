import type { Config } from 'payload'

import { describe, expect, it } from 'vitest'

import { buildAdminTranslations, mergeAdminI18n } from '../../src/plugin/i18n/admin/index'
import { en } from '../../src/plugin/i18n/admin/en'
import { tr } from '../../src/plugin/i18n/admin/tr'

describe('admin strings through Payload i18n', () => {
  it('registers English and Turkish under the policy-posts namespace', () => {
    const translations = buildAdminTranslations([])
    expect(translations.en['policy-posts'].translationsHeading).toBe('Translations')
    expect(translations.tr['policy-posts'].translationsHeading).toBe('Çeviriler')
  })

  it('gives a third admin language the English strings, overridable key by key', () => {
    const translations = buildAdminTranslations(['de'], { de: { translationsHeading: 'Übersetzungen' } })
    expect(translations.de['policy-posts'].translationsHeading).toBe('Übersetzungen')
    expect(translations.de['policy-posts'].translationsUnlink).toBe(en.translationsUnlink)
  })

  it('ignores undefined overrides instead of erasing a string', () => {
    const translations = buildAdminTranslations([], { tr: { translationsUnlink: undefined } })
    expect(translations.tr['policy-posts'].translationsUnlink).toBe(tr.translationsUnlink)
  })

  it("keeps the host's own translations and i18n settings", () => {
    const config = {
      i18n: {
        fallbackLanguage: 'en',
        translations: { en: { 'policy-posts': { translationsHeading: 'Language versions' }, general: { cancel: 'Stop' } } },
      },
    } as unknown as Config
    const i18n = mergeAdminI18n(config) as { fallbackLanguage: string; translations: Record<string, Record<string, Record<string, string>>> }
    expect(i18n.fallbackLanguage).toBe('en')
    expect(i18n.translations.en['policy-posts'].translationsHeading).toBe('Language versions')
    expect(i18n.translations.en['policy-posts'].translationsUnlink).toBe('Unlink')
    expect(i18n.translations.en.general.cancel).toBe('Stop')
    expect(config.i18n?.translations?.en).not.toHaveProperty('policy-posts.translationsUnlink')
  })

  it('uses the same placeholders in every built-in language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(tr[key]), key).toEqual(placeholders(en[key]))
    }
  })
})
