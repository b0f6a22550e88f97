import { describe, expect, it } from 'vitest'

import { footnoteTitleKey, TITLE_KEY_MAX } from '../../src/plugin/collections/footnotes/titleKey'

describe('footnoteTitleKey', () => {
  it('folds case, accents, quotes and punctuation as the importers compare titles', () => {
    const key = footnoteTitleKey('“Türkiye’s Middle Corridor: Rail & Ports”')
    expect(key).toBe('turkiye s middle corridor rail ports')
    expect(footnoteTitleKey('TURKIYE S MIDDLE CORRIDOR — RAIL, PORTS.')).toBe(key)
    expect(footnoteTitleKey('Türkiye’s Middle Corridor: Rail and Ports')).not.toBe(key)
  })

  it('is null when nothing is left to compare', () => {
    expect(footnoteTitleKey('— “” …')).toBeNull()
    expect(footnoteTitleKey('')).toBeNull()
    expect(footnoteTitleKey(null)).toBeNull()
    expect(footnoteTitleKey(42)).toBeNull()
  })

  it('clips long titles, so every key fits a B-tree entry', () => {
    const key = footnoteTitleKey('Ş'.repeat(5000))!
    expect(key).toBe('s'.repeat(TITLE_KEY_MAX))
    expect(footnoteTitleKey(`${'word '.repeat(60)}end`)!.length).toBeLessThanOrEqual(TITLE_KEY_MAX)
  })
})
