import { describe, expect, it } from 'vitest'
import {
  collectEndnoteIds,
  deriveEndnotes,
  footnoteIdOf,
  numberEndnotes,
} from '../../src/plugin/endnote/numberEndnotes'

const endnote = (footnote: unknown) => ({ type: 'endnote', version: 1, footnote })
const text = (t: string) => ({ type: 'text', version: 1, text: t })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })
const state = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })

describe('numberEndnotes', () => {
  it('numbers by first appearance and reuses numbers for repeated footnotes', () => {
    expect(numberEndnotes([10, 7, 10, 3, 7, 10])).toEqual([
      { number: 1, label: 'i', footnote: 10, occurrences: 3 },
      { number: 2, label: 'ii', footnote: 7, occurrences: 2 },
      { number: 3, label: 'iii', footnote: 3, occurrences: 1 },
    ])
  })

  it('returns an empty list for no citations', () => {
    expect(numberEndnotes([])).toEqual([])
  })

  it('treats 5 and "5" as the same footnote and keeps the first spelling', () => {
    expect(numberEndnotes([5, 'a', '5'])).toEqual([
      { number: 1, label: 'i', footnote: 5, occurrences: 2 },
      { number: 2, label: 'ii', footnote: 'a', occurrences: 1 },
    ])
  })

  it('labels long lists in roman numerals', () => {
    const list = numberEndnotes(Array.from({ length: 49 }, (_, i) => `fn-${i}`))
    expect(list).toHaveLength(49)
    expect(list[3].label).toBe('iv')
    expect(list[8].label).toBe('ix')
    expect(list[39].label).toBe('xl')
    expect(list[48]).toEqual({ number: 49, label: 'xlix', footnote: 'fn-48', occurrences: 1 })
  })
})

describe('footnoteIdOf', () => {
  it('accepts raw ids and populated documents', () => {
    expect(footnoteIdOf(4)).toBe(4)
    expect(footnoteIdOf('abc')).toBe('abc')
    expect(footnoteIdOf({ id: 9, title: 'x' })).toBe(9)
  })

  it.each([null, undefined, '', '  ', Number.NaN, {}, { id: null }, [], true])('ignores %j', (value) => {
    expect(footnoteIdOf(value)).toBeUndefined()
  })
})

describe('collectEndnoteIds', () => {
  it('walks nested children in document order', () => {
    const doc = state(
      paragraph(text('Intro '), endnote(3), text(' more '), endnote(1)),
      { type: 'list', version: 1, children: [{ type: 'listitem', version: 1, children: [text('a'), endnote(2)] }] },
      paragraph({ type: 'link', version: 1, children: [text('linked'), endnote(3)] }),
      { type: 'heading', tag: 'h2', version: 1, children: [endnote({ id: 8, title: 'Populated' })] },
    )
    expect(collectEndnoteIds(doc)).toEqual([3, 1, 2, 3, 8])
  })

  it('skips malformed nodes and values without failing', () => {
    const doc = state(
      null,
      42,
      'text',
      paragraph(endnote(null), endnote({}), endnote(''), endnote(5), { type: 'endnote' }),
      { type: 'paragraph', children: 'not-an-array' },
      { children: [endnote('x')] },
    )
    expect(collectEndnoteIds(doc)).toEqual([5, 'x'])
  })

  it.each([undefined, null, 'string', 12, [], { root: null }, { root: { children: null } }])(
    'returns [] for %j',
    (value) => {
      expect(collectEndnoteIds(value)).toEqual([])
    },
  )

  it('accepts a bare root node', () => {
    expect(collectEndnoteIds({ type: 'root', children: [paragraph(endnote(1))] })).toEqual([1])
  })

  it('handles very deep trees without a stack overflow', () => {
    let node: Record<string, unknown> = endnote('deep')
    for (let depth = 0; depth < 100_000; depth++) node = { type: 'paragraph', version: 1, children: [node] }
    expect(collectEndnoteIds({ root: node })).toEqual(['deep'])
  })

  it('does not loop on cyclic objects', () => {
    const a: Record<string, unknown> = { type: 'paragraph', children: [endnote(1)] }
    ;(a.children as unknown[]).push(a)
    expect(collectEndnoteIds({ root: a })).toEqual([1])
  })
})

describe('deriveEndnotes', () => {
  it('numbers the endnotes of a document', () => {
    const doc = state(paragraph(endnote(20), endnote(21)), paragraph(endnote({ id: 20 })))
    expect(deriveEndnotes(doc)).toEqual([
      { number: 1, label: 'i', footnote: 20, occurrences: 2 },
      { number: 2, label: 'ii', footnote: 21, occurrences: 1 },
    ])
  })
})
