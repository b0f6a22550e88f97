import { describe, expect, it } from 'vitest'

import { cacheWriteDecision, entryTags, isStaleHit, tagRevalidatedAt } from '../../src/lib/cacheWrites.mjs'
import { RenderStarts } from '../../src/lib/renderStarts.mjs'

describe('cacheWriteDecision: a render older than its tags\' revalidation is not stored', () => {
  it('drops a write whose render began before a revalidation of one of its tags', () => {
    // render from 1_000, unpublish at 1_500, write at 2_000
    expect(cacheWriteDecision({ revalidatedAt: [undefined, 1_500], startedAt: 1_000, writtenAt: 2_000 })).toEqual({ lastModified: 1_000, store: false })
  })

  it('counts a revalidation in the render\'s first millisecond as after its start', () => {
    expect(cacheWriteDecision({ revalidatedAt: [1_000], startedAt: 1_000, writtenAt: 2_000 }).store).toBe(false)
  })

  it('keeps a write whose render began after every revalidation, dated by the render\'s start', () => {
    expect(cacheWriteDecision({ revalidatedAt: [900, undefined], startedAt: 1_000, writtenAt: 2_000 })).toEqual({ lastModified: 1_000, store: true })
    expect(cacheWriteDecision({ revalidatedAt: [], startedAt: 1_000, writtenAt: 2_000 })).toEqual({ lastModified: 1_000, store: true })
  })

  it('without a known start dates the write by its own time, as Next does', () => {
    expect(cacheWriteDecision({ revalidatedAt: [1_500], startedAt: undefined, writtenAt: 2_000 })).toEqual({ lastModified: 2_000, store: true })
    expect(cacheWriteDecision({ revalidatedAt: [2_000], startedAt: undefined, writtenAt: 2_000 }).store).toBe(false)
  })

  it('never dates a write after its own time (a clock that went back)', () => {
    expect(cacheWriteDecision({ revalidatedAt: [], startedAt: 3_000, writtenAt: 2_000 }).lastModified).toBe(2_000)
  })
})

describe('tagRevalidatedAt', () => {
  it('is the later of stale and a past expiry; a future expiry is not a revalidation yet', () => {
    expect(tagRevalidatedAt(undefined, 5_000)).toBeUndefined()
    expect(tagRevalidatedAt({ expired: 1_000 }, 5_000)).toBe(1_000)
    expect(tagRevalidatedAt({ expired: 1_000, stale: 1_000 }, 5_000)).toBe(1_000)
    expect(tagRevalidatedAt({ expired: 2_000, stale: 1_000 }, 5_000)).toBe(2_000)
    expect(tagRevalidatedAt({ expired: 9_000, stale: 1_000 }, 5_000)).toBe(1_000)
    expect(tagRevalidatedAt({ expired: 9_000 }, 5_000)).toBeUndefined()
  })
})

describe('entryTags', () => {
  it('reads a page\'s tags from its header and a data entry\'s from the write\'s context', () => {
    expect(entryTags({ headers: { 'x-next-cache-tags': 'post:1,_N_T_/en/a' }, kind: 'APP_PAGE' }, {})).toEqual(['post:1', '_N_T_/en/a'])
    expect(entryTags({ headers: {}, kind: 'APP_PAGE' }, {})).toEqual([])
    expect(entryTags({ data: {}, kind: 'FETCH' }, { softTags: ['_N_T_/en'], tags: ['post:1'] })).toEqual(['post:1', '_N_T_/en'])
    expect(entryTags(null, {})).toEqual([])
  })
})

describe('isStaleHit', () => {
  it('is past the revalidate period of a page, a data entry or a Redis entry', () => {
    expect(isStaleHit(null, {}, 0)).toBe(false)
    expect(isStaleHit({ cacheControl: { revalidate: 60 }, lastModified: 0 }, {}, 59_999)).toBe(false)
    expect(isStaleHit({ cacheControl: { revalidate: 60 }, lastModified: 0 }, {}, 60_000)).toBe(true)
    expect(isStaleHit({ lastModified: 0, value: { kind: 'FETCH', revalidate: 10 } }, {}, 10_000)).toBe(true)
    expect(isStaleHit({ lastModified: 0, value: { kind: 'FETCH' } }, { revalidate: 10 }, 9_000)).toBe(false)
    expect(isStaleHit({ lastModified: 0, lifespan: { staleAt: 60 } }, {}, 60_000)).toBe(true)
    expect(isStaleHit({ cacheControl: { revalidate: false }, lastModified: 0 }, {}, 1e12)).toBe(false)
  })
})

describe('RenderStarts: when the render behind a write began', () => {
  it('is the read that missed, once', () => {
    const starts = new RenderStarts()
    starts.noteRead('/en/a', 1_000)
    expect(starts.takeStart('/en/b', 1_500)).toBeUndefined()
    expect(starts.takeStart('/en/a', 2_000)).toBe(1_000)
    expect(starts.takeStart('/en/a', 2_500)).toBeUndefined()
    expect(starts.size).toBe(0)
  })

  it('with renders overlapping, every write gets a start no later than its own, whatever order they finish in', () => {
    const starts = new RenderStarts()
    starts.noteRead('k', 1_000) // render A
    starts.noteRead('k', 2_000) // render B
    // B finishes first: dated by A's read (conservative), A's read stays for A
    expect(starts.takeStart('k', 2_500)).toBe(1_000)
    expect(starts.takeStart('k', 3_000)).toBe(1_000)
    starts.noteRead('k', 4_000)
    starts.noteRead('k', 5_000)
    // in order: both no later than their reads
    expect(starts.takeStart('k', 6_000)).toBe(4_000)
    expect(starts.takeStart('k', 6_000)).toBe(4_000)
  })

  it('forgets reads no write answered after maxAgeMs', () => {
    const starts = new RenderStarts({ maxAgeMs: 1_000 })
    starts.noteRead('k', 0)
    expect(starts.takeStart('k', 1_001)).toBeUndefined()
    expect(starts.size).toBe(0)
  })

  it('past maxPerKey keeps the oldest reads and still gives every write a start', () => {
    const starts = new RenderStarts({ maxPerKey: 2 })
    starts.noteRead('k', 2_000)
    starts.noteRead('k', 2_100)
    starts.noteRead('k', 2_200)
    expect(starts.takeStart('k', 2_300)).toBe(2_000)
    expect(starts.takeStart('k', 2_300)).toBe(2_000)
    expect(starts.takeStart('k', 2_300)).toBe(2_000)
    expect(starts.takeStart('k', 2_300)).toBeUndefined()
  })

  it('sweeps every key once more keys than maxKeys are pending', () => {
    const starts = new RenderStarts({ maxAgeMs: 100, maxKeys: 2 })
    starts.noteRead('a', 0)
    starts.noteRead('b', 0)
    starts.noteRead('c', 500)
    expect(starts.size).toBe(1)
  })
})
