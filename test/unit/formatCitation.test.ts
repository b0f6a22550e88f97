import { describe, expect, it } from 'vitest'
import {
  citationParts,
  formatCitation,
  formatDate,
  formatLongDate,
  toDateParts,
  toIsoDate,
  type CitationInput,
} from '../../src/plugin/endnote/formatCitation'

const cepa: CitationInput = {
  citedAuthors: 'Emil Avdaliani',
  title: 'Putin Seeks to Solve His Azerbaijan Problem',
  outlet: 'CEPA',
  url: 'https://cepa.org/article/x',
  accessedAt: '2025-12-24T12:00:00.000Z',
}

describe('formatCitation', () => {
  it('renders the English house style', () => {
    expect(formatCitation(cepa, 'en')).toBe(
      'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/x, (Access Date: 24.12.2025).',
    )
  })

  it('renders the Turkish access-date label', () => {
    expect(formatCitation(cepa, 'tr')).toBe(
      'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/x, (Erişim Tarihi: 24.12.2025).',
    )
  })

  it('falls back to English for unknown languages and region tags use their base', () => {
    expect(formatCitation(cepa, 'de')).toContain('(Access Date: 24.12.2025).')
    expect(formatCitation(cepa, 'tr-TR')).toContain('(Erişim Tarihi: 24.12.2025).')
  })

  it('uses a label passed by the host', () => {
    expect(formatCitation(cepa, 'de', { accessDate: 'Zugriff am' })).toContain('(Zugriff am: 24.12.2025).')
  })

  it('skips missing parts without doubled commas', () => {
    expect(formatCitation({ title: 'Only a Title', url: 'https://x.org', accessedAt: null }, 'en')).toBe(
      '“Only a Title”, https://x.org.',
    )
    expect(formatCitation({ citedAuthors: '  ', outlet: 'Reuters', accessedAt: '2025-01-02' }, 'en')).toBe(
      'Reuters, (Access Date: 02.01.2025).',
    )
    expect(formatCitation({ citedAuthors: 'A. Writer', title: '', outlet: null, url: 'https://x.org' }, 'en')).toBe(
      'A. Writer, https://x.org.',
    )
  })

  it('renders an explanatory note alone', () => {
    expect(formatCitation({ note: 'The figures refer to 2023 volumes.' }, 'en')).toBe(
      'The figures refer to 2023 volumes.',
    )
    expect(formatCitation({ note: 'No final stop' }, 'tr')).toBe('No final stop.')
  })

  it('appends a note after a citation', () => {
    expect(formatCitation({ ...cepa, note: 'See also the follow-up piece.' }, 'en')).toBe(
      'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/x, (Access Date: 24.12.2025). See also the follow-up piece.',
    )
  })

  it('does not double quotes or stops', () => {
    expect(formatCitation({ title: '“Already Quoted”', outlet: 'Brookings Inc.' }, 'en')).toBe(
      '“Already Quoted”, Brookings Inc.',
    )
  })

  it('collapses whitespace in fields', () => {
    expect(formatCitation({ citedAuthors: ' Emil\n  Avdaliani ', title: 'A\tTitle' }, 'en')).toBe(
      'Emil Avdaliani, “A Title”.',
    )
  })

  it('prints a published date after the outlet', () => {
    expect(formatCitation({ title: 'T', outlet: 'O', publishedAt: '2024-03-01' }, 'en')).toBe('“T”, O, 01.03.2024.')
  })

  it('skips invalid dates instead of printing NaN', () => {
    expect(formatCitation({ title: 'T', accessedAt: 'not a date' }, 'en')).toBe('“T”.')
    expect(formatCitation({ title: 'T', accessedAt: new Date('x') }, 'en')).toBe('“T”.')
  })

  it('returns an empty string for an empty record', () => {
    expect(formatCitation({}, 'en')).toBe('')
  })
})

describe('citationParts', () => {
  it('returns the URL as its own segment between text runs', () => {
    expect(citationParts(cepa, 'en')).toEqual([
      { kind: 'text', text: 'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, ' },
      { kind: 'url', text: 'https://cepa.org/article/x' },
      { kind: 'text', text: ', (Access Date: 24.12.2025).' },
    ])
  })

  it('starts with the URL segment when it is the only part', () => {
    expect(citationParts({ url: 'https://x.org/a' }, 'en')).toEqual([
      { kind: 'url', text: 'https://x.org/a' },
      { kind: 'text', text: '.' },
    ])
  })

  it('links http(s) URLs inside a note and does not repeat the stored URL', () => {
    expect(
      citationParts({ url: 'https://x.org/treaty', note: 'For the full text, see https://x.org/treaty' }, 'en'),
    ).toEqual([
      { kind: 'text', text: 'For the full text, see ' },
      { kind: 'url', text: 'https://x.org/treaty' },
      { kind: 'text', text: '.' },
    ])
    expect(citationParts({ note: 'Mirror at ftp://x.org/a and http://y.org/b (archived).' }, 'en')).toEqual([
      { kind: 'text', text: 'Mirror at ftp://x.org/a and ' },
      { kind: 'url', text: 'http://y.org/b' },
      { kind: 'text', text: ' (archived).' },
    ])
  })

  it('returns [] for an empty record', () => {
    expect(citationParts({ citedAuthors: null, note: ' ' }, 'en')).toEqual([])
  })
})

describe('dates', () => {
  it('formats dd.mm.yyyy in UTC from strings and Dates', () => {
    expect(formatDate('2025-12-24', 'en')).toBe('24.12.2025')
    expect(formatDate('2025-12-24T12:00:00.000Z', 'tr')).toBe('24.12.2025')
    expect(formatDate('2025-12-31T23:30:00.000Z', 'en')).toBe('31.12.2025')
    expect(formatDate(new Date(Date.UTC(2025, 0, 5)), 'xx')).toBe('05.01.2025')
    // An offset time is converted to its UTC calendar day.
    expect(formatDate('2025-01-01T01:00:00+03:00', 'en')).toBe('31.12.2024')
  })

  it('returns an empty string for missing, malformed or impossible dates', () => {
    for (const bad of [null, undefined, '', 'yesterday', '24.12.2025', '2025-02-31', '2025-13-01', '2023-02-29T10:00:00Z']) {
      expect(formatDate(bad, 'en')).toBe('')
    }
    expect(formatDate('2024-02-29', 'en')).toBe('29.02.2024')
  })

  it('gives calendar parts and ISO dates', () => {
    expect(toDateParts('2025-12-24')).toEqual({ year: 2025, month: 12, day: 24 })
    expect(toIsoDate({ year: 2025, month: 3, day: 7 })).toBe('2025-03-07')
  })

  it('formats long dates with Intl month names', () => {
    expect(formatLongDate('2025-12-24', 'en')).toBe('24 December 2025')
    expect(formatLongDate('2025-12-24T23:59:00.000Z', 'tr')).toBe('24 Aralık 2025')
    expect(formatLongDate(new Date(Date.UTC(2025, 7, 1)), 'tr')).toBe('1 Ağustos 2025')
    expect(formatLongDate('2025-12-24', 'de')).toBe('24. Dezember 2025')
  })

  it('falls back to British English for unusable language tags', () => {
    expect(formatLongDate('2025-12-24', 'en_US')).toBe('24 December 2025')
    expect(formatLongDate('2025-12-24', 'qq')).toBe('24 December 2025')
    expect(formatLongDate('nope', 'en')).toBe('')
  })
})

describe('explanatory notes with stray metadata', () => {
  it('print the note alone, without an access date', () => {
    const text = formatCitation({ accessedAt: '2025-12-03', note: '“Middle Corridor” is used as shorthand.' }, 'en')
    expect(text).toBe('“Middle Corridor” is used as shorthand.')
  })
})
