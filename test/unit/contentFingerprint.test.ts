import { describe, expect, it } from 'vitest'

import { contentFingerprint } from '../../src/plugin/translations/status'

describe('contentFingerprint (what a translation follows)', () => {
  const base = {
    content: { root: { children: [{ text: 'Body', type: 'text' }], type: 'root' } },
    highlights: [{ id: 'a1', text: 'One' }],
    title: 'Title',
  }

  it('ignores key order (jsonb reorders keys) and highlight row ids', () => {
    const reordered = {
      content: { root: { type: 'root', children: [{ type: 'text', text: 'Body' }] } },
      highlights: [{ text: 'One', id: 'b2' }],
      title: 'Title',
    }
    expect(contentFingerprint(reordered)).toBe(contentFingerprint(base))
  })

  it('changes with the title, a highlight or the body', () => {
    expect(contentFingerprint({ ...base, title: 'Other' })).not.toBe(contentFingerprint(base))
    expect(contentFingerprint({ ...base, highlights: [{ text: 'Two' }] })).not.toBe(contentFingerprint(base))
    expect(
      contentFingerprint({ ...base, content: { root: { children: [{ text: 'Body!', type: 'text' }], type: 'root' } } }),
    ).not.toBe(contentFingerprint(base))
  })

  it('treats missing highlights and body like empty ones', () => {
    expect(contentFingerprint({ title: 'T' })).toBe(contentFingerprint({ content: null, highlights: [], title: 'T' }))
  })
})
