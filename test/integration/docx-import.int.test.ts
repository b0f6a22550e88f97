import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { runImportCli } from '../../src/lib/importCli'
import { DocxImportError } from '../../src/plugin/import/docx/DocxImportError'
import { type DocxImportSucceeded, importDocx, type ImportDocxResult } from '../../src/plugin/import/importDocx'
import { englishManuscript, longManuscript, turkishManuscript, typedMarkersManuscript } from '../fixtures/docx/buildDocx'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string
let analysisId: number | string
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-import-'))

const counts = async () => ({
  footnotes: (await t.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs,
  media: (await t.payload.count({ ...asAdmin, collection: 'media' })).totalDocs,
  posts: (await t.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs,
})

function succeeded(result: ImportDocxResult): DocxImportSucceeded {
  if (!result.ok) throw new Error(`import refused: ${result.problems.map((p) => p.message).join('; ')}`)
  if ('preview' in result) throw new Error('got a preview')
  return result
}

async function refusal(promise: Promise<unknown>): Promise<DocxImportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DocxImportError)
  return error as DocxImportError
}

beforeAll(async () => {
  t = await startTestPayload('docx_import')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
  analysisId = (await t.payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' }, locale: 'en' })).id
})

afterAll(async () => {
  await t?.cleanup()
  fs.rmSync(tmp, { force: true, recursive: true })
})

describe('importDocx', () => {
  it('imports a Word manuscript as a draft: notes where they are cited, citations parsed, images as media', async () => {
    const result = succeeded(await importDocx(t.payload, { file: await englishManuscript(), language: 'en' }))
    // Footnotes 1 and 2 cite the same URL: one record; the explanatory endnote is its own record.
    expect(result.created).toEqual({ footnotes: 4, reused: 0 })
    expect(result.media.created).toBe(1)
    expect(result.media.skipped).toEqual([{ index: 2, reason: expect.stringMatching(/no alt text/) }])
    expect(result.warnings).toEqual([expect.stringMatching(/^Image 2 was skipped: it has no alt text/)])

    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 1, draft: true, id: result.post.id })
    expect(post._status).toBe('draft')
    expect(post.title).toBe('The Middle Corridor After the Rush')
    expect((post.category as { id: number | string }).id).toBe(analysisId)
    expect(post.highlights?.map((h) => h.text)).toEqual(['Freight on the corridor tripled in 2022.', 'Ports on the Caspian are the bottleneck.'])
    const notes = (post.endnotes ?? []).map((note) => {
      const record = note.footnote as Record<string, any>
      return [note.label, record.url ?? record.note ?? record.title, record.accessedAt?.slice(0, 10) ?? null]
    })
    expect(notes).toEqual([
      ['i', 'https://cepa.org/article/putin-azerbaijan', '2025-12-24'],
      ['ii', 'https://www.worldbank.org/en/mc', '2025-03-05'],
      ['iii', 'The corridor is also called the Trans-Caspian International Transport Route (TITR).', null],
      ['iv', 'Kazakh Ports and the Caspian Fleet', '2025-01-12'],
    ])
    const json = JSON.stringify(post.content)
    const upload = (post.content as any).root.children.find((node: { type: string }) => node.type === 'upload')
    const media = await t.payload.findByID({ ...asAdmin, collection: 'media', id: upload.value.id ?? upload.value, locale: 'en' })
    expect(media.alt).toBe('Map of the Middle Corridor')
    expect(json).toContain('"text":"These figures come from the "')
    expect(json).not.toContain('never ')
  })

  it('reuses records by URL and by normalised title + outlet on a second import', async () => {
    const before = await counts()
    const result = succeeded(await importDocx(t.payload, { file: await englishManuscript(), language: 'en' }))
    // CEPA and World Bank by URL, the Işık article (no URL) by title + outlet; the explanatory note is new.
    expect(result.created).toEqual({ footnotes: 1, reused: 3 })
    expect((await counts()).footnotes).toBe(before.footnotes + 1)
  })

  it('imports a Turkish manuscript with Öne Çıkanlar and Erişim Tarihi dates', async () => {
    const result = succeeded(await importDocx(t.payload, { file: await turkishManuscript(), language: 'tr' }))
    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 1, draft: true, id: result.post.id })
    expect(post.slug).toBe('orta-koridor-istanbuldan-bakuye-isik-ve-golge')
    expect(post.highlights).toHaveLength(2)
    expect(post.endnotes?.map((note) => [note.label, (note.footnote as Record<string, any>).accessedAt.slice(0, 10)])).toEqual([
      ['i', '2025-02-03'],
      ['ii', '2025-12-24'],
    ])
  })

  it('imports the .docx saved by LibreOffice Writer with its footnote and endnotes numbered i, ii, iii', async () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/docx/libreoffice/manuscript.tr.docx'))
    const result = succeeded(await importDocx(t.payload, { file, language: 'tr' }))
    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 1, draft: true, id: result.post.id })
    expect(post.title).toBe('Karadeniz’de Güvenlik: İstanbul Boğazı ve Işık Limanları')
    expect(post.endnotes?.map((note) => [note.label, (note.footnote as Record<string, any>).citedAuthors ?? null])).toEqual([
      ['i', 'Gülşen Erdoğan'],
      ['ii', 'İlker Işıkoğlu'],
      ['iii', null],
    ])
  })

  it('handles typed [i] markers with a typed note list', async () => {
    const result = succeeded(await importDocx(t.payload, { file: await typedMarkersManuscript(), language: 'en' }))
    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 1, draft: true, id: result.post.id })
    expect(post.endnotes?.map((note) => note.label)).toEqual(['i', 'ii'])
    expect(JSON.stringify(post.content)).toContain('"text":"These words stay whole."')
  })

  it('previews without writing anything', async () => {
    const before = await counts()
    const preview = await importDocx(t.payload, { file: await englishManuscript(), language: 'en', preview: true })
    expect(preview).toMatchObject({
      body: { headings: 2, lists: 1, paragraphs: 3, quotes: 1 },
      category: 'Analysis',
      images: [{ alt: 'Map of the Middle Corridor', index: 1 }, { index: 2, skipped: expect.stringMatching(/no alt text/) }],
      ok: true,
      preview: true,
      title: 'The Middle Corridor After the Rush',
    })
    expect((preview as { notes: unknown[] }).notes).toHaveLength(5)
    expect(await counts()).toEqual(before)
  })
})

describe('bad input: one clear message each, nothing written', () => {
  it('refuses a file that is not a .docx, a damaged one, an old .doc, a password-protected one, a too large one', async () => {
    const before = await counts()
    const good = await englishManuscript()
    const ole = Buffer.alloc(4096)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    const encrypted = Buffer.from(ole)
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024)
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('Just a title\n\nAnd some text.'), 'not-docx', /not a \.docx \(Word\) document: it is plain text/],
      [Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]), 'not-docx', /binary file of another kind/],
      [good.subarray(0, Math.floor(good.length / 2)), 'corrupt', /cannot be read .*damaged/],
      [ole, 'legacy-doc', /Word 97–2003 \(\.doc\)/],
      [encrypted, 'encrypted', /password-protected/],
      [Buffer.concat([good, Buffer.alloc(20 * 1024 * 1024)]), 'too-large', /The file is 20\.\d+ MB; files up to 20 MB can be imported\./],
    ]
    for (const [file, code, message] of cases) {
      const error = await refusal(importDocx(t.payload, { file, force: true, language: 'en' }))
      expect([error.code, error.message]).toEqual([code, expect.stringMatching(message)])
    }
    expect(await counts()).toEqual(before)
  })

  it('refuses a document with more notes than maxEndnotes (500)', async () => {
    const before = await counts()
    const error = await refusal(importDocx(t.payload, { file: await longManuscript({ notes: 501, words: 6000 }), force: true, language: 'en' }))
    expect([error.code, error.message]).toEqual(['too-many-notes', 'The document has 501 notes; a post may cite at most 500.'])
    expect(await counts()).toEqual(before)
  })

  it('rolls back every record when one fails half-way', async () => {
    const before = await counts()
    const d = await import('docx')
    const doc = new d.Document({
      footnotes: {
        1: { children: [new d.Paragraph('Ada Lovelace, “Notes”, Some Outlet, https://example.org/good-docx-note, (Access Date: 01.01.2025).')] },
        2: { children: [new d.Paragraph(`Ada Lovelace, “${'Very long title '.repeat(80)}”, Some Outlet, https://example.org/bad-docx-note`)] },
      },
      sections: [{ children: [new d.Paragraph({ heading: d.HeadingLevel.TITLE, text: 'Half Way' }), new d.Paragraph({ children: [new d.TextRun('Good.'), new d.FootnoteReferenceRun(1), new d.TextRun(' Bad.'), new d.FootnoteReferenceRun(2)] })] }],
    })
    await expect(importDocx(t.payload, { file: Buffer.from(await d.Packer.toBuffer(doc)), language: 'en' })).rejects.toThrow(/Title/i)
    expect(await counts()).toEqual(before)
  })
})

describe('POST /api/posts/import with a .docx', () => {
  const form = async (fields: Record<string, unknown>, file: Buffer, name = 'article.docx') => {
    const body = new FormData()
    // Payload reads a multipart request's fields from one JSON `_payload` part, as its admin sends them.
    body.append('_payload', JSON.stringify(fields))
    body.append('file', new Blob([new Uint8Array(file)]), name)
    return body
  }

  it('previews, then imports; names the file when it is not a .docx', async () => {
    const auth = { token: editorToken }
    const before = await counts()
    const preview = await rest.post('/posts/import', { ...auth, form: await form({ language: 'tr', preview: true }, await turkishManuscript()) })
    expect(preview.body).toMatchObject({ preview: true })
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ highlights: expect.any(Array), preview: true, title: 'Orta Koridor: İstanbul’dan Bakü’ye Işık ve Gölge' })
    expect(await counts()).toEqual(before)

    const imported = await rest.post('/posts/import', { ...auth, form: await form({ language: 'tr' }, await turkishManuscript()) })
    expect(imported.status).toBe(201)
    expect(imported.body).toMatchObject({ created: { footnotes: 0, reused: 2 }, media: { created: 0, skipped: [] }, ok: true })

    const notDocx = await rest.post('/posts/import', { ...auth, form: await form({ language: 'en' }, Buffer.from('plain text'), 'renamed.docx') })
    expect(notDocx.status).toBe(400)
    expect(notDocx.body.errors[0].data.errors[0]).toEqual({ message: expect.stringMatching(/not a \.docx/), path: 'file' })
  })

  it('refuses the bytes of a binary file sent as text', async () => {
    const text = (await englishManuscript()).toString('latin1')
    const res = await rest.post('/posts/import', { body: { language: 'en', text }, token: editorToken })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toEqual({ message: expect.stringMatching(/not plain text/), path: 'text' })
  })
})

describe('npm run import with a .docx', () => {
  const run = async (args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runImportCli(t.payload, args, { err: (line) => err.push(line), out: (line) => out.push(line) })
    return { code, err, out }
  }

  it('prints { id, slug } for a .docx and refuses renamed or foreign files with one message', async () => {
    const docx = path.join(tmp, 'article.docx')
    fs.writeFileSync(docx, await typedMarkersManuscript())
    const ok = await run(['--lang', 'en', docx])
    expect(ok.code).toBe(0)
    expect(Object.keys(JSON.parse(ok.out[0])).sort()).toEqual(['id', 'slug'])

    const before = await counts()
    const textAsDocx = path.join(tmp, 'text.docx')
    fs.writeFileSync(textAsDocx, 'A title\n\nSome text.')
    const wrong = await run(['--lang', 'en', textAsDocx])
    expect(wrong).toEqual({ code: 1, err: [`Refused: ${textAsDocx} is not a .docx (Word) document: it is plain text. Nothing was imported.`], out: [] })

    const binaryAsText = path.join(tmp, 'picture.txt')
    fs.writeFileSync(binaryAsText, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))
    const binary = await run(['--lang', 'en', binaryAsText])
    expect(binary.code).toBe(1)
    expect(binary.err).toEqual([`Refused: ${binaryAsText} is neither plain UTF-8 text nor a .docx: it is a binary file of another kind. Nothing was imported.`])
    expect(await counts()).toEqual(before)
  })
})
