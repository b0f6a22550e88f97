import { describe, expect, it } from 'vitest'

import { turkicQueryVariants, usesTurkicCase } from '../../src/plugin/search/textSearch'

describe('turkicQueryVariants', () => {
  it('leaves a query without a capital I alone and reads İ as i', () => {
    expect(turkicQueryVariants('ışık ve su')).toEqual(['ışık ve su'])
    expect(turkicQueryVariants('İSTANBUL')).toEqual(['iSTANBUL'])
  })

  it('tries both readings of I for each word independently', () => {
    expect(turkicQueryVariants('Işık Istanbul').sort()).toEqual(['ışık istanbul', 'ışık ıstanbul', 'işık istanbul', 'işık ıstanbul'].sort())
    expect(turkicQueryVariants('"IŞIK kirliliği" -Irak')).toHaveLength(4)
  })

  it('falls back to all-or-nothing beyond three ambiguous words', () => {
    expect(turkicQueryVariants('Iа Ib Ic Id').sort()).toEqual(['iа ib ic id', 'ıа ıb ıc ıd'].sort())
  })

  it('applies to Turkish and Azerbaijani only', () => {
    expect(usesTurkicCase('tr')).toBe(true)
    expect(usesTurkicCase('tr-TR')).toBe(true)
    expect(usesTurkicCase('az')).toBe(true)
    expect(usesTurkicCase('en')).toBe(false)
  })
})
