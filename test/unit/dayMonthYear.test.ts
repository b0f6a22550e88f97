import { describe, expect, it } from 'vitest'

import { readDayMonthYear } from '../../src/plugin/import/dayMonthYear'
import { parseCitationLine } from '../../src/plugin/import/parseCitationLine'

describe('readDayMonthYear', () => {
  it.each([
    ['24.12.2025', '2025-12-24'],
    ['24 December 2025', '2025-12-24'],
    ['December 24, 2025', '2025-12-24'],
    ['Dec. 24 2025', '2025-12-24'],
    ['24 Aralık 2025', '2025-12-24'],
    ['24 ARALIK 2025', '2025-12-24'],
    ['3 Şubat 2025', '2025-02-03'],
    ['3. Şub. 2025', '2025-02-03'],
    ['1 Ağustos 2024', '2024-08-01'],
    ['1 Eylül 2024', '2024-09-01'],
  ])('reads %s', (raw, iso) => {
    expect(readDayMonthYear(raw)).toEqual({ ok: true, iso })
  })

  it('tells an impossible written date from an unreadable one', () => {
    expect(readDayMonthYear('30 February 2025')).toEqual({ ok: false, reason: 'impossible' })
    expect(readDayMonthYear('30 Brumaire 2025')).toEqual({ ok: false, reason: 'unreadable' })
  })

  it('reads written dates in citations in both languages', () => {
    expect(parseCitationLine('A. Author, “T”, Outlet, https://e.org/x, (Access Date: 5 March 2025)').citation.accessedAt).toBe('2025-03-05')
    expect(parseCitationLine('Ayşe Işık, “Başlık”, Dergi, https://e.org/y, (Erişim Tarihi: 5 Mart 2025)').citation.accessedAt).toBe('2025-03-05')
  })
})
