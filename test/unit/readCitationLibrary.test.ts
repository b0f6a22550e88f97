import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { CitationLibraryError, detectFormat, readCitationLibrary } from '../../src/plugin/import/citations/readCitationLibrary'

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/citations', name), 'utf8')

describe('readCitationLibrary (citation-js)', () => {
  it('reads BibTeX into footnote fields, keeping the DOI', async () => {
    const { entries, format } = await readCitationLibrary(fixture('library.bib'), 'library.bib')
    expect(format).toBe('bibtex')
    expect(entries.map((entry) => [entry.citation, entry.doi])).toEqual([
      [
        { accessedAt: '2025-02-03', citedAuthors: 'Gülşen Erdoğan, İlker Yılmaz', outlet: 'Uluslararası Hukuk Notları', title: 'Montrö Sözleşmesi ve Boğazlar', url: 'https://doi.org/10.1234/uhn.2023.17' },
        '10.1234/uhn.2023.17',
      ],
      [
        { accessedAt: '2025-12-24', citedAuthors: 'Emil Avdaliani', outlet: 'CEPA', publishedAt: '2025-12-20', title: 'Putin Seeks to Solve His Azerbaijan Problem', url: 'https://cepa.org/article/putin-azerbaijan' },
        undefined,
      ],
      [{ citedAuthors: 'Ayşe Işık', outlet: 'Eurasia Press', title: 'Kazakh Ports and the Caspian Fleet' }, undefined],
    ])
  })

  it('reads RIS and CSL-JSON', async () => {
    const ris = await readCitationLibrary(fixture('library.ris'))
    expect(ris.format).toBe('ris')
    expect(ris.entries.map((entry) => [entry.citation.title, entry.doi, entry.citation.url, entry.citation.accessedAt])).toEqual([
      ['Montrö Sözleşmesi ve Boğazlar', '10.1234/uhn.2023.17', 'https://doi.org/10.1234/UHN.2023.17', undefined],
      ['Middle Trade and Transport Corridor', undefined, 'https://www.worldbank.org/en/mc', '2025-03-05'],
    ])
    const csl = await readCitationLibrary(fixture('library.json'))
    expect(csl.format).toBe('csl-json')
    expect(csl.entries[1].citation).toEqual({
      accessedAt: '2025-01-12',
      citedAuthors: 'Oğuz Şahin',
      outlet: 'Güvenlik Stratejileri',
      publishedAt: '2024-11-30',
      title: 'Karadeniz’de Güvenlik',
      url: 'https://gs.example.org.tr/karadeniz',
    })
  })

  it('names a file that is not a citation library, or an unreadable one', async () => {
    expect(detectFormat('Just some notes')).toBeUndefined()
    await expect(readCitationLibrary('Just some notes', 'notes.txt')).rejects.toThrow(CitationLibraryError)
    await expect(readCitationLibrary('Just some notes', 'notes.txt')).rejects.toThrow(/expected BibTeX \(\.bib\), RIS \(\.ris\) or CSL-JSON/)
    await expect(readCitationLibrary('[{"title": ', 'broken.json')).rejects.toThrow(/The CSL-JSON file cannot be read/)
    await expect(readCitationLibrary('[]', 'empty.json')).rejects.toThrow('The file holds no citation entries.')
  })
})
