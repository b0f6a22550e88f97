/**
 * XLIFF export and import through Payload's real REST handlers on PostgreSQL: the units and
 * inline codes of both versions, access, the import into a new or existing draft (never
 * published, endnotes and notes kept), pre-filled targets with changed units marked for review,
 * each refusal naming its unit, multipart upload and the batch zip.
 */
import { strFromU8, unzipSync } from 'fflate'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { paragraphNode, rootNode, textNode } from '../../src/plugin/utilities/lexicalBuilders'
import { readXliff } from '../../src/plugin/xliff/read'
import { writeXliff } from '../../src/plugin/xliff/write'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'
import { createTranslatablePost, fillTargets, turkishOf } from '../helpers/xliffFixtures'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editor: string
let translatorTr: string
let translatorDe: string

const fieldErrors = (body: any): { message: string; path: string }[] => body?.errors?.[0]?.data?.errors ?? []

async function importFile(id: number | string, xml: string, token = editor) {
  return rest.post(`/posts/${id}/xliff`, { headers: { 'Content-Type': 'application/xliff+xml' }, raw: xml, token })
}

beforeAll(async () => {
  t = await startTestPayload('xliff')
  rest = restClient(t.payload)
  const e = await createUser(t.payload, 'editor')
  editor = await rest.login(e.email, e.password)
  const tr = await createUser(t.payload, 'translator', { languages: ['tr'] })
  translatorTr = await rest.login(tr.email, tr.password)
  const de = await createUser(t.payload, 'translator', { languages: ['en'] })
  translatorDe = await rest.login(de.email, de.password)
})

afterAll(async () => {
  await t?.cleanup()
})

describe('export', () => {
  it('writes XLIFF 2.1 with one unit per title, highlight, meta description, text block and explanatory note', async () => {
    const { citation, note, post } = await createTranslatablePost(t.payload, 'Trade on the Middle Corridor')
    const res = await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8')
    const xml = res.body as string
    const doc = readXliff(xml)
    expect(doc).toMatchObject({ original: `posts/${post.id}`, sourceLanguage: 'en', targetLanguage: 'tr', version: '2.1' })
    expect(doc.sourceVersion).toBe(post.updatedAt)
    expect(doc.units.map((unit) => unit.id)).toEqual([
      'title',
      'highlight-1',
      'highlight-2',
      'meta-description',
      'body-1',
      'body-2',
      'body-3',
      'body-4',
      'body-5',
      `note-${note.id}`,
    ])
    // Inline codes: bold and the italic link text as <pc>, endnotes as <ph> with their markers.
    const parsed = new XMLParser({ attributeNamePrefix: '', ignoreAttributes: false }).parse(xml)
    const units = parsed.xliff.file.unit as any[]
    const body2 = units.find((unit) => unit.id === 'body-2').segment.source
    expect(body2.pc.map((pc: any) => pc.type)).toEqual(['fmt', 'link'])
    expect(body2.pc[0]).toMatchObject({ '#text': 'fast', subType: 'xlf:b' })
    expect(body2.pc[1]).toMatchObject({ dispStart: 'https://example.org/report', pc: { '#text': 'the report', subType: 'xlf:i' } })
    expect(body2.ph).toMatchObject({ canDelete: 'no', disp: '[i]', type: 'other' })
    const body3 = units.find((unit) => unit.id === 'body-3').segment.source
    expect(body3.ph.map((ph: any) => ph.disp)).toEqual(['[ii]', '[i]'])
    expect(units.find((unit) => unit.id === `note-${note.id}`).segment.source).toBe('The figures exclude transit trade.')
    // The citation record itself is not a unit.
    expect(xml).not.toContain(String(citation.title))
    expect(units.every((unit) => unit.segment.target === undefined)).toBe(true)
  })

  it('writes XLIFF 1.2 with <g> and <x/> codes', async () => {
    const { post } = await createTranslatablePost(t.payload, 'Trade on the Middle Corridor 1.2')
    const res = await rest.get(`/posts/${post.id}/xliff?target=tr&version=1.2`, { token: editor })
    expect(res.status).toBe(200)
    const parsed = new XMLParser({ attributeNamePrefix: '', ignoreAttributes: false }).parse(res.body as string)
    expect(parsed.xliff.version).toBe('1.2')
    expect(parsed.xliff.file).toMatchObject({ original: `posts/${post.id}`, 'source-language': 'en', 'target-language': 'tr' })
    const body2 = (parsed.xliff.file.body['trans-unit'] as any[]).find((unit) => unit.id === 'body-2').source
    expect(body2.g.map((g: any) => g.ctype)).toEqual(['bold', 'link'])
    expect(body2.g[1].g).toMatchObject({ '#text': 'the report', ctype: 'italic' })
    expect(body2.x).toMatchObject({ ctype: 'x-endnote', 'equiv-text': '[i]' })
  })

  it('is for editors and translators of the target language only', async () => {
    const { post } = await createTranslatablePost(t.payload, 'Access to the file')
    expect((await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: translatorTr })).status).toBe(200)
    const other = await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: translatorDe })
    expect(other.status).toBe(403)
    expect(other.body.errors[0].message).toBe('You may not edit Türkçe posts.')
    expect((await rest.get(`/posts/${post.id}/xliff?target=tr`)).status).toBe(403)
    const badTarget = await rest.get(`/posts/${post.id}/xliff?target=xx`, { token: editor })
    expect(badTarget.status).toBe(400)
    expect(fieldErrors(badTarget.body)[0]).toEqual({ message: '"xx" is not one of this site\'s languages (en, tr).', path: 'file' })
    expect((await rest.get(`/posts/${post.id}/xliff?target=en`, { token: editor })).status).toBe(400)
    expect((await rest.get(`/posts/999999/xliff?target=tr`, { token: editor })).status).toBe(404)
  })
})

describe('import', () => {
  it('creates the linked Turkish draft from a translated 2.1 file, keeping endnotes and translating the note', async () => {
    const { payload } = t
    const { citation, note, post } = await createTranslatablePost(payload, 'Import creates the draft')
    const exported = (await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: translatorTr })).body as string
    const res = await importFile(post.id, fillTargets(exported), translatorTr)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(Object.keys(res.body).sort()).toEqual(['created', 'id', 'language', 'slug'])
    expect(res.body).toMatchObject({ created: true, language: 'tr' })

    const draft = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: res.body.id })
    expect(draft._status).toBe('draft')
    expect(draft.slug).toBe(res.body.slug)
    expect(draft.title).toBe(turkishOf('Import creates the draft'))
    expect(draft.highlights?.map((h) => h.text)).toEqual([turkishOf('Trade moved south.'), turkishOf('Ports grew.')])
    expect(draft.meta?.description).toBe(turkishOf('How the Middle Corridor changed trade.'))
    expect(draft.translatedFrom).toBe(post.id)
    expect(draft.translationGroup).toBeTruthy()
    expect(draft.translationStatus).toBe('up-to-date')
    const paragraph = (draft.content as any).root.children[1].children
    expect(paragraph.map((node: any) => [node.type, node.text ?? node.fields?.url ?? node.footnote, node.format ?? null])).toEqual([
      ['text', 'Trade grew İışğ ', 0],
      ['text', 'fast İışğ', 1],
      ['text', ' after 2022, as İışğ ', 0],
      ['link', 'https://example.org/report', ''],
      ['text', ' shows. İışğ', 0],
      ['endnote', citation.id, null],
    ])
    expect(paragraph[3].children[0]).toMatchObject({ format: 2, text: 'the report İışğ' })
    // The explanatory note became its own record with the Turkish text; the citation is shared.
    const endnotes = (draft.endnotes as any[]).map((entry) => (typeof entry.footnote === 'object' ? entry.footnote.id : entry.footnote))
    expect(endnotes[0]).toBe(citation.id)
    expect(endnotes[1]).not.toBe(note.id)
    const translatedNote = await payload.findByID({ ...asAdmin, collection: 'footnotes', id: endnotes[1] })
    expect(translatedNote.note).toBe(turkishOf('The figures exclude transit trade.'))
    expect((await payload.findByID({ ...asAdmin, collection: 'footnotes', id: note.id })).note).toBe('The figures exclude transit trade.')
    // Never published: no published row for anonymous readers.
    expect((await rest.get(`/posts/${res.body.id}`)).status).toBe(404)
    expect((await payload.count({ ...asAdmin, collection: 'posts', where: { and: [{ id: { equals: res.body.id } }, { _status: { equals: 'published' } }] } })).totalDocs).toBe(0)
  })

  it('updates the existing translation as a draft, pre-fills the next export and marks changed units for review', async () => {
    const { payload } = t
    const { post } = await createTranslatablePost(payload, 'Round trip twice')
    const first = fillTargets((await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string)
    const created = await importFile(post.id, first)
    expect(created.status).toBe(201)
    await payload.update({ ...asAdmin, collection: 'posts', id: created.body.id, data: { _status: 'published' } })

    // Unchanged source: every unit comes back translated, nothing to review.
    const again = readXliff((await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string)
    expect(again.units.every((unit) => unit.target !== undefined)).toBe(true)
    const againXml = (await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string
    expect(againXml).not.toContain('state="initial"')
    expect(againXml.match(/state="translated"/g)).toHaveLength(again.units.length)

    // The editor changes one paragraph of the source.
    const source = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: post.id })
    const content = structuredClone(source.content) as any
    content.root.children[2].children[2].text = ' Ports expanded twice.'
    await payload.update({ ...asAdmin, collection: 'posts', id: post.id, data: { content } })
    const outdated = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: created.body.id })
    expect(outdated.translationStatus).toBe('outdated')

    const v12 = (await rest.get(`/posts/${post.id}/xliff?target=tr&version=1.2`, { token: editor })).body as string
    const units = new XMLParser({ attributeNamePrefix: '', ignoreAttributes: false }).parse(v12).xliff.file.body['trans-unit'] as any[]
    const states = Object.fromEntries(units.map((unit) => [unit.id, unit.target?.state]))
    expect(states['body-3']).toBe('needs-review-translation')
    expect(Object.entries(states).filter(([id]) => id !== 'body-3').every(([, state]) => state === 'translated')).toBe(true)
    const review = [units.find((unit) => unit.id === 'body-3').note].flat().find((entry: any) => entry.annotates === 'target')
    expect(review['#text']).toBe('The source changed since this translation was made. Before: Transit volumes doubled.[ii] Ports expanded.[i]')
    // The pre-filled target is the existing Turkish text with the source's codes.
    const prefilled = readXliff(v12).units.find((unit) => unit.id === 'body-2')!
    expect(JSON.stringify(prefilled.target)).toContain('fast İışğ')
    const ids = (content: any[]): string[] => content.flatMap((item) => (item.kind === 'text' ? [] : [item.id, ...(item.children ? ids(item.children) : [])]))
    expect(ids(prefilled.target!)).toEqual(ids(prefilled.source))

    // Re-import: the same document is updated as a draft, the published Turkish row stays.
    const res = await importFile(post.id, fillTargets(v12, (text) => (text.includes('twice') ? 'Limanlar iki kez genişledi.' : turkishOf(text))))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ created: false, id: created.body.id, language: 'tr' })
    const published = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: false, id: created.body.id })
    expect(published._status).toBe('published')
    expect(JSON.stringify(published.content)).not.toContain('iki kez')
    const draft = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: created.body.id })
    expect(JSON.stringify(draft.content)).toContain('Limanlar iki kez genişledi.')
    expect(draft.translationStatus).toBe('up-to-date')
  })

  it('refuses files for another post, language or source version, altered codes, malformed XML and units without target — writing nothing', async () => {
    const { payload } = t
    const { post } = await createTranslatablePost(payload, 'Refusals')
    const other = await createTranslatablePost(payload, 'Another post')
    const good = fillTargets((await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string)
    const count = async () => (await payload.count({ ...asAdmin, collection: 'posts', where: { language: { equals: 'tr' } } })).totalDocs
    const before = await count()
    const refuse = async (xml: string, message: string, path: string, id: number = post.id) => {
      const res = await importFile(id, xml)
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(fieldErrors(res.body)[0]).toEqual({ message, path })
    }

    await refuse(good, `The file was exported from "posts/${post.id}", not from posts/${other.post.id}.`, 'file', other.post.id)
    await refuse(good.replace('trgLang="tr"', 'trgLang="de"'), '"de" is not one of this site\'s languages (en, tr).', 'file')
    await refuse(good.replace('srcLang="en"', 'srcLang="tr"'), 'The file\'s source language is "tr", but the post is in "en".', 'file')
    const broken = await importFile(post.id, good.replace('<xliff', '<xliff><broken'))
    expect(broken.status).toBe(400)
    expect(fieldErrors(broken.body)[0].message).toMatch(/^The file is not well-formed XML: Expected closing tag 'broken' .* \(line \d+, column \d+\)\.$/)
    // A missing endnote placeholder in the target.
    const read = readXliff(good)
    const body2 = read.units.find((unit) => unit.id === 'body-2')!
    const phId = (body2.target!.find((item) => item.kind === 'ph') as { id: string }).id
    const withoutEndnote = writeXliff({
      ...read,
      units: read.units.map((unit) => ({
        codes: {},
        context: unit.id,
        endnotes: [],
        id: unit.id,
        source: unit.source,
        target: unit.id === 'body-2' ? unit.target!.filter((item) => item.kind !== 'ph') : unit.target,
      })),
    })
    await refuse(withoutEndnote, `Unit "body-2": the target lacks endnote [i] (id="${phId}"); keep every code of the source.`, 'body-2')
    // A target without a unit's target.
    const withoutTarget = fillTargets((await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string, (text, unit) => (unit === 'highlight-2' ? '' : turkishOf(text)))
    await refuse(withoutTarget, 'Unit "highlight-2": the target is empty.', 'highlight-2')
    // The source changed after the export.
    await payload.update({ ...asAdmin, collection: 'posts', id: post.id, data: { title: 'Refusals, revised' } })
    const now = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: post.id })
    await refuse(good, `Unit "title": its source differs from the post's current text: the source post changed after the file was exported (file: ${post.updatedAt}, now: ${now.updatedAt}); export it again.`, 'title')
    expect(await count()).toBe(before)
  })

  it('writes nothing when a step fails after the translation was created (one transaction)', async () => {
    const { payload } = t
    const { note, post } = await createTranslatablePost(payload, 'All or nothing')
    const xml = (await rest.get(`/posts/${post.id}/xliff?target=tr`, { token: editor })).body as string
    // The note's translation is longer than a footnote's note may be: its record fails after the draft was created.
    const tooLong = fillTargets(xml, (text, unit) => (unit === `note-${note.id}` ? 'ş'.repeat(5001) : turkishOf(text)))
    const counts = async () => ({
      footnotes: (await payload.count({ ...asAdmin, collection: 'footnotes' })).totalDocs,
      groups: (await payload.count({ ...asAdmin, collection: 'translations' })).totalDocs,
      posts: (await payload.count({ ...asAdmin, collection: 'posts' })).totalDocs,
    })
    const before = await counts()
    const res = await importFile(post.id, tooLong)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(fieldErrors(res.body)[0].path).toBe('note')
    expect(await counts()).toEqual(before)
    const source = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: post.id })
    expect(source.translationGroup ?? null).toBeNull()
  })

  it('takes a multipart upload and refuses translators of other languages', async () => {
    const { post } = await createTranslatablePost(t.payload, 'Multipart upload')
    const xml = fillTargets((await rest.get(`/posts/${post.id}/xliff?target=tr&version=1.2`, { token: editor })).body as string)
    const form = new FormData()
    form.append('file', new Blob([xml], { type: 'application/xliff+xml' }), 'post.xlf')
    const call = async (token: string) => {
      const { REST_POST } = await import('@payloadcms/next/routes')
      const request = new Request(`http://localhost/api/posts/${post.id}/xliff`, { body: form, headers: { Authorization: `JWT ${token}` }, method: 'POST' })
      const response = await (REST_POST(Promise.resolve(t.payload.config)) as any)(request, { params: Promise.resolve({ slug: ['posts', String(post.id), 'xliff'] }) })
      return { body: await response.json(), status: response.status as number }
    }
    expect((await call(translatorDe)).status).toBe(403)
    const res = await call(translatorTr)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.language).toBe('tr')
  })
})

describe('batch export', () => {
  it('zips one file per post', async () => {
    const a = await createTranslatablePost(t.payload, 'Batch one')
    const b = await createTranslatablePost(t.payload, 'Batch two')
    const url = `http://localhost/api/posts/xliff?ids=${a.post.id},${b.post.id}&target=tr&version=1.2`
    const { REST_GET } = await import('@payloadcms/next/routes')
    const response = await (REST_GET(Promise.resolve(t.payload.config)) as any)(new Request(url, { headers: { Authorization: `JWT ${editor}` } }), {
      params: Promise.resolve({ slug: ['posts', 'xliff'] }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual([`${a.post.slug}.en-tr.xliff12.xlf`, `${b.post.slug}.en-tr.xliff12.xlf`].sort())
    const doc = readXliff(strFromU8(files[`${b.post.slug}.en-tr.xliff12.xlf`]))
    expect(doc).toMatchObject({ original: `posts/${b.post.id}`, version: '1.2' })
    expect(doc.units[0].source).toEqual([{ kind: 'text', text: 'Batch two' }])
    const bad = await rest.get(`/posts/xliff?ids=${a.post.id},abc&target=tr`, { token: editor })
    expect(bad.status).toBe(400)
    expect(fieldErrors(bad.body)[0]).toEqual({ message: '"abc" is not a post id.', path: 'ids' })
  })
})
