/**
 * The translation dashboard's endpoint and the compare view's endpoint on PostgreSQL: every
 * piece with each language's status and the counts, filtered to a translator's languages; the
 * side-by-side rows with the source's changes as a word diff from Payload's versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { createTranslation, linkTranslation } from '../../src/plugin/index'
import { paragraphNode, rootNode, textNode } from '../../src/plugin/utilities/lexicalBuilders'
import { asAdmin, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editor: string
let translator: string

const body = (...paragraphs: string[]) => rootNode(paragraphs.map((text) => paragraphNode([textNode(text)])))

async function post(title: string, language: string, { draft = false, paragraphs = ['Text.'] } = {}) {
  return t.payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { _status: draft ? 'draft' : 'published', content: body(...paragraphs) as never, language: language as never, title },
    draft,
  })
}

beforeAll(async () => {
  t = await startTestPayload('translation_dashboard', { pluginOptions: { languages: [{ code: 'en', label: 'English' }, { code: 'tr', label: 'Türkçe' }, { code: 'de', label: 'Deutsch' }] } })
  rest = restClient(t.payload)
  const e = await createUser(t.payload, 'editor')
  editor = await rest.login(e.email, e.password)
  const tr = await createUser(t.payload, 'translator', { languages: ['tr'] })
  translator = await rest.login(tr.email, tr.password)
})

afterAll(async () => {
  await t?.cleanup()
})

describe('translation dashboard', () => {
  it('lists every piece with up to date, outdated, draft and missing versions, and counts them', async () => {
    const { payload } = t
    const upToDate = await post('A: up to date', 'en')
    const trA = await createTranslation(payload, { language: 'tr', source: upToDate.id })
    await payload.update({ ...asAdmin, collection: 'posts', id: trA.id, data: { _status: 'published', title: 'A: güncel' } })

    const outdated = await post('B: outdated', 'en')
    const trB = await createTranslation(payload, { language: 'tr', source: outdated.id })
    await payload.update({ ...asAdmin, collection: 'posts', id: trB.id, data: { _status: 'published', title: 'B: eski' } })
    await payload.update({ ...asAdmin, collection: 'posts', id: outdated.id, data: { content: body('Changed text.') as never } })

    const draft = await post('C: draft', 'en')
    await createTranslation(payload, { language: 'tr', source: draft.id })
    const alone = await post('D: alone', 'en')

    const res = await rest.get('/posts/translation-dashboard', { token: editor })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.languages.map((language: any) => language.code)).toEqual(['en', 'tr', 'de'])
    const statuses = Object.fromEntries(
      res.body.rows.map((row: any) => [row.source.title, Object.fromEntries(Object.entries(row.cells).map(([code, cell]: any) => [code, cell.status]))]),
    )
    expect(statuses).toEqual({
      'A: up to date': { de: 'missing', en: 'original', tr: 'up-to-date' },
      'B: outdated': { de: 'missing', en: 'original', tr: 'outdated' },
      'C: draft': { de: 'missing', en: 'original', tr: 'draft' },
      'D: alone': { de: 'missing', en: 'original', tr: 'missing' },
    })
    expect(res.body.counts.tr).toEqual({ draft: 1, missing: 1, original: 0, outdated: 1, 'up-to-date': 1 })
    expect(res.body.counts.de.missing).toBe(4)
    expect(res.body.rows.find((row: any) => row.source.title === 'D: alone').source.id).toBe(alone.id)
    expect(res.body.rows.find((row: any) => row.source.title === 'A: up to date').cells.tr.id).toBe(trA.id)
    expect(res.body.canCreate).toEqual({ de: true, en: true, tr: true })
  })

  it("shows a translator only their languages, and nobody outside the newsroom", async () => {
    const res = await rest.get('/posts/translation-dashboard', { token: translator })
    expect(res.status).toBe(200)
    expect(res.body.languages).toEqual([{ code: 'tr', label: 'Türkçe' }])
    expect(Object.keys(res.body.counts)).toEqual(['tr'])
    expect(res.body.rows.every((row: any) => Object.keys(row.cells).join() === 'tr')).toBe(true)
    expect(res.body.canCreate).toEqual({ tr: true })
    expect((await rest.get('/posts/translation-dashboard')).status).toBe(403)
  })
})

describe('compare', () => {
  it("aligns source and translation and shows the source's changes since the translation as a word diff", async () => {
    const { payload } = t
    const source = await post('Compare me', 'en', { paragraphs: ['The port opened in 2020.', 'Trade grew.'] })
    const translation = await post('Karşılaştır', 'tr', { draft: true, paragraphs: ['Liman 2020’de açıldı.', 'Ticaret büyüdü.'] })
    await linkTranslation(payload, { source: source.id, target: translation.id })
    await payload.update({ ...asAdmin, collection: 'posts', id: source.id, data: { content: body('The port opened in 2021.', 'Trade grew.', 'A new paragraph.') as never } })

    const res = await rest.get(`/posts/${translation.id}/compare`, { token: translator })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ knownVersion: true, source: { id: source.id, language: 'en' }, translation: { canEdit: true, id: translation.id, translationStatus: 'outdated' } })
    const rows = Object.fromEntries(res.body.rows.map((row: any) => [row.id, row]))
    expect(rows.title).toMatchObject({ changed: false, source: 'Compare me', translation: 'Karşılaştır' })
    expect(rows['body-1']).toMatchObject({ changed: true, source: 'The port opened in 2021.', translation: 'Liman 2020’de açıldı.' })
    expect(rows['body-1'].diff).toEqual([
      { value: 'The port opened in ' },
      { removed: true, value: '2020' },
      { added: true, value: '2021' },
      { value: '.' },
    ])
    expect(rows['body-2']).toMatchObject({ changed: false, translation: 'Ticaret büyüdü.' })
    expect(rows['body-3']).toMatchObject({ changed: true, diff: [{ added: true, value: 'A new paragraph.' }] })
    expect(rows['body-3'].translation).toBeUndefined()

    // "Mark up to date" from there: nothing is changed any more.
    expect((await rest.post(`/posts/${translation.id}/mark-up-to-date`, { token: translator })).status).toBe(200)
    const after = await rest.get(`/posts/${translation.id}/compare`, { token: translator })
    expect(after.body.translation.translationStatus).toBe('up-to-date')
    expect(after.body.rows.some((row: any) => row.changed)).toBe(false)

    // On the original: its translations to compare.
    const original = await rest.get(`/posts/${source.id}/compare`, { token: editor })
    expect(original.body.source).toBeUndefined()
    expect(original.body.translations).toEqual([{ id: translation.id, language: 'tr', title: 'Karşılaştır' }])
  })
})
