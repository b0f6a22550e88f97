import { describe, expect, it } from 'vitest'

import { dashboardRows, deskStatus } from '../../src/plugin/translatorDesk/dashboardRows'

const languages = [
  { code: 'en', label: 'English' },
  { code: 'tr', label: 'Türkçe' },
]

describe('translation dashboard rows', () => {
  it('gives outdated precedence over draft, and originals their own status', () => {
    expect(deskStatus({ id: 1, translatedFrom: 2, translationStatus: 'outdated' }, false)).toBe('outdated')
    expect(deskStatus({ id: 1, translatedFrom: 2, translationStatus: 'up-to-date' }, false)).toBe('draft')
    expect(deskStatus({ id: 1, translatedFrom: 2, translationStatus: 'up-to-date' }, true)).toBe('up-to-date')
    expect(deskStatus({ id: 1, translatedFrom: null, translationStatus: 'source' }, true)).toBe('original')
  })

  it('groups posts into pieces, names each by its original and counts statuses per language', () => {
    const { counts, rows } = dashboardRows(
      [
        { id: 3, language: 'tr', title: 'Bir', translatedFrom: 1, translationGroup: 9, translationStatus: 'outdated' },
        { id: 1, language: 'en', title: 'One', translationGroup: 9, translationStatus: 'source' },
        { id: 2, language: 'tr', title: 'Alone', translationStatus: 'source' },
      ],
      new Set(['1', '3']),
      languages,
    )
    expect(rows).toEqual([
      { cells: { en: { status: 'missing' }, tr: { id: 2, status: 'draft', title: 'Alone' } }, group: undefined, source: { id: 2, language: 'tr', title: 'Alone' } },
      {
        cells: { en: { id: 1, status: 'original', title: 'One' }, tr: { id: 3, status: 'outdated', title: 'Bir' } },
        group: 9,
        source: { id: 1, language: 'en', title: 'One' },
      },
    ])
    expect(counts.en).toEqual({ draft: 0, missing: 1, original: 1, outdated: 0, 'up-to-date': 0 })
    expect(counts.tr).toEqual({ draft: 1, missing: 0, original: 0, outdated: 1, 'up-to-date': 0 })
  })
})
