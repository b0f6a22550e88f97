import { describe, expect, it } from 'vitest'
import { endnoteAnchorId, endnoteRefId, fromRoman, isRoman, toRoman } from '../../src/plugin/endnote/roman'

describe('toRoman', () => {
  it.each([
    [1, 'i'],
    [2, 'ii'],
    [3, 'iii'],
    [4, 'iv'],
    [5, 'v'],
    [9, 'ix'],
    [14, 'xiv'],
    [19, 'xix'],
    [40, 'xl'],
    [49, 'xlix'],
    [90, 'xc'],
    [400, 'cd'],
    [444, 'cdxliv'],
    [900, 'cm'],
    [1994, 'mcmxciv'],
    [2025, 'mmxxv'],
    [3999, 'mmmcmxcix'],
  ])('%i → %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman)
  })

  it.each([0, -1, 4000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s with a RangeError', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError)
    expect(() => toRoman(n)).toThrow(/integer from 1 to 3999/)
  })

  it('rejects a non-number passed from untyped code', () => {
    expect(() => toRoman('3' as unknown as number)).toThrow(RangeError)
  })
})

describe('fromRoman', () => {
  it('parses lowercase and uppercase', () => {
    expect(fromRoman('xlix')).toBe(49)
    expect(fromRoman('XLIX')).toBe(49)
    expect(fromRoman('MmXxV')).toBe(2025)
  })

  it('round-trips every number from 1 to 3999', () => {
    for (let n = 1; n <= 3999; n++) expect(fromRoman(toRoman(n))).toBe(n)
  })

  it.each(['', 'iiii', 'vx', 'ic', 'il', 'vv', 'mmmm', 'xxxx', 'lc', 'dm', 'iix', 'abc', ' iv', 'iv ', 'i v'])(
    'rejects malformed %j',
    (s) => {
      expect(() => fromRoman(s)).toThrow(RangeError)
      expect(isRoman(s)).toBe(false)
    },
  )

  it('names the bad input in the error', () => {
    expect(() => fromRoman('iiii')).toThrow('"iiii" is not a valid roman numeral')
  })
})

describe('ids used by the site', () => {
  it('builds note and reference anchors', () => {
    expect(endnoteAnchorId('iv')).toBe('note-iv')
    expect(endnoteRefId('iv', 1)).toBe('ref-iv-1')
    expect(endnoteRefId('xlix', 3)).toBe('ref-xlix-3')
  })

  it('rejects an occurrence below 1 or fractional', () => {
    expect(() => endnoteRefId('i', 0)).toThrow(RangeError)
    expect(() => endnoteRefId('i', 1.5)).toThrow(RangeError)
  })
})
