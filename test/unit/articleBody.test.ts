import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { EndnotesList, endnotesListHtml } from '../../src/components/Endnotes'
import { createPostConverters } from '../../src/components/RichText/converters'
import { renderPostBodyHtml } from '../../src/components/RichText/postBodyHtml'
import { articleContent, articleVersionKey, clearArticleCache } from '../../src/lib/site/articleContent'
import { preparePageEndnotes } from '../../src/lib/site/endnotes'
import { approximateBytes, BoundedLru } from '../../src/lib/site/lru'
import { escapeHtml, renderStaticMarkup } from '../../src/lib/site/staticMarkup'
import { placePreview } from '../../src/lib/site/previewPlacement'
import { markupToLexical } from '../../src/lib/seed/markupToLexical'
import { articles, footnotes as seedFootnotes } from '../../src/lib/seed/content'

const footnoteRecord = (id: number, extra: Record<string, unknown> = {}) => ({
  accessedAt: '2025-12-03',
  citedAuthors: 'Aigerim Sadykova',
  createdAt: '',
  id,
  outlet: 'Eurasianet & <Co>',
  title: 'Caspian ports race to keep up with a “shrinking” sea',
  updatedAt: '2025-12-04T10:00:00.000Z',
  url: `https://example.org/${id}?a=1&b="2"`,
  ...extra,
})

const text = (value: string, format = 0) => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 })
const paragraph = (children: unknown[], extra: Record<string, unknown> = {}) => ({ children, direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1, ...extra })
const link = (fields: Record<string, unknown>, children: unknown[], type = 'link') => ({ children, fields, type, version: 1 })
const listItem = (children: unknown[], extra: Record<string, unknown> = {}) => ({ children, type: 'listitem', value: 1, version: 1, ...extra })
const cell = (children: unknown[], headerState: number, extra: Record<string, unknown> = {}) => ({ children, headerState, type: 'tablecell', version: 1, ...extra })

/** Every node type and format the post converters handle, with hostile strings. */
const everything = {
  root: {
    children: [
      { children: [text('Demoted <h1> & “quotes”')], tag: 'h1', type: 'heading', version: 1 },
      { children: [text('Sub-heading')], format: 'center', tag: 'h3', type: 'heading', version: 1 },
      paragraph([
        text('bold', 1),
        text(' italic', 2),
        text(' bold-italic', 3),
        text(' strike', 4),
        text(' underline', 8),
        text(' code', 16),
        text(' sub', 32),
        text(' sup', 64),
        text(" it's <b>not</b> html & so on"),
        { type: 'linebreak', version: 1 },
        { type: 'tab', version: 1 },
        { footnote: 11, type: 'endnote', version: 1 },
        text(' and again'),
        { footnote: 11, type: 'endnote', version: 1 },
        { footnote: 22, type: 'endnote', version: 1 },
        { footnote: 99, type: 'endnote', version: 1 },
      ]),
      paragraph([text('Indented, right')], { format: 'right', indent: 2 }),
      paragraph([]),
      paragraph([
        link({ linkType: 'custom', newTab: true, url: 'https://example.org/?q="x"&y=1' }, [text('external')]),
        link({ linkType: 'custom', url: 'javascript:alert(1)' }, [text('unsafe')]),
        link({ linkType: 'custom', url: '//evil.example' }, [text('protocol-relative')]),
        link({ linkType: 'internal', doc: { relationTo: 'posts', value: { language: 'tr', slug: 'bir-yazı' } } }, [text('internal')]),
        link({ linkType: 'internal', doc: { relationTo: 'posts', value: 7 } }, [text('unpopulated')]),
        link({ url: 'https://auto.example/path' }, [text('https://auto.example/path')], 'autolink'),
      ]),
      { children: [paragraph([text('A quote.')])], type: 'quote', version: 1 },
      { children: [text('Quote text directly')], type: 'quote', version: 1 },
      {
        children: [listItem([text('one')]), listItem([text('two'), { children: [listItem([text('nested')])], listType: 'bullet', start: 1, tag: 'ul', type: 'list', version: 1 }])],
        listType: 'number',
        start: 3,
        tag: 'ol',
        type: 'list',
        version: 1,
      },
      { children: [listItem([text('plain')], { indent: 1 })], listType: 'bullet', start: 1, tag: 'ul', type: 'list', version: 1 },
      { children: [listItem([text('done')], { checked: true }), listItem([text('todo')], { checked: false })], listType: 'check', start: 1, tag: 'ul', type: 'list', version: 1 },
      { type: 'horizontalrule', version: 1 },
      {
        children: [
          { children: [cell([paragraph([text('H')])], 1), cell([paragraph([text('wide')])], 0, { backgroundColor: '#eee', colSpan: 2 })], type: 'tablerow', version: 1 },
          { children: [cell([paragraph([text('a')])], 0, { rowSpan: 2 }), cell([paragraph([text('b')])], 0)], type: 'tablerow', version: 1 },
        ],
        type: 'table',
        version: 1,
      },
      {
        fields: { alt: 'A "map"' },
        relationTo: 'media',
        type: 'upload',
        value: { alt: 'map', caption: 'Caption', credit: 'Credit & co', filename: 'map.png', height: 600, mimeType: 'image/png', sizes: { card: { url: '/media/map-card.png', width: 640 } }, url: '/media/map.png', width: 1200 },
        version: 1,
      },
      { relationTo: 'media', type: 'upload', value: { filename: 'report.pdf', mimeType: 'application/pdf', url: '/media/report.pdf' }, version: 1 },
      { relationTo: 'posts', type: 'relationship', value: 3, version: 1 },
      { fields: { blockType: 'unknown' }, type: 'block', version: 1 },
      { type: 'mystery', version: 1 },
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
}

const endnoteEntries = [
  { footnote: footnoteRecord(11), label: 'i', number: 1 },
  { footnote: footnoteRecord(22, { citedAuthors: null, note: 'An explanatory <note>.', title: null, url: null }), label: 'ii', number: 2 },
]

/** What React's own renderer makes of the same converters (the page rendered this before). */
function reactMarkup(content: unknown, lang: string, entries: typeof endnoteEntries): string {
  const endnotes = preparePageEndnotes({ content: content as never, endnotes: entries as never }, lang)
  return renderToStaticMarkup(
    createElement(RichText, {
      converters: createPostConverters({ endnoteReference: endnotes.referenceFor, lang }),
      data: content as SerializedEditorState,
      disableContainer: true,
      disableIndent: ['listitem'],
    }),
  )
}

describe('renderStaticMarkup', () => {
  it("writes every node type of a post body exactly as React's renderToStaticMarkup does", () => {
    for (const lang of ['en', 'tr']) {
      const endnotes = preparePageEndnotes({ content: everything as never, endnotes: endnoteEntries as never }, lang)
      const html = renderPostBodyHtml(everything as never, endnotes, lang)
      expect(html).toBe(reactMarkup(everything, lang, endnoteEntries))
      // what the converters guarantee, checked on the string itself
      expect(html).toContain('<sup class="noteref" id="ref-i-2">')
      expect(html).toContain('aria-describedby="ref-i-1-preview"')
      expect(html).toContain('<span class="noteref__preview" hidden="" id="ref-i-1-preview" role="tooltip">')
      expect(html).not.toContain('javascript:')
      expect(html).not.toContain('//evil.example')
      expect(html).not.toContain('<h1')
      expect(html).not.toContain('<b>')
    }
  })

  it('renders the demo articles in both languages as React does', () => {
    const ids = new Map(seedFootnotes.map((note, index) => [note.key, index + 1]))
    let compared = 0
    for (const article of articles) {
      for (const lang of ['en', 'tr'] as const) {
        const content = markupToLexical(article[lang].body, (key) => ids.get(key)!)
        const entries = [...new Set(article[lang].body.join(' ').match(/\[\[fn:([\w-]+)\]\]/g) ?? [])].map((marker, index) => {
          const note = seedFootnotes.find((candidate) => `[[fn:${candidate.key}]]` === marker)!
          return { footnote: { ...note, createdAt: '', id: ids.get(note.key)!, updatedAt: '' }, label: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][index]!, number: index + 1 }
        })
        const endnotes = preparePageEndnotes({ content: content as never, endnotes: entries as never }, lang)
        const html = renderPostBodyHtml(content as never, endnotes, lang)
        expect(html).toBe(reactMarkup(content, lang, entries as never))
        expect(html).toContain('role="doc-noteref"')
        const list = endnotesListHtml(lang, endnotes.notes)
        expect(list).toBe(renderToStaticMarkup(createElement(EndnotesList, { lang, notes: endnotes.notes })))
        expect(list).toContain('role="doc-backlink"')
        compared++
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4)
  })

  it('escapes like React, including attribute quotes, and handles fragments, numbers and styles', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;')
    const tree = createElement(
      Fragment,
      null,
      createElement('p', { 'data-x': false, hidden: false, style: { marginTop: 4, opacity: 0.5, paddingInlineStart: '40px' }, tabIndex: -1 }, 1, null, false, [
        'a',
        createElement('br', { key: 'b' }),
        'c',
      ]),
      createElement('div', { 'aria-hidden': false, dangerouslySetInnerHTML: { __html: '<i>raw</i>' } }),
      createElement('time', { dateTime: '2026-01-01' }, 'x'),
      createElement('input', { readOnly: true, value: 'v' }),
      createElement('img', { alt: '', crossOrigin: 'anonymous', loading: 'lazy', srcSet: 'a 1w' }),
      createElement('td', { colSpan: 2, rowSpan: 3 }),
    )
    expect(renderStaticMarkup(tree)).toBe(renderToStaticMarkup(tree))
  })
})

describe('articleContent', () => {
  const post = (updatedAt: string, body: string, noteUpdatedAt = '2025-12-04T10:00:00.000Z') => ({
    content: { root: { children: [paragraph([text(body), { footnote: 11, type: 'endnote', version: 1 }])], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } } as never,
    endnotes: [{ footnote: footnoteRecord(11, { updatedAt: noteUpdatedAt }), label: 'i', number: 1 }] as never,
    id: 5,
    updatedAt,
  })

  it('renders once per version: a new updatedAt, an edited footnote record, another language or a draft each render anew', () => {
    clearArticleCache()
    const first = articleContent(post('2026-01-01T00:00:00.000Z', 'First body.'), 'en', { draft: false })
    expect(first.bodyHtml).toContain('First body.')
    expect(first.readingMinutes).toBeGreaterThan(0)
    expect(first.notes.map((note) => note.refIds)).toEqual([['ref-i-1']])
    // same version: the very same object, not a re-render
    expect(articleContent(post('2026-01-01T00:00:00.000Z', 'First body.'), 'en', { draft: false })).toBe(first)
    // a save changes updatedAt: the new body shows
    expect(articleContent(post('2026-01-02T00:00:00.000Z', 'Second body.'), 'en', { draft: false }).bodyHtml).toContain('Second body.')
    // a footnote record edited on its own: the preview text and the key change
    const renamed = post('2026-01-02T00:00:00.000Z', 'Second body.', '2026-02-01T00:00:00.000Z')
    ;(renamed.endnotes as unknown as { footnote: { title: string } }[])[0]!.footnote.title = 'Renamed source'
    expect(articleContent(renamed, 'en', { draft: false }).bodyHtml).toContain('Renamed source')
    expect(articleVersionKey(post('x', 'b'), 'en', false)).not.toBe(articleVersionKey(post('x', 'b'), 'tr', false))
    expect(articleVersionKey(post('x', 'b'), 'en', false)).not.toBe(articleVersionKey(post('x', 'b'), 'en', true))
  })

  it('never caches a body whose documents are populated at render time', () => {
    const withUpload = { ...post('x', 'b'), content: { root: { children: [{ relationTo: 'media', type: 'upload', value: 1, version: 1 }], type: 'root' } } as never }
    expect(articleVersionKey(withUpload, 'en', false)).toBeNull()
  })
})

describe('BoundedLru', () => {
  it('evicts the least recently used entry by count and by total size', () => {
    const lru = new BoundedLru<string>(3, 10, (value) => value.length)
    lru.set('a', 'aaa')
    lru.set('b', 'bbb')
    lru.set('c', 'ccc')
    expect(lru.get('a')).toBe('aaa') // a is now the most recent
    lru.set('d', 'd')
    expect([lru.get('b'), lru.size]).toEqual([undefined, 3])
    lru.set('e', 'eeeeee') // 3 + 3 + 1 + 6 > 10: the oldest go until it fits
    expect(lru.totalSize).toBeLessThanOrEqual(10)
    expect(lru.get('e')).toBe('eeeeee')
    lru.set('huge', 'x'.repeat(11)) // larger than the whole budget: not kept
    expect(lru.get('huge')).toBeUndefined()
  })

  it('approximateBytes: two bytes a character, plus overhead per object, array and property', () => {
    expect(approximateBytes('ab')).toBe(16 + 4)
    expect(approximateBytes(7)).toBe(8)
    expect(approximateBytes(['ab'])).toBe(32 + 8 + 20)
    expect(approximateBytes({ k: 'ab' })).toBe(32 + 8 + 2 + 20)
    // a card list with excerpts weighs its text, not its entry count
    const card = { excerpt: 'ş'.repeat(300), title: 'x'.repeat(80) }
    expect(approximateBytes([card, card])).toBeGreaterThan(2 * 2 * 380)
  })
})

describe('placePreview', () => {
  const viewport = { height: 800, width: 390 }
  it('centres above the reference, inside the viewport', () => {
    expect(placePreview({ height: 20, left: 180, top: 400, width: 30 }, { height: 100, width: 200 }, viewport)).toEqual({ left: 95, side: 'top', top: 294 })
  })
  it('goes below when there is no room above, and is shifted off the edges', () => {
    expect(placePreview({ height: 20, left: 370, top: 30, width: 20 }, { height: 100, width: 200 }, viewport)).toEqual({ left: 182, side: 'bottom', top: 56 })
    expect(placePreview({ height: 20, left: 0, top: 400, width: 20 }, { height: 100, width: 200 }, viewport).left).toBe(8)
  })
})
