import { describe, expect, it } from 'vitest'
import { baseLanguage, en, getStrings, hasBuiltInStrings, tr, type UiStrings } from '../../src/lib/site/i18n/index'

describe('getStrings', () => {
  it('returns the English table', () => {
    const s = getStrings('en')
    expect(s.alsoAvailableIn).toBe('This post is also available in:')
    expect(s.similarPosts).toBe('Similar Posts')
    expect(s.endnotes).toBe('Endnotes')
    expect(s.previewBanner).toBe('Preview — not published')
    expect(s.readingTime(6)).toBe('6 min read')
  })

  it('returns the Turkish table', () => {
    const s = getStrings('tr')
    expect(s.alsoAvailableIn).toBe('Bu yazı şu dilde de mevcuttur:')
    expect(s.similarPosts).toBe('Benzer Yazılar')
    expect(s.share).toBe('Paylaş')
    expect(s.endnotes).toBe('Son Notlar')
    expect(s.previewBanner).toBe('Önizleme — yayımlanmadı')
    expect(s.readingTime(6)).toBe('6 dk okuma')
  })

  it('falls back to English for a language without a table', () => {
    expect(getStrings('de')).toEqual(en)
    expect(getStrings('')).toEqual(en)
  })

  it('uses the base language of region tags, case-insensitively', () => {
    expect(getStrings('tr-TR').endnotes).toBe('Son Notlar')
    expect(getStrings('TR').endnotes).toBe('Son Notlar')
    expect(getStrings('en_GB').endnotes).toBe('Endnotes')
    expect(baseLanguage(' pt-BR ')).toBe('pt')
    expect(hasBuiltInStrings('tr-CY')).toBe(true)
    expect(hasBuiltInStrings('de')).toBe(false)
  })

  it('applies per-language overrides on top of the table', () => {
    const overrides = {
      tr: { homeTitle: 'Analizler' },
      de: { endnotes: 'Endnoten', readingTime: (m: number) => `${m} Min. Lesezeit` },
    }
    expect(getStrings('tr', overrides).homeTitle).toBe('Analizler')
    expect(getStrings('tr', overrides).endnotes).toBe('Son Notlar')
    const de = getStrings('de', overrides)
    expect(de.endnotes).toBe('Endnoten')
    expect(de.readingTime(4)).toBe('4 Min. Lesezeit')
    expect(de.similarPosts).toBe('Similar Posts')
  })

  it('ignores undefined override values', () => {
    expect(getStrings('en', { en: { endnotes: undefined } }).endnotes).toBe('Endnotes')
  })

  it('does not mutate the built-in tables', () => {
    getStrings('tr', { tr: { share: 'X' } })
    expect(tr.share).toBe('Paylaş')
  })
})

describe('string tables', () => {
  const tables: Array<[string, UiStrings]> = [
    ['en', en],
    ['tr', tr],
  ]

  it.each(tables)('%s has a non-empty value for every key', (_lang, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of Object.entries(table)) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('')
      else expect(typeof value, key).toBe('function')
    }
  })

  it('rounds reading time and never shows 0 minutes', () => {
    expect(en.readingTime(0.2)).toBe('1 min read')
    expect(en.readingTime(5.6)).toBe('6 min read')
    expect(tr.readingTime(0)).toBe('1 dk okuma')
  })

  it('formats the functional strings', () => {
    expect(en.shareOn('linkedin')).toBe('Share on LinkedIn')
    expect(en.shareOn('email')).toBe('Share by e-mail')
    expect(tr.shareOn('whatsapp')).toBe('Paylaş: WhatsApp')
    expect(tr.shareOn('email')).toBe('E-posta ile paylaş')
    expect(en.page(2, 5)).toBe('Page 2 of 5')
    expect(tr.page(2)).toBe('Sayfa 2')
    expect(en.publishedOn('24 December 2025')).toBe('Published on 24 December 2025')
    expect(tr.publishedOn('24 Aralık 2025')).toBe('24 Aralık 2025 tarihinde yayımlandı')
    expect(en.authorPosts('Ergün Mamedov')).toBe('Posts by Ergün Mamedov')
    expect(tr.emailSubject('Karadeniz')).toBe('Okumaya değer: Karadeniz')
  })

  it('has Turkish-specific letters where Turkish needs them', () => {
    expect(tr.skipToContent).toBe('İçeriğe geç')
    expect(tr.copyLink).toBe('Bağlantıyı kopyala')
  })
})
