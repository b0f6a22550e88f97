import { describe, expect, it } from 'vitest'

import { languageSwitchTarget } from '../../src/lib/site/languageSwitchTarget'

describe('languageSwitchTarget', () => {
  it('follows the page’s hreflang alternate, keeping only its path', () => {
    expect(
      languageSwitchTarget({
        alternates: { en: 'https://policy.example/en/caspian', tr: 'https://policy.example/tr/hazar' },
        pathname: '/en/caspian',
        search: '',
        target: 'tr',
      }),
    ).toBe('/tr/hazar')
    expect(languageSwitchTarget({ alternates: { tr: 'http://localhost:3000/tr/authors/ergun-mamedov' }, pathname: '/en/authors/ergun-mamedov', search: '', target: 'tr' })).toBe(
      '/tr/authors/ergun-mamedov',
    )
  })

  it('keeps the search query', () => {
    expect(languageSwitchTarget({ alternates: {}, pathname: '/en/search', search: '?q=T%C3%BCrkiye+enerji&page=2', target: 'tr' })).toBe(
      '/tr/search?q=T%C3%BCrkiye%20enerji',
    )
    expect(languageSwitchTarget({ alternates: {}, pathname: '/tr/search', search: '', target: 'en' })).toBe('/en/search')
  })

  it('goes home when the page has no version in that language', () => {
    expect(languageSwitchTarget({ alternates: { en: 'https://policy.example/en/only-english' }, pathname: '/en/only-english', search: '', target: 'tr' })).toBe('/tr')
    expect(languageSwitchTarget({ alternates: {}, pathname: '/en/no-such-page', search: '', target: 'tr' })).toBe('/tr')
  })
})
