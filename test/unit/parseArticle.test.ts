import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticle, type InlineSegment, type ParsedArticle } from '../../src/plugin/import/parseArticle'

const fixture = (name: string): string =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/articles', name), 'utf8')

const refsOf = (article: ParsedArticle): string[] =>
  article.paragraphs.flat().flatMap((s) => (s.type === 'ref' ? [s.label] : []))

const plainText = (paragraph: InlineSegment[]): string =>
  paragraph.map((s) => (s.type === 'text' ? s.text : `[${s.label}]`)).join('')

const wordCount = (article: ParsedArticle): number =>
  article.paragraphs
    .flat()
    .flatMap((s) => (s.type === 'text' ? s.text.split(/\s+/).filter(Boolean) : []))
    .length

const noteOf = (article: ParsedArticle, label: string) => {
  const note = article.notes.find((n) => n.label === label)
  if (!note) throw new Error(`no note [${label}]`)
  return note
}

describe('parseArticle: caspian-corridor.en.txt', () => {
  const text = fixture('caspian-corridor.en.txt')
  const article = parseArticle(text)

  it('reads title, category and key points', () => {
    expect(article.title).toBe('The Middle Corridor After the Rush: Can the Caspian Route Carry Its Own Weight?')
    expect(article.category).toBe('Analysis')
    expect(article.highlights).toHaveLength(3)
    expect(article.highlights[1]).toBe(
      'Port capacity at Aktau, Kuryk and Alat is no longer the main bottleneck; tariffs, rolling stock and customs coordination are.',
    )
  })

  it('reads 12 paragraphs with 9 references to 8 notes, [iii] cited twice', () => {
    expect(article.paragraphs).toHaveLength(12)
    expect(refsOf(article)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'iii', 'viii'])
    expect(article.notes.map((n) => n.label)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'])
    expect(wordCount(article)).toBeGreaterThan(1000)
  })

  it('splits a paragraph into text and reference segments', () => {
    expect(article.paragraphs[0][0]).toEqual({
      type: 'text',
      text: expect.stringMatching(/^When Russia's full-scale invasion/),
    })
    const withRef = article.paragraphs[0]
    expect(withRef.filter((s) => s.type === 'ref')).toEqual([{ type: 'ref', label: 'i' }])
    expect(plainText(withRef)).toContain("the region's strategic alternative.[i] Three years on")
  })

  it('keeps an editorial ellipsis in brackets as text', () => {
    expect(plainText(article.paragraphs[6])).toContain('long before the paperwork is […] we lose more days')
  })

  it('parses a full citation', () => {
    expect(noteOf(article, 'i')).toEqual({
      label: 'i',
      line: 35,
      citation: {
        citedAuthors: 'Leyla Mammadli',
        title: 'A Corridor Comes of Age: Connectivity Politics on the Caspian',
        outlet: 'Caspian Policy Review',
        url: 'https://caspianpolicyreview.example.org/articles/corridor-comes-of-age',
        accessedAt: '2025-03-14',
      },
    })
  })

  it('parses several authors, straight quotes and a trailing note', () => {
    expect(noteOf(article, 'iii').citation.citedAuthors).toBe('Daniel Hartmann and Nino Kapanadze')
    expect(noteOf(article, 'iv').citation.title).toBe('Kuryk, Aktau and Alat: The Port Race on the Caspian')
    expect(noteOf(article, 'v').citation).toMatchObject({
      citedAuthors: 'Giorgi Beridze',
      accessedAt: '2025-03-05',
      note: 'The author notes that tariff talks resumed in early 2025.',
    })
  })

  it('keeps the explanatory note as free text', () => {
    expect(noteOf(article, 'vi')).toEqual({
      label: 'vi',
      line: 40,
      citation: {
        note: 'The Caspian Sea has no natural outlet to the ocean; vessels built elsewhere reach it through the Volga–Don canal system, which limits their size, or are assembled locally.',
      },
    })
  })

  it('reports no problems', () => {
    expect(article.problems).toEqual([])
  })

  it('parses Windows line endings, tabs and trailing spaces identically', () => {
    const windows = text.replace(/\n/g, ' \t\r\n')
    expect(parseArticle(windows)).toEqual(article)
    expect(parseArticle(`\uFEFF${text.replace(/\n/g, '\r')}`)).toEqual(article)
  })
})

describe('parseArticle: long-notes.en.txt', () => {
  const article = parseArticle(fixture('long-notes.en.txt'))

  it('reads the prefixed category and three dash key points', () => {
    expect(article.title).toBe('Modernising the Turkey–EU Customs Union: A Deal Both Sides Need and Neither Can Sign')
    expect(article.category).toBe('Policy Brief')
    expect(article.highlights).toHaveLength(3)
    expect(article.highlights[0]).toMatch(/^The 1995 customs union still shapes/)
  })

  it('reads 30 paragraphs (headings included) and 34 references in order', () => {
    expect(article.paragraphs).toHaveLength(30)
    expect(plainText(article.paragraphs[7])).toBe('The asymmetries of the current arrangement')
    const refs = refsOf(article)
    expect(refs).toHaveLength(34)
    expect(refs[28]).toBe('xxix')
    expect(refs[33]).toBe('xxxiv')
    expect(wordCount(article)).toBeGreaterThan(2000)
  })

  it('reads 34 notes labelled i … xxxiv with their line numbers', () => {
    expect(article.notes).toHaveLength(34)
    expect(article.notes[0]).toMatchObject({ label: 'i', line: 70 })
    expect(article.notes[33]).toMatchObject({ label: 'xxxiv', line: 104 })
  })

  it('joins a note wrapped over two lines', () => {
    expect(noteOf(article, 'xxviii')).toEqual({
      label: 'xxviii',
      line: 97,
      citation: {
        citedAuthors: 'Isabel Romero',
        title: 'Agriculture in an Extended Customs Union: Winners and Losers',
        outlet: 'Mediterranean Agri-Food Studies',
        url: 'https://mafs.example.es/winners-losers',
        accessedAt: '2025-03-03',
      },
    })
  })

  it('reads ISO access dates, organisations, three authors and outlets with punctuation', () => {
    expect(noteOf(article, 'xxxii').citation.accessedAt).toBe('2025-03-06')
    expect(noteOf(article, 'xv').citation.citedAuthors).toBe('Turkish Statistical Institute')
    expect(noteOf(article, 'xviii').citation.citedAuthors).toBe('Lena Hoffmann, Murat Yıldız and Claire Dubois')
    expect(noteOf(article, 'xvi').citation.outlet).toBe('COM(2016) 830')
    expect(noteOf(article, 'xii').citation.title).toBe(
      'Turkey — Certain Measures concerning the Production, Importation and Marketing of Pharmaceutical Products',
    )
  })

  it('keeps explanatory notes, including one with quoted words, as free text', () => {
    for (const label of ['viii', 'xxvi', 'xxxiii']) {
      expect(Object.keys(noteOf(article, label).citation)).toEqual(['note'])
    }
    expect(noteOf(article, 'xxxiii').citation.note).toMatch(/^On the distinction between a “technical” and a “political” upgrade/)
  })

  it('reports no problems', () => {
    expect(article.problems).toEqual([])
  })
})

describe('parseArticle: karadeniz.tr.txt', () => {
  const article = parseArticle(fixture('karadeniz.tr.txt'))

  it('reads the Turkish title, category and key points', () => {
    expect(article.title).toBe("Karadeniz'de Yeni Güvenlik Denklemi: Montrö'den Deniz Mayınlarına")
    expect(article.category).toBe('Analiz')
    expect(article.highlights).toEqual([
      'Rusya-Ukrayna savaşı, Karadeniz\'i yeniden büyük güç rekabetinin merkezine taşıdı.',
      "Türkiye, Montrö Sözleşmesi'ni titizlikle uygulayarak hem savaşın bölgeye yayılmasını sınırladı hem de kendi manevra alanını korudu.",
    ])
  })

  it('reads 11 paragraphs, 6 references and 6 notes after "Son Notlar"', () => {
    expect(article.paragraphs).toHaveLength(11)
    expect(refsOf(article)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi'])
    expect(article.notes.map((n) => n.label)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi'])
    expect(wordCount(article)).toBeGreaterThan(700)
  })

  it('reads "(Erişim Tarihi: …)" dates and Turkish characters', () => {
    expect(noteOf(article, 'iii')).toEqual({
      label: 'iii',
      line: 34,
      citation: {
        citedAuthors: 'Gülşen Erdoğan',
        title: "Montrö Sözleşmesi'nin 2022 Sonrası Uygulaması",
        outlet: 'Uluslararası Hukuk Notları',
        url: 'https://uhn.example.org.tr/montro-2022',
        accessedAt: '2025-01-20',
      },
    })
    expect(noteOf(article, 'ii').citation.citedAuthors).toBe('Olena Shevchenko ve İbrahim Doğan')
    expect(noteOf(article, 'v').citation.accessedAt).toBe('2025-02-03')
    expect(noteOf(article, 'vi').citation).toEqual({ note: expect.stringMatching(/^Mayın temizliğinin süresine/) })
  })

  it('reports no problems', () => {
    expect(article.problems).toEqual([])
  })
})

describe('parseArticle: malformed.en.txt', () => {
  const article = parseArticle(fixture('malformed.en.txt'))

  it('still parses what it can', () => {
    expect(article.title).toBe('Shared Rivers, Separate Plans: Water Politics in Central Asia')
    expect(article.category).toBeUndefined()
    expect(article.highlights).toEqual([])
    expect(article.paragraphs).toHaveLength(3)
    // Out-of-order first appearance ([ii] before [i]) is not a problem.
    expect(refsOf(article)).toEqual(['ii', 'i', 'iii', 'iv', 'vi'])
    expect(article.notes.map((n) => n.label)).toEqual(['i', 'ii', 'iii', 'v', 'vi'])
  })

  it('keeps the first of two notes with the same label', () => {
    expect(noteOf(article, 'ii').citation.title).toBe('Cotton, Power and the Calendar of Water')
  })

  it('drops the impossible date and the non-http URL but keeps the other fields', () => {
    expect(noteOf(article, 'iii').citation).toEqual({
      citedAuthors: 'Aigerim Bekova',
      title: 'Melting Reserves: Glaciers and the Future of the Syr Darya',
      outlet: 'Mountain Hydrology Today',
      url: 'https://mht.example.org/melting-reserves',
    })
    expect(noteOf(article, 'vi').citation).toEqual({
      citedAuthors: 'Interstate Commission for Water Coordination',
      title: 'Annual Bulletin',
      outlet: 'ICWC Archive',
    })
  })

  it('reports every problem with its line, in line order', () => {
    expect(article.problems).toEqual([
      { line: 5, message: 'Line 5: reference [iv] has no note in the endnote list' },
      { line: 7, message: 'Line 7: [iiii] is not a valid roman numeral, so it is not read as a reference' },
      { line: 13, message: 'Line 13: note [iii] has an impossible access date "31.02.2025"' },
      { line: 14, message: 'Line 14: duplicate note label [ii] (already used on line 12); this note is ignored' },
      { line: 15, message: 'Line 15: note [v] is never referenced in the text' },
      { line: 16, message: 'Line 16: note [vi] has an access date that cannot be read: "sometime in March"' },
      { line: 16, message: 'Line 16: note [vi] has a URL that is not http or https: ftp://icwc.example.org/bulletin.pdf' },
      {
        line: 18,
        message: 'Line 18: text in the endnote list does not start with a note label such as [i]; it is ignored',
      },
    ])
  })
})

describe('parseArticle: format details', () => {
  const body = 'A paragraph long enough to be body text, citing a source.[i]'
  const note = '[i] Jane Roe, “A Title”, Outlet, https://example.org/a, (Access Date: 01.02.2025).'

  it('returns a problem, not an exception, for empty input', () => {
    for (const empty of ['', '  \n\r\n\t  ']) {
      expect(parseArticle(empty)).toEqual({
        title: '',
        highlights: [],
        paragraphs: [],
        notes: [],
        problems: [{ line: 1, message: 'Line 1: the text is empty, no title found' }],
      })
    }
  })

  it('accepts a title alone', () => {
    expect(parseArticle('\n\nJust a Title\n')).toMatchObject({ title: 'Just a Title', paragraphs: [], notes: [], problems: [] })
  })

  it('finds the note list without a heading', () => {
    const article = parseArticle(['Title', '', body, '', note].join('\n'))
    expect(article.paragraphs).toHaveLength(1)
    expect(article.notes).toHaveLength(1)
    expect(article.problems).toEqual([])
  })

  it.each(['Endnotes', 'NOTES', 'References:', 'Son Notlar', 'Kaynakça', 'Dipnotlar', 'KAYNAKÇA'])(
    'recognises the heading %j',
    (heading) => {
      const article = parseArticle(['Title', '', body, '', heading, note].join('\n'))
      expect(article.paragraphs).toHaveLength(1)
      expect(article.notes.map((n) => n.label)).toEqual(['i'])
    },
  )

  it.each([
    ['Analysis', 'Analysis'],
    ['Category: Energy Security', 'Energy Security'],
    ['Kategori: Analiz', 'Analiz'],
    ['Policy Brief', 'Policy Brief'],
  ])('reads %j as the category', (line, category) => {
    expect(parseArticle(['Title', line, '', body].join('\n')).category).toBe(category)
  })

  it.each([
    ['a sentence', 'This is a full sentence.'],
    ['a four-word line', 'One two three four'],
    ['a short line that starts a paragraph', 'Short opening line\ncontinues on the next line.'],
    ['a line with a reference', 'Intro[i]'],
  ])('does not read %s as the category', (_name, line) => {
    const article = parseArticle(['Title', '', line, '', body].join('\n'))
    expect(article.category).toBeUndefined()
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(2)
  })

  it('reads every bullet style, joins wrapped key points and keeps at most five', () => {
    const article = parseArticle(
      ['Title', 'Analysis', '', '• One', '- Two', '* Three', '– Four that', 'wraps onto a second line', '• Five', '• Six', '', body].join('\n'),
    )
    expect(article.highlights).toEqual(['One', 'Two', 'Three', 'Four that wraps onto a second line', 'Five'])
    expect(article.problems).toEqual([
      { line: 10, message: 'Line 10: more than 5 key points; "Six" is left out' },
      { line: 12, message: 'Line 12: reference [i] has no note in the endnote list' },
    ])
  })

  it('drops the wrapped tail of a key point beyond the fifth', () => {
    const bullets = ['• 1', '• 2', '• 3', '• 4', '• 5', '• 6 starts', 'and wraps']
    const article = parseArticle(['Title', '', ...bullets, '', 'Body text here, long enough.'].join('\n'))
    expect(article.highlights).toEqual(['1', '2', '3', '4', '5'])
    expect(article.paragraphs).toEqual([[{ type: 'text', text: 'Body text here, long enough.' }]])
  })

  it('joins the lines of a paragraph, skips separators and splits adjacent markers', () => {
    const article = parseArticle(
      ['Title', '', 'First line of the paragraph', '  second   line.[i][ii] End', '', '* * *', '', 'Next [sic] paragraph.', '', 'Notes', note, '[ii] Just an explanatory remark.'].join('\n'),
    )
    expect(article.paragraphs).toEqual([
      [
        { type: 'text', text: 'First line of the paragraph second line.' },
        { type: 'ref', label: 'i' },
        { type: 'ref', label: 'ii' },
        { type: 'text', text: ' End' },
      ],
      [{ type: 'text', text: 'Next [sic] paragraph.' }],
    ])
    expect(article.problems).toEqual([])
  })

  it('normalises uppercase note labels and reports invalid or empty ones', () => {
    const article = parseArticle(
      ['Title', '', `${body} Again.[ii] And.[iii]`, '', 'Notes', '[I] A remark.', '[II]', '[iiii] Wrong label.', '[iii] Fine.'].join('\n'),
    )
    expect(article.notes.map((n) => [n.label, n.citation])).toEqual([
      ['i', { note: 'A remark.' }],
      ['ii', {}],
      ['iii', { note: 'Fine.' }],
    ])
    expect(article.problems).toEqual([
      { line: 7, message: 'Line 7: note [ii] is empty' },
      { line: 8, message: 'Line 8: note label [iiii] is not a valid roman numeral' },
    ])
  })
})
