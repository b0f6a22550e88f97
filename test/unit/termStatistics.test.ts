import { describe, expect, it } from 'vitest'

import { statisticsStale } from '../../src/plugin/search/termStatistics'

describe('statisticsStale', () => {
  it('is false for an empty index and true when nothing was counted yet', () => {
    expect(statisticsStale({ changed: 0, indexed: 0, total: 0 })).toBe(false)
    expect(statisticsStale({ changed: 3, indexed: 3, total: 0 })).toBe(true)
  })

  it('waits for at least 25 changed posts in a small archive', () => {
    expect(statisticsStale({ changed: 24, indexed: 30, total: 30 })).toBe(false)
    expect(statisticsStale({ changed: 25, indexed: 30, total: 30 })).toBe(true)
  })

  it('waits for 5 % of a large archive, counting whichever is larger: then or now', () => {
    expect(statisticsStale({ changed: 4_999, indexed: 100_000, total: 100_000 })).toBe(false)
    expect(statisticsStale({ changed: 5_000, indexed: 100_000, total: 100_000 })).toBe(true)
    // grown from 50k to 100k posts: 5 % of the new size
    expect(statisticsStale({ changed: 4_000, indexed: 100_000, total: 50_000 })).toBe(false)
    expect(statisticsStale({ changed: 50_000, indexed: 100_000, total: 50_000 })).toBe(true)
  })
})
