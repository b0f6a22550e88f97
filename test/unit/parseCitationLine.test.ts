import { describe, expect, it } from 'vitest'
import { parseCitationLine } from '../../src/plugin/import/parseCitationLine'

describe('parseCitationLine', () => {
  it('parses the house style with curly quotes', () => {
    expect(
      parseCitationLine(
        'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/x, (Access Date: 24.12.2025).',
      ),
    ).toEqual({
      citation: {
        citedAuthors: 'Emil Avdaliani',
        title: 'Putin Seeks to Solve His Azerbaijan Problem',
        outlet: 'CEPA',
        url: 'https://cepa.org/article/x',
        accessedAt: '2025-12-24',
      },
      issues: [],
    })
  })

  it('parses straight quotes and the Turkish date label', () => {
    const { citation } = parseCitationLine(
      'Gülşen Erdoğan, "Montrö Sözleşmesi", Uluslararası Hukuk Notları, https://uhn.example.org.tr/m, (Erişim Tarihi: 3.2.2025)',
    )
    expect(citation).toEqual({
      citedAuthors: 'Gülşen Erdoğan',
      title: 'Montrö Sözleşmesi',
      outlet: 'Uluslararası Hukuk Notları',
      url: 'https://uhn.example.org.tr/m',
      accessedAt: '2025-02-03',
    })
  })

  it.each([
    ['(Accessed: 01/02/2025)', '2025-02-01'],
    ['(Access date 01-02-2025)', '2025-02-01'],
    ['(accessed on 2025-02-01)', '2025-02-01'],
    ['(Erisim tarihi: 29.02.2024)', '2024-02-29'],
  ])('reads the date in %s', (date, iso) => {
    expect(parseCitationLine(`A B, “T”, O, https://x.org, ${date}.`).citation.accessedAt).toBe(iso)
  })

  it('keeps several authors as written', () => {
    expect(
      parseCitationLine('Daniel Hartmann, Nino Kapanadze and Lena Hoffmann, “Routes”, ELQ, https://elq.example.net/r').citation
        .citedAuthors,
    ).toBe('Daniel Hartmann, Nino Kapanadze and Lena Hoffmann')
  })

  it('handles a citation without author', () => {
    expect(parseCitationLine('“Annual Bulletin”, ICWC, https://icwc.example.org, (Access Date: 01.01.2025).').citation).toEqual({
      title: 'Annual Bulletin',
      outlet: 'ICWC',
      url: 'https://icwc.example.org',
      accessedAt: '2025-01-01',
    })
  })

  it('handles a print citation without URL', () => {
    expect(parseCitationLine('Svante Cornell, “Small Nations and Great Powers”, Routledge, 2001.').citation).toEqual({
      citedAuthors: 'Svante Cornell',
      title: 'Small Nations and Great Powers',
      outlet: 'Routledge, 2001',
    })
  })

  it('handles the American comma inside the quotes', () => {
    expect(parseCitationLine('Jane Roe, “A Title,” Outlet, https://x.org').citation).toMatchObject({
      citedAuthors: 'Jane Roe',
      title: 'A Title',
      outlet: 'Outlet',
    })
  })

  it('treats free text without URL or citation title as an explanatory note', () => {
    const text = 'The term “strategic depth” was popularised in the 2000s; see the discussion above.'
    expect(parseCitationLine(text)).toEqual({ citation: { note: text }, issues: [] })
    expect(parseCitationLine('  Figures  are rounded.  ').citation).toEqual({ note: 'Figures are rounded.' })
  })

  it('keeps text after the access date as a trailing note', () => {
    expect(
      parseCitationLine('A B, “T”, O, https://x.org, (Access Date: 01.01.2025). The page was updated later.').citation.note,
    ).toBe('The page was updated later.')
  })

  it('keeps text between the URL and the date as a note', () => {
    expect(parseCitationLine('A B, “T”, O, https://x.org/a archived copy, (Access Date: 01.01.2025)').citation).toMatchObject({
      url: 'https://x.org/a',
      note: 'archived copy.',
    })
  })

  it('strips sentence punctuation and unbalanced parentheses from URLs', () => {
    expect(parseCitationLine('Org, https://x.org/page.').citation.url).toBe('https://x.org/page')
    expect(parseCitationLine('Org, https://en.example.org/wiki/A_(b), (Access Date: 1.1.2025)').citation.url).toBe(
      'https://en.example.org/wiki/A_(b)',
    )
  })

  it('splits unquoted parts around a URL sensibly', () => {
    expect(parseCitationLine('Ministry of Energy, https://x.org').citation).toEqual({ outlet: 'Ministry of Energy', url: 'https://x.org' })
    expect(parseCitationLine('Emil Avdaliani, CEPA, https://x.org').citation).toEqual({
      citedAuthors: 'Emil Avdaliani',
      outlet: 'CEPA',
      url: 'https://x.org',
    })
    expect(parseCitationLine('Emil Avdaliani, Russia and the Caucasus, CEPA, https://x.org').citation).toEqual({
      citedAuthors: 'Emil Avdaliani',
      title: 'Russia and the Caucasus',
      outlet: 'CEPA',
      url: 'https://x.org',
    })
  })

  it('keeps a sentence with a link whole, with the URL also stored', () => {
    expect(
      parseCitationLine('For the full text of the agreement and its annexes in all official languages, see https://x.org/treaty').citation,
    ).toEqual({
      url: 'https://x.org/treaty',
      note: 'For the full text of the agreement and its annexes in all official languages, see https://x.org/treaty.',
    })
  })

  it('reports an impossible date and leaves accessedAt out', () => {
    const result = parseCitationLine('A B, “T”, O, https://x.org, (Access Date: 31.02.2025).')
    expect(result.citation.accessedAt).toBeUndefined()
    expect(result.issues).toEqual([
      { kind: 'date-impossible', value: '31.02.2025', message: 'has an impossible access date "31.02.2025"' },
    ])
  })

  it('reports an unreadable date', () => {
    expect(parseCitationLine('A B, “T”, O, https://x.org, (Access Date: last spring)').issues).toEqual([
      { kind: 'date-unreadable', value: 'last spring', message: 'has an access date that cannot be read: "last spring"' },
    ])
    expect(parseCitationLine('A B, “T”, O, https://x.org, (Access Date: 2025-13-01)').issues[0].kind).toBe('date-impossible')
  })

  it('reports non-http URLs and drops them', () => {
    for (const bad of ['ftp://x.org/file.pdf', 'www.example.org/page', 'javascript://alert(1)']) {
      const result = parseCitationLine(`Org, “T”, ${bad}, (Access Date: 01.01.2025)`)
      expect(result.citation.url).toBeUndefined()
      expect(result.issues.map((i) => i.kind)).toEqual(['url-not-http'])
      expect(result.citation.title).toBe('T')
    }
  })

  it('tolerates a missing closing parenthesis at the end', () => {
    expect(parseCitationLine('A B, “T”, O, https://x.org, (Access Date: 24.12.2025.').citation).toEqual({
      citedAuthors: 'A B',
      title: 'T',
      outlet: 'O',
      url: 'https://x.org',
      accessedAt: '2025-12-24',
    })
  })

  it('finds a URL written after the access date', () => {
    expect(parseCitationLine('A B, “T”, O, (Access Date: 24.12.2025), https://x.org/a.').citation).toEqual({
      citedAuthors: 'A B',
      title: 'T',
      outlet: 'O',
      url: 'https://x.org/a',
      accessedAt: '2025-12-24',
    })
  })

  it('returns an empty citation for empty text', () => {
    expect(parseCitationLine('   ')).toEqual({ citation: {}, issues: [] })
  })
})
