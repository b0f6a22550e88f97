import { describe, expect, it } from 'vitest'

import { blocksToLexical } from '../../src/plugin/import/docx/blocksToLexical'
import { docxToHtml } from '../../src/plugin/import/docx/docxToHtml'
import { htmlToDocument } from '../../src/plugin/import/docx/htmlToDocument'
import { parseDocx } from '../../src/plugin/import/docx/parseDocx'
import { sniffFile } from '../../src/plugin/import/docx/sniffFile'
import { englishManuscript, turkishManuscript, typedMarkersManuscript } from '../fixtures/docx/buildDocx'

const headings = { highlightsHeadings: ['Highlights', 'Key points', 'Öne Çıkanlar'] }

async function read(file: Buffer) {
  const { html, images } = await docxToHtml(file)
  const article = parseDocx(htmlToDocument(html), headings)
  const nodes = blocksToLexical(article.body, { footnoteOf: (key) => key, mediaOf: (index) => `media-${index}`, mediaSlug: 'media' })
  return { article, images, json: JSON.stringify(nodes), nodes }
}

type Node = { type: string; text?: string; children?: Node[]; format?: number; footnote?: string; tag?: string; listType?: string; fields?: { url?: string } }
const flat = (nodes: Node[]): Node[] => nodes.flatMap((node) => [node, ...flat(node.children ?? [])])

describe('reading a Word manuscript (docx library, real footnotes and endnotes)', () => {
  it('takes the title from the Title style, the category line and the key points under "Highlights"', async () => {
    const { article } = await read(await englishManuscript())
    expect(article.title).toBe('The Middle Corridor After the Rush')
    expect(article.category).toBe('Analysis')
    expect(article.highlights).toEqual(['Freight on the corridor tripled in 2022.', 'Ports on the Caspian are the bottleneck.'])
    expect(article.problems).toEqual([])
  })

  it('places every footnote and endnote where it is cited, in order of reference, parsed as citations', async () => {
    const { article, nodes } = await read(await englishManuscript())
    expect(article.notes.map((note) => note.key)).toEqual(['footnote-1', 'endnote-1', 'footnote-2', 'endnote-2', 'footnote-3'])
    expect(article.notes[1].citation).toEqual({
      accessedAt: '2025-03-05',
      citedAuthors: 'World Bank',
      outlet: 'World Bank Report',
      title: 'Middle Trade and Transport Corridor',
      url: 'https://www.worldbank.org/en/mc',
    })
    expect(article.notes[3].citation).toEqual({ note: 'The corridor is also called the Trans-Caspian International Transport Route (TITR).' })
    const paragraph = flat(nodes as Node[]).find((node) => node.type === 'paragraph')!
    const sequence = paragraph.children!.map((node) => (node.type === 'endnote' ? `[${node.footnote}]` : node.type === 'link' ? `<${node.fields?.url}>` : node.text))
    expect(sequence).toEqual([
      'Freight on the ', 'Middle Corridor', ' grew ', 'sharply', ' after 2022.', '[footnote-1]', ' Its ', 'capacity', ' is limited.',
      // The marker glued to the next word leaves "These" whole.
      '[endnote-1]', 'These figures come from the ', '<https://www.worldbank.org/>', '.',
    ])
    expect(paragraph.children!.map((node) => node.format ?? null)).toEqual([0, 1, 0, 2, 0, null, 0, 8, 0, null, 0, "", 0])
  })

  it('keeps headings, lists, quotes; accepts tracked changes, drops comments and empty paragraphs', async () => {
    const { json, nodes } = await read(await englishManuscript())
    const all = flat(nodes as Node[])
    expect(all.filter((node) => node.type === 'heading').map((node) => node.tag)).toEqual(['h2', 'h3'])
    expect(all.find((node) => node.type === 'list')?.listType).toBe('number')
    expect(all.filter((node) => node.type === 'listitem').map((node) => node.children?.[0]?.text)).toEqual(['Aktau', 'Baku', 'Kuryk'])
    expect(all.find((node) => node.type === 'quote')?.children?.[0]?.text).toBe('A corridor is only as fast as its slowest port.')
    expect(json).toContain('The route was first proposed in 2014 by Kazakhstan.')
    expect(json).not.toContain('never')
    expect(json).not.toContain('Check this figure')
    expect((nodes as Node[]).every((node) => node.type !== 'paragraph' || (node.children ?? []).length > 0)).toBe(true)
  })

  it('collects images with their alt text as upload nodes', async () => {
    const { images, nodes } = await read(await englishManuscript())
    expect(images.map((image) => [image.index, image.alt, image.contentType])).toEqual([
      [1, 'Map of the Middle Corridor', 'image/png'],
      [2, undefined, 'image/png'],
    ])
    expect((nodes as { type: string; value?: string }[]).filter((node) => node.type === 'upload').map((node) => node.value)).toEqual(['media-1', 'media-2'])
  })

  it('reads a Turkish manuscript: first Heading 1 as title, Öne Çıkanlar, Erişim Tarihi with written and numeric dates', async () => {
    const { article } = await read(await turkishManuscript())
    expect(article.title).toBe('Orta Koridor: İstanbul’dan Bakü’ye Işık ve Gölge')
    expect(article.highlights).toEqual(['Yük taşımacılığı 2022’de üç katına çıktı.', 'Hazar limanları darboğaz oluşturuyor.'])
    expect(article.notes.map((note) => note.citation.accessedAt)).toEqual(['2025-02-03', '2025-12-24'])
    expect(article.notes[1].citation.citedAuthors).toBe('İlker Işıkoğlu')
  })

  it('reads typed [i] markers and a typed note list as the text importer does', async () => {
    const { article, nodes } = await read(await typedMarkersManuscript())
    expect(article.problems).toEqual([])
    expect(article.notes.map((note) => [note.key, note.citation.url ?? note.citation.note])).toEqual([
      ['typed-i', 'https://cepa.org/article/putin-azerbaijan'],
      ['typed-ii', 'An explanatory note without a source.'],
    ])
    const texts = flat(nodes as Node[]).map((node) => (node.type === 'endnote' ? `[${node.footnote}]` : node.text)).filter(Boolean)
    expect(texts).toEqual(['The first claim.', '[typed-i]', ' The second claim.', '[typed-ii]', 'These words stay whole.'])
    expect(JSON.stringify(nodes)).not.toContain('Endnotes')
  })

  it('tells a .docx from text, binaries, old .doc files and password-protected .docx by their bytes', async () => {
    expect(sniffFile(await englishManuscript())).toBe('zip')
    expect(sniffFile(Buffer.from('Title\n\nBody with ş and İ.'))).toBe('text')
    expect(sniffFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('binary')
    const ole = Buffer.alloc(1024)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    expect(sniffFile(ole)).toBe('ole')
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 512)
    expect(sniffFile(ole)).toBe('encrypted-docx')
  })
})

describe('reading a .docx saved by LibreOffice Writer (test/fixtures/docx/libreoffice)', () => {
  it('reads its title, key points, footnote and endnotes, tracked changes and comment', async () => {
    const fs = await import('node:fs')
    const file = fs.readFileSync(new URL('../fixtures/docx/libreoffice/manuscript.tr.docx', import.meta.url))
    const { article, json, nodes } = await read(file)
    expect(article.title).toBe('Karadeniz’de Güvenlik: İstanbul Boğazı ve Işık Limanları')
    expect(article.highlights).toEqual(['Boğazlardan geçiş rejimi değişmedi.', 'Ağır yük gemileri için yeni düzenlemeler gündemde.'])
    expect(article.problems).toEqual([])
    expect(article.notes.map((note) => [note.key.split('-')[0], note.citation.accessedAt ?? note.citation.note])).toEqual([
      ['footnote', '2025-02-03'],
      ['endnote', '2025-12-24'],
      ['endnote', 'The Montreux Convention has governed the Straits since 1936; this note explains and cites nothing.'],
    ])
    expect(json).toContain('üzerindeki hassas dengeyi koruyor.')
    expect(json).not.toContain('silinmiş')
    expect(json).not.toContain('kontrol et')
    const all = flat(nodes as Node[])
    expect(all.filter((node) => node.type === 'heading').map((node) => node.children?.[0]?.text)).toEqual(['Giriş', 'The English Summary'])
    expect(all.some((node) => node.type === 'quote')).toBe(true)
    expect(all.find((node) => node.type === 'list')?.listType).toBe('number')
    // "…izliyor.[endnote]Bu gözlem": the word after the marker is intact.
    const texts = all.map((node) => (node.type === 'endnote' ? '[note]' : node.text)).filter(Boolean).join('|')
    expect(texts).toContain('gemi geçişlerini izliyor.|[note]|Bu gözlem, ')
  })
})

describe('import options', () => {
  it('has per-language highlights headings and a 20 MB limit by default; a host sets its own', async () => {
    const { resolveOptions } = await import('../../src/plugin/options')
    const { checkDocxFile } = await import('../../src/plugin/import/importDocx')
    const defaults = resolveOptions()
    expect(defaults.articleImport.maxFileBytes).toBe(20 * 1024 * 1024)
    expect(defaults.articleImport.highlightsHeadings.tr).toContain('Öne Çıkanlar')
    const custom = resolveOptions({ articleImport: { highlightsHeadings: { en: ['At a glance'] }, maxFileBytes: 4096 } })
    expect(custom.articleImport.highlightsHeadings.en).toEqual(['At a glance'])
    expect(() => checkDocxFile(new Uint8Array(5000), custom)).toThrow('The file is 5 KB; files up to 4 KB can be imported.')
    expect(() => resolveOptions({ articleImport: { maxFileBytes: 0 } })).toThrow('[policy-posts] options.articleImport.maxFileBytes must be a positive integer')
  })

  it('uses the configured heading names for key points', async () => {
    const { html } = await docxToHtml(await englishManuscript())
    const article = parseDocx(htmlToDocument(html), { highlightsHeadings: ['At a glance'] })
    expect(article.highlights).toEqual([])
  })
})
