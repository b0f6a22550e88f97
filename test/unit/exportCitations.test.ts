import { Cite } from '@citation-js/core'
import { describe, expect, it } from 'vitest'

import '@citation-js/plugin-bibtex'
import { toBibtex, toCslJson, type ExportableFootnote } from '../../src/plugin/endnote/exportCitations'
import { isOrganisationName, parseAuthors } from '../../src/plugin/endnote/parseAuthors'

const footnotes: ExportableFootnote[] = [
  {
    id: 1,
    citedAuthors: 'Emil Avdaliani',
    title: 'Putin Seeks to Solve His Azerbaijan Problem',
    outlet: 'CEPA',
    url: 'https://cepa.org/article/x',
    accessedAt: '2025-12-24T12:00:00.000Z',
  },
  {
    id: 'b2',
    citedAuthors: 'Ministry of Foreign Affairs',
    title: 'Annual Report on Regional Trade',
    publishedAt: '2024-03-01',
  },
  { id: 3, note: 'An explanatory note without a source.' },
  {
    id: 4,
    citedAuthors: 'Şule Yıldırım',
    title: 'Mayın Karşı Tedbirleri',
    outlet: 'Karadeniz Politika Forumu',
    url: 'https://kpf.example.org/mcm',
    accessedAt: new Date(Date.UTC(2025, 1, 3)),
  },
]

describe('parseAuthors', () => {
  it.each([
    ['Emil Avdaliani', [{ given: 'Emil', family: 'Avdaliani' }]],
    ['Thomas de Waal', [{ given: 'Thomas', family: 'de Waal' }]],
    ['Mary Ann Smith', [{ given: 'Mary Ann', family: 'Smith' }]],
    ['Avdaliani, Emil', [{ given: 'Emil', family: 'Avdaliani' }]],
    ['Reuters', [{ literal: 'Reuters' }]],
    ['Ministry of Foreign Affairs', [{ literal: 'Ministry of Foreign Affairs' }]],
    ['Ministry of Energy and Natural Resources', [{ literal: 'Ministry of Energy and Natural Resources' }]],
    ['Brookings Institution', [{ literal: 'Brookings Institution' }]],
    ['Dışişleri Bakanlığı', [{ literal: 'Dışişleri Bakanlığı' }]],
    ['DIŞİŞLERİ BAKANLIĞI', [{ literal: 'DIŞİŞLERİ BAKANLIĞI' }]],
    ['EUROPEAN UNIVERSITY INSTITUTE', [{ literal: 'EUROPEAN UNIVERSITY INSTITUTE' }]],
    [
      'Daniel Hartmann and Nino Kapanadze',
      [
        { given: 'Daniel', family: 'Hartmann' },
        { given: 'Nino', family: 'Kapanadze' },
      ],
    ],
    [
      'Olena Shevchenko ve İbrahim Doğan',
      [
        { given: 'Olena', family: 'Shevchenko' },
        { given: 'İbrahim', family: 'Doğan' },
      ],
    ],
    [
      'Lena Hoffmann, Murat Yıldız and Claire Dubois',
      [
        { given: 'Lena', family: 'Hoffmann' },
        { given: 'Murat', family: 'Yıldız' },
        { given: 'Claire', family: 'Dubois' },
      ],
    ],
    [
      'A. Smith & B. Jones; World Bank',
      [{ given: 'A.', family: 'Smith' }, { given: 'B.', family: 'Jones' }, { literal: 'World Bank' }],
    ],
    ['Jane Doe et al.', [{ given: 'Jane', family: 'Doe' }]],
  ])('%s', (input, expected) => {
    expect(parseAuthors(input)).toEqual(expected)
  })

  it('returns [] for empty input', () => {
    expect(parseAuthors(null)).toEqual([])
    expect(parseAuthors('   ')).toEqual([])
  })

  it('recognises organisations', () => {
    expect(isOrganisationName('Trans-Caspian Route Association')).toBe(true)
    expect(isOrganisationName('Emil Avdaliani')).toBe(false)
  })
})

describe('toCslJson', () => {
  const items = toCslJson(footnotes)

  it('maps a web citation to a webpage item', () => {
    expect(items[0]).toEqual({
      id: 1,
      type: 'webpage',
      'citation-key': 'AvdalianiPutin',
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      author: [{ given: 'Emil', family: 'Avdaliani' }],
      'container-title': 'CEPA',
      URL: 'https://cepa.org/article/x',
      accessed: { 'date-parts': [[2025, 12, 24]] },
    })
  })

  it('maps a citation without URL to an article with an issued date and literal author', () => {
    expect(items[1]).toEqual({
      id: 'b2',
      type: 'article',
      'citation-key': 'Ministry2024Annual',
      title: 'Annual Report on Regional Trade',
      author: [{ literal: 'Ministry of Foreign Affairs' }],
      issued: { 'date-parts': [[2024, 3, 1]] },
    })
  })

  it('keeps explanatory notes as CSL notes', () => {
    expect(items[2]).toEqual({ id: 3, type: 'article', 'citation-key': 'note3', note: 'An explanatory note without a source.' })
  })

  it('builds ASCII citation keys from Turkish names', () => {
    expect(items[3]['citation-key']).toBe('YildirimMayin')
  })

  it('produces JSON-safe items with only CSL variables', () => {
    const allowed = new Set(['id', 'type', 'citation-key', 'title', 'author', 'container-title', 'URL', 'accessed', 'issued', 'note'])
    for (const item of JSON.parse(JSON.stringify(items)) as Record<string, unknown>[]) {
      expect(Object.keys(item).every((key) => allowed.has(key))).toBe(true)
      expect(['webpage', 'article']).toContain(item.type)
    }
  })

  it('makes clashing citation keys unique', () => {
    const same = { citedAuthors: 'Emil Avdaliani', title: 'Putin Again' }
    const keys = toCslJson([
      { id: 1, ...same },
      { id: 2, ...same },
      { id: 3, ...same },
    ]).map((item) => item['citation-key'])
    expect(keys).toEqual(['AvdalianiPutin', 'AvdalianiPutinb', 'AvdalianiPutinc'])
  })

  it('does not mutate its input', () => {
    const input = structuredClone(footnotes)
    toCslJson(input)
    expect(input).toEqual(footnotes)
  })
})

describe('toBibtex', () => {
  it('writes web pages in an outlet as @article in that outlet, with title and url, for BibTeX', () => {
    const bib = toBibtex(footnotes)
    expect(bib).toMatch(/@article\{AvdalianiPutin,[^@]*journal = \{CEPA\}/)
    expect(bib).toContain('url = {https://cepa.org/article/x}')
    expect(bib).toMatch(/title = \{Putin \{Seeks\} to \{Solve\} \{His\} \{Azerbaijan\} \{Problem\}\}/)
    expect(bib).toContain('author = {Avdaliani, Emil}')
    expect(bib).toContain('author = {{Ministry of Foreign Affairs}}')
    expect(bib).toMatch(/@article\{Ministry2024Annual,/)
    expect(bib.match(/^@/gm)).toHaveLength(4)
  })

  it('writes @online entries with urldate for BibLaTeX', () => {
    const bib = toBibtex(footnotes, 'biblatex')
    expect(bib).toMatch(/@online\{AvdalianiPutin,/)
    expect(bib).toContain('urldate = {2025-12-24}')
    expect(bib).toContain('url = {https://kpf.example.org/mcm}')
  })

  it('writes a web page without an outlet as @misc', () => {
    const bib = toBibtex([{ id: 9, title: 'Data portal', url: 'https://data.example.org/' }])
    expect(bib).toMatch(/@misc\{/)
  })

  it.each(['bibtex', 'biblatex'] as const)('keeps the outlet, title, URL and authors when %s is imported back with citation-js', (dialect) => {
    const reuters: ExportableFootnote = {
      accessedAt: '2025-12-24',
      citedAuthors: 'Nailia Bagirova',
      id: 7,
      outlet: 'Reuters',
      publishedAt: '2025-03-01',
      title: 'Azerbaijan signs gas deal',
      url: 'https://www.reuters.com/business/energy/azerbaijan-gas-2025-03-01/',
    }
    const back = new Cite(toBibtex([reuters, footnotes[3]], dialect)).data as Record<string, any>[]
    expect(back).toHaveLength(2)
    expect(back[0]['container-title']).toBe('Reuters')
    expect(back[0].title).toBe('Azerbaijan signs gas deal')
    expect(back[0].URL).toBe(reuters.url)
    expect(back[0].author).toEqual([{ family: 'Bagirova', given: 'Nailia' }])
    expect(back[1]['container-title']).toBe('Karadeniz Politika Forumu')
    expect(back[1].title).toBe('Mayın Karşı Tedbirleri')
  })

  it('escapes non-ASCII letters so the file stays ASCII', () => {
    const bib = toBibtex([footnotes[3]])
    expect(bib).toMatch(/@article\{YildirimMayin,/)
    expect(/^[\x00-\x7F]*$/.test(bib)).toBe(true)
  })

  it('returns an empty string for no footnotes', () => {
    expect(toBibtex([])).toBe('')
  })
})
