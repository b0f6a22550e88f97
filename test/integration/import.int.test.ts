import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { runImportCli } from '../../src/lib/importCli'
import { collectEndnoteIds } from '../../src/plugin/endnote/numberEndnotes'
import { importArticle, type ImportSucceeded } from '../../src/plugin/import/importArticle'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

const fixtures = path.join(import.meta.dirname, '../fixtures/articles')
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string
let analysisId: number

const counts = async () => ({
  categories: (await t.payload.count({ ...asAdmin, collection: 'categories' })).totalDocs,
  footnotes: (await t.payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs,
  posts: (await t.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs,
})

const loadPost = (id: number | string) => t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 1, draft: true, id })

function succeeded(result: Awaited<ReturnType<typeof importArticle>>): ImportSucceeded {
  if (!result.ok) throw new Error(`import refused: ${result.problems.map((p) => p.message).join('; ')}`)
  return result
}

beforeAll(async () => {
  t = await startTestPayload('import')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
  const analysis = await t.payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' }, locale: 'en' })
  await t.payload.update({ ...asAdmin, collection: 'categories', data: { name: 'Analiz' }, id: analysis.id, locale: 'tr' })
  analysisId = analysis.id as number
})

afterAll(async () => {
  await t?.cleanup()
})

describe('importArticle', () => {
  let firstCaspian: ImportSucceeded

  it('imports an English article as a draft with its footnotes, key points and category', async () => {
    const result = succeeded(await importArticle(t.payload, { language: 'en', text: read('caspian-corridor.en.txt') }))
    firstCaspian = result
    expect(result.problems).toEqual([])
    expect(result.warnings).toEqual([])
    // Eight notes: seven with a URL, one explanatory note ([vi]).
    expect(result.created).toEqual({ footnotes: 8, reused: 0 })
    expect(result.post.slug).toBe('the-middle-corridor-after-the-rush-can-the-caspian-route-carry-its-own-weight')

    const post = await loadPost(result.post.id)
    expect(post._status).toBe('draft')
    expect(post.language).toBe('en')
    expect(post.title).toBe('The Middle Corridor After the Rush: Can the Caspian Route Carry Its Own Weight?')
    expect(typeof post.category === 'object' ? post.category?.id : post.category).toBe(analysisId)
    expect(post.highlights?.map((h) => h.text)).toHaveLength(3)
    expect(post.highlights?.[1].text).toMatch(/^Port capacity at Aktau, Kuryk and Alat/)

    // Nine markers, [iii] twice: eight endnotes, the repeated note keeps number iii.
    const cited = collectEndnoteIds(post.content)
    expect(cited).toHaveLength(9)
    expect(cited[7]).toBe(cited[2])
    const endnotes = post.endnotes ?? []
    expect(endnotes.map((note) => note.label)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'])
    const footnote = (index: number) => endnotes[index].footnote as Record<string, any>
    expect(footnote(2)).toMatchObject({
      citedAuthors: 'Daniel Hartmann and Nino Kapanadze',
      outlet: 'Eurasia Logistics Quarterly',
      title: 'Overland or Overseas? Comparing Eurasian Freight Routes',
      url: 'https://elq.example.net/2024/overland-or-overseas',
    })
    expect(footnote(2).accessedAt).toBe('2025-01-20T12:00:00.000Z')
    // The note without a URL is an explanatory note.
    expect(footnote(5).url ?? null).toBeNull()
    expect(footnote(5).note).toMatch(/^The Caspian Sea has no natural outlet/)
    // The body: twelve paragraphs with the markers where they were.
    const paragraphs = (post.content as any).root.children
    expect(paragraphs).toHaveLength(12)
    const firstParagraph = paragraphs[0].children
    expect(firstParagraph.map((node: any) => node.type)).toEqual(['text', 'endnote', 'text'])
    expect(firstParagraph[0].text).toMatch(/describing it as the region's strategic alternative\.$/)
    expect(firstParagraph[2].text).toMatch(/^ Three years on/)
  })

  it('reuses every footnote with a known URL when the same article is imported again', async () => {
    const before = await counts()
    const result = succeeded(await importArticle(t.payload, { language: 'en', text: read('caspian-corridor.en.txt') }))
    expect(result.created).toEqual({ footnotes: 1, reused: 7 })
    expect(result.post.slug).toBe(`${firstCaspian.post.slug}-2`)
    expect((await counts()).footnotes).toBe(before.footnotes + 1)
    const [first, second] = await Promise.all([loadPost(firstCaspian.post.id), loadPost(result.post.id)])
    const ids = (post: typeof first) => (post.endnotes ?? []).map((note) => (note.footnote as { id: number }).id)
    // Same records for the seven URLs; a new record for the explanatory note.
    expect(ids(second).filter((id, i) => id === ids(first)[i])).toHaveLength(7)
    expect(ids(second)[5]).not.toBe(ids(first)[5])
  })

  it('imports an article with more than thirty notes and reports an unknown category without creating it', async () => {
    const before = await counts()
    const result = succeeded(await importArticle(t.payload, { language: 'en', text: read('long-notes.en.txt') }))
    expect(result.created).toEqual({ footnotes: 34, reused: 0 })
    expect(result.warnings).toEqual([expect.stringMatching(/"Policy Brief" matches no category name in en/)])
    const post = await loadPost(result.post.id)
    expect(post.category ?? null).toBeNull()
    expect(post.endnotes).toHaveLength(34)
    expect(post.endnotes?.at(-1)?.label).toBe('xxxiv')
    expect(post.endnotes?.map((note) => note.number)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1))
    const after = await counts()
    expect(after.categories).toBe(before.categories)
    expect(after.footnotes).toBe(before.footnotes + 34)
  })

  it('imports a Turkish article with the Turkish category name', async () => {
    const result = succeeded(await importArticle(t.payload, { language: 'tr', text: read('karadeniz.tr.txt') }))
    expect(result.created).toEqual({ footnotes: 6, reused: 0 })
    expect(result.post.slug).toBe('karadenizde-yeni-guvenlik-denklemi-montroden-deniz-mayinlarina')
    const post = await loadPost(result.post.id)
    expect(post.language).toBe('tr')
    expect(typeof post.category === 'object' ? post.category?.id : post.category).toBe(analysisId)
    expect(post.highlights).toHaveLength(2)
    const second = post.endnotes?.[1].footnote as Record<string, any>
    expect(second).toMatchObject({
      citedAuthors: 'Olena Shevchenko ve İbrahim Doğan',
      title: 'İnsansız Deniz Araçları ve Karadeniz Filosunun Geri Çekilişi',
    })
    expect((post.endnotes?.[5].footnote as Record<string, any>).note).toMatch(/^Mayın temizliğinin süresine/)
    // The same text imported as English finds no English category called "Analiz".
    const asEnglish = succeeded(await importArticle(t.payload, { language: 'en', text: read('karadeniz.tr.txt') }))
    expect(asEnglish.warnings).toEqual([expect.stringMatching(/"Analiz" matches no category name in en/)])
    expect(asEnglish.created).toEqual({ footnotes: 1, reused: 5 })
  })

  it('refuses a malformed article without writing anything, and imports it when forced', async () => {
    const before = await counts()
    const refused = await importArticle(t.payload, { language: 'en', text: read('malformed.en.txt') })
    expect(refused.ok).toBe(false)
    expect(refused.problems.map((problem) => problem.message)).toEqual([
      'Line 5: reference [iv] has no note in the endnote list',
      'Line 7: [iiii] is not a valid roman numeral, so it is not read as a reference',
      'Line 13: note [iii] has an impossible access date "31.02.2025"',
      'Line 14: duplicate note label [ii] (already used on line 12); this note is ignored',
      'Line 15: note [v] is never referenced in the text',
      'Line 16: note [vi] has an access date that cannot be read: "sometime in March"',
      'Line 16: note [vi] has a URL that is not http or https: ftp://icwc.example.org/bulletin.pdf',
      'Line 18: text in the endnote list does not start with a note label such as [i]; it is ignored',
    ])
    expect(await counts()).toEqual(before)

    const forced = succeeded(await importArticle(t.payload, { force: true, language: 'en', text: read('malformed.en.txt') }))
    expect(forced.problems).toHaveLength(8)
    // [ii] [i] [iii] [vi] are cited; [iv] has no note and [v] is never cited.
    expect(forced.created).toEqual({ footnotes: 4, reused: 0 })
    const post = await loadPost(forced.post.id)
    expect(post.endnotes?.map((note) => (note.footnote as Record<string, any>).title)).toEqual([
      'Cotton, Power and the Calendar of Water',
      'From Barter to Bargaining: Water and Energy in Post-Soviet Central Asia',
      'Melting Reserves: Glaciers and the Future of the Syr Darya',
      'Annual Bulletin',
    ])
    const bulletin = post.endnotes?.[3].footnote as Record<string, any>
    expect(bulletin.url ?? null).toBeNull()
    expect(bulletin.accessedAt ?? null).toBeNull()
  })

  it('rolls everything back when a record fails half-way', async () => {
    const before = await counts()
    const text = [
      'A Title That Imports Fine',
      '',
      'A paragraph citing a good note.[i] And a bad one.[ii]',
      '',
      'Endnotes',
      '',
      '[i] Ada Lovelace, “Notes”, Some Outlet, https://example.org/good-note, (Access Date: 01.01.2025).',
      `[ii] Ada Lovelace, “${'Very long title '.repeat(80)}”, Some Outlet, https://example.org/bad-note, (Access Date: 01.01.2025).`,
    ].join('\n')
    await expect(importArticle(t.payload, { language: 'en', text })).rejects.toThrow(/Title/i)
    expect(await counts()).toEqual(before)
    const noGood = await t.payload.find({ ...asAdmin, collection: 'footnotes', where: { url: { equals: 'https://example.org/good-note' } } })
    expect(noGood.totalDocs).toBe(0)
  })

  it('refuses an empty text even when forced', async () => {
    const result = await importArticle(t.payload, { force: true, language: 'en', text: '  \n\n ' })
    expect(result).toEqual({ ok: false, problems: [{ line: 1, message: 'Line 1: the text is empty, no title found' }] })
  })
})

describe('POST /api/posts/import', () => {
  it('is for staff only', async () => {
    const res = await rest.post('/posts/import', { body: { language: 'en', text: read('caspian-corridor.en.txt') } })
    expect(res.status).toBe(403)
  })

  it('imports, lists problems with 422, and imports anyway with force', async () => {
    const auth = { token: editorToken }
    const ok = await rest.post('/posts/import', { ...auth, body: { language: 'tr', text: read('karadeniz.tr.txt') } })
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ created: { footnotes: 1, reused: 5 }, ok: true, problems: [] })
    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', draft: true, id: ok.body.post.id })
    expect(post._status).toBe('draft')

    const before = await counts()
    const refused = await rest.post('/posts/import', { ...auth, body: { language: 'en', text: read('malformed.en.txt') } })
    expect(refused.status).toBe(422)
    expect(refused.body.ok).toBe(false)
    expect(refused.body.problems).toHaveLength(8)
    expect(await counts()).toEqual(before)

    const forced = await rest.post('/posts/import', { ...auth, body: { force: true, language: 'en', text: read('malformed.en.txt') } })
    expect(forced.status).toBe(201)
    expect(forced.body.problems).toHaveLength(8)
  })

  it('names a missing text or an unknown language', async () => {
    const auth = { token: editorToken }
    const noText = await rest.post('/posts/import', { ...auth, body: { language: 'en', text: ' ' } })
    expect(noText.status).toBe(400)
    expect(JSON.stringify(noText.body)).toMatch(/"path":"text"/)
    const badLanguage = await rest.post('/posts/import', { ...auth, body: { language: 'de', text: 'Title\n\nBody.' } })
    expect(badLanguage.status).toBe(400)
    expect(JSON.stringify(badLanguage.body)).toMatch(/"path":"language"/)
  })
})

describe('runImportCli', () => {
  const run = async (args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runImportCli(t.payload, args, { err: (line) => err.push(line), out: (line) => out.push(line) })
    return { code, err, out }
  }

  it('prints the created post as JSON and the counts on stderr', async () => {
    const { code, err, out } = await run(['--lang', 'en', path.join(fixtures, 'caspian-corridor.en.txt')])
    expect(code).toBe(0)
    expect(out).toHaveLength(1)
    const printed = JSON.parse(out[0])
    expect(Object.keys(printed).sort()).toEqual(['id', 'slug'])
    expect(printed.slug).toMatch(/^the-middle-corridor-after-the-rush/)
    const post = await t.payload.findByID({ ...asAdmin, collection: 'posts', draft: true, id: printed.id })
    expect(post.slug).toBe(printed.slug)
    expect(err.join('\n')).toMatch(/0 citation record\(s\) created, 7 reused|1 citation record\(s\) created, 7 reused/)
  })

  it('refuses a malformed file with its problems line by line and a non-zero exit', async () => {
    const before = await counts()
    const file = path.join(fixtures, 'malformed.en.txt')
    const { code, err, out } = await run(['--lang=en', file])
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err.slice(0, 8)).toEqual((await importArticle(t.payload, { language: 'en', text: read('malformed.en.txt') })).problems.map((p) => p.message))
    expect(err[8]).toMatch(/^Refused: 8 problem\(s\).*--force/)
    expect(await counts()).toEqual(before)

    const forced = await run(['--lang', 'en', file, '--force'])
    expect(forced.code).toBe(0)
    expect(JSON.parse(forced.out[0]).id).toBeTruthy()
    expect(forced.err.slice(0, 8)).toEqual(err.slice(0, 8))
  })

  it('reports bad usage with exit code 2', async () => {
    expect((await run([path.join(fixtures, 'caspian-corridor.en.txt')])).code).toBe(2)
    expect((await run(['--lang', 'de', path.join(fixtures, 'caspian-corridor.en.txt')])).code).toBe(2)
    expect((await run(['--lang', 'en'])).code).toBe(2)
    const missing = await run(['--lang', 'en', path.join(os.tmpdir(), 'no-such-article.txt')])
    expect(missing.code).toBe(2)
    expect(missing.err[0]).toMatch(/Cannot read/)
    expect((await run(['--lang', 'en', '--bogus', 'x.txt'])).code).toBe(2)
  })
})
