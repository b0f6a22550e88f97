import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { asAdmin, createPost, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
const as: Record<'admin' | 'anonymous' | 'editor' | 'translator' | 'unassigned', { token?: string }> = {
  admin: {},
  anonymous: {},
  editor: {},
  translator: {},
  unassigned: {},
}


const message = (body: any): string => body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? ''

beforeAll(async () => {
  t = await startTestPayload('translations-roles')
  rest = restClient(t.payload)
  for (const [key, role, extra] of [
    ['admin', 'admin', {}],
    ['editor', 'editor', {}],
    ['translator', 'translator', { languages: ['tr'] }],
    ['unassigned', 'translator', { languages: [] }],
  ] as const) {
    const user = await createUser(t.payload, role, extra)
    as[key] = { token: await rest.login(user.email, user.password) }
  }
})

afterAll(async () => {
  await t?.cleanup()
})

describe('reading', () => {
  it('anonymous readers see published posts only; staff, translators included, see every draft', async () => {
    const draft = await createPost(t.payload, { language: 'en', title: 'English embargoed draft' }, { draft: true })
    const published = await createPost(t.payload, { language: 'en' })
    expect((await rest.get(`/posts/${draft.id}?draft=true`, as.anonymous)).status).toBe(404)
    expect((await rest.get(`/posts/${published.id}`, as.anonymous)).status).toBe(200)
    for (const role of ['translator', 'editor', 'admin'] as const) {
      const res = await rest.get(`/posts/${draft.id}?draft=true`, as[role])
      expect(res.status, role).toBe(200)
      expect(res.body.title).toBe('English embargoed draft')
      const list = await rest.get(`/posts?draft=true&limit=200&where[language][equals]=en`, as[role])
      expect(list.body.docs.map((doc: { id: number }) => doc.id), role).toContain(draft.id)
    }
  })
})

describe('translators', () => {
  it('create and update drafts in their languages', async () => {
    const created = await rest.post('/posts?draft=true', { ...as.translator, body: { language: 'tr', title: 'Çevirmen taslağı' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc._status).toBe('draft')
    const updated = await rest.patch(`/posts/${created.body.doc.id}?draft=true`, { ...as.translator, body: { title: 'Düzeltilmiş taslak' } })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect(updated.body.doc.title).toBe('Düzeltilmiş taslak')
    // A plain (non-draft) save of a never-published draft is fine too: nothing goes live.
    const plain = await rest.patch(`/posts/${created.body.doc.id}`, { ...as.translator, body: { title: 'Yine taslak' } })
    expect(plain.status, JSON.stringify(plain.body)).toBe(200)
    expect(plain.body.doc._status).toBe('draft')
  })

  it('cannot create or edit posts in other languages', async () => {
    const created = await rest.post('/posts?draft=true', { ...as.translator, body: { language: 'en', title: 'English by a translator' } })
    expect(created.status).toBe(403)
    expect(message(created.body)).toBe('Translators write only in their own languages (Türkçe); this is a English post.')

    const en = await createPost(t.payload, { language: 'en', title: 'Untouchable' }, { draft: true })
    const res = await rest.patch(`/posts/${en.id}?draft=true`, { ...as.translator, body: { title: 'Touched' } })
    expect(res.status).toBe(403)
    const tr = await createPost(t.payload, { language: 'tr' }, { draft: true })
    const moved = await rest.patch(`/posts/${tr.id}?draft=true`, { ...as.translator, body: { language: 'en' } })
    expect(moved.status).toBe(403)
    expect(message(moved.body)).toMatch(/^Translators write only in their own languages/)

    // A bulk update reaches only the posts in the translator's languages.
    const bulk = await rest.patch(`/posts?draft=true&where[id][in]=${en.id},${tr.id}`, { ...as.translator, body: { title: 'Bulk title' } })
    expect(bulk.body.docs.map((doc: { id: number }) => doc.id)).toEqual([tr.id])
    const untouched = await t.payload.findByID({ ...asAdmin, collection: 'posts', draft: true, id: en.id })
    expect(untouched.title).toBe('Untouchable')

    // A translator without languages writes nothing.
    const none = await rest.post('/posts?draft=true', { ...as.unassigned, body: { language: 'tr', title: 'Nothing' } })
    expect(none.status).toBe(403)
  })

  it('cannot publish, unpublish or overwrite a published post, with a clear message', async () => {
    const publishNew = await rest.post('/posts', { ...as.translator, body: { _status: 'published', language: 'tr', title: 'Hemen yayınla' } })
    expect(publishNew.status).toBe(403)
    expect(message(publishNew.body)).toBe('Translators cannot publish. Save your work as a draft; an editor will review and publish it.')

    const draft = await createPost(t.payload, { language: 'tr', title: 'Yayınlanmamış' }, { draft: true })
    const publish = await rest.patch(`/posts/${draft.id}`, { ...as.translator, body: { _status: 'published' } })
    expect(publish.status).toBe(403)
    expect(message(publish.body)).toMatch(/^Translators cannot publish/)
    const sneaky = await rest.patch(`/posts/${draft.id}?draft=true`, { ...as.translator, body: { _status: 'published' } })
    expect(sneaky.status).toBe(403)
    expect((await rest.get(`/posts/${draft.id}`)).status).toBe(404)

    const live = await createPost(t.payload, { language: 'tr', title: 'Yayındaki yazı' })
    const overwrite = await rest.patch(`/posts/${live.id}`, { ...as.translator, body: { title: 'Üzerine yazılmış' } })
    expect(overwrite.status).toBe(403)
    // Saving a published post without ?draft=true would put the change live: that is publishing.
    expect(message(overwrite.body)).toMatch(/^Translators cannot publish/)
    const unpublish = await rest.patch(`/posts/${live.id}`, { ...as.translator, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(403)
    expect(message(unpublish.body)).toMatch(/^Translators cannot unpublish a published post/)
    // A draft on top of the published version is their normal work.
    const revision = await rest.patch(`/posts/${live.id}?draft=true`, { ...as.translator, body: { title: 'Gözden geçirilmiş' } })
    expect(revision.status, JSON.stringify(revision.body)).toBe(200)
    const publicView = await rest.get(`/posts/${live.id}`)
    expect(publicView.status).toBe(200)
    expect(publicView.body.title).toBe('Yayındaki yazı')
  })

  it('cannot delete posts', async () => {
    const tr = await createPost(t.payload, { language: 'tr' }, { draft: true })
    expect((await rest.delete(`/posts/${tr.id}`, as.translator)).status).toBe(403)
    expect((await t.payload.count({ ...asAdmin, collection: 'posts', where: { id: { equals: tr.id } } })).totalDocs).toBe(1)
  })

  it('create, link, unlink and mark versions in their languages only', async () => {
    const en = await createPost(t.payload, { language: 'en', title: 'Source for a translator' })
    const created = await rest.post(`/posts/${en.id}/create-translation`, { ...as.translator, body: { language: 'tr' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc).toMatchObject({ _status: 'draft', language: 'tr', translatedFrom: en.id })

    // Their own draft: links readers cannot see yet (published versions: access-matrix.int.test.ts).
    const tr = await createPost(t.payload, { language: 'tr', title: 'Kendi dilinde' }, { draft: true })
    const enToTr = await rest.post(`/posts/${tr.id}/create-translation`, { ...as.translator, body: { language: 'en' } })
    expect(enToTr.status).toBe(403)
    expect(message(enToTr.body)).toBe('You may not edit English posts.')

    const en2 = await createPost(t.payload, { language: 'en', title: 'Second source' })
    const linked = await rest.post(`/posts/${en2.id}/link-translation`, { ...as.translator, body: { target: tr.id } })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    const unassigned = await rest.post(`/posts/${en2.id}/unlink-translation`, as.unassigned)
    expect(unassigned.status).toBe(403)
    const unlinkEnglish = await rest.post(`/posts/${en2.id}/unlink-translation`, as.translator)
    expect(unlinkEnglish.status).toBe(403)
    expect(message(unlinkEnglish.body)).toBe('You may not edit English posts.')

    await t.payload.update({ ...asAdmin, collection: 'posts', id: en2.id, data: { title: 'Second source, revised' } })
    const marked = await rest.post(`/posts/${tr.id}/mark-up-to-date`, as.translator)
    expect(marked.status, JSON.stringify(marked.body)).toBe(200)
    expect(marked.body.doc.translationStatus).toBe('up-to-date')
    expect((await rest.post(`/posts/${tr.id}/unlink-translation`, as.translator)).status).toBe(200)
  })
})

describe('anonymous callers', () => {
  it('cannot write posts or use the translation endpoints', async () => {
    const en = await createPost(t.payload, { language: 'en' })
    const tr = await createPost(t.payload, { language: 'tr' })
    expect((await rest.post('/posts', { body: { language: 'en', title: 'Anonymous' } })).status).toBe(403)
    expect((await rest.patch(`/posts/${en.id}`, { body: { title: 'Anonymous' } })).status).toBe(403)
    expect((await rest.delete(`/posts/${en.id}`)).status).toBe(403)
    for (const [path, body] of [
      [`/posts/${en.id}/link-translation`, { target: tr.id }],
      [`/posts/${en.id}/unlink-translation`, {}],
      [`/posts/${en.id}/create-translation`, { language: 'tr' }],
      [`/posts/${tr.id}/mark-up-to-date`, {}],
    ] as const) {
      const res = await rest.post(path, { body })
      expect(res.status, path).toBe(403)
      expect(message(res.body)).toBe('You must be logged in to manage translations.')
    }
    expect((await rest.get(`/posts/${en.id}/translations`)).status).toBe(403)
    expect((await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: en.id })).translationGroup).toBeNull()
  })
})

describe('editors and admins', () => {
  it('do everything: write in any language, publish, unpublish, link and delete', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const en = await rest.post('/posts', { ...as[role], body: { _status: 'published', language: 'en', title: `${role} English` } })
      expect(en.status, JSON.stringify(en.body)).toBe(201)
      const tr = await rest.post(`/posts/${en.body.doc.id}/create-translation`, { ...as[role], body: { language: 'tr' } })
      expect(tr.status).toBe(201)
      const published = await rest.patch(`/posts/${tr.body.doc.id}`, { ...as[role], body: { _status: 'published', title: `${role} Türkçe` } })
      expect(published.status, JSON.stringify(published.body)).toBe(200)
      expect(published.body.doc._status).toBe('published')
      const unpublished = await rest.patch(`/posts/${tr.body.doc.id}`, { ...as[role], body: { _status: 'draft' } })
      expect(unpublished.status).toBe(200)
      expect((await rest.get(`/posts/${tr.body.doc.id}`)).status).toBe(404)
      expect((await rest.post(`/posts/${tr.body.doc.id}/unlink-translation`, as[role])).status).toBe(200)
      expect((await rest.post(`/posts/${en.body.doc.id}/link-translation`, { ...as[role], body: { target: tr.body.doc.id } })).status).toBe(200)
      expect((await rest.delete(`/posts/${tr.body.doc.id}`, as[role])).status).toBe(200)
      expect((await rest.delete(`/posts/${en.body.doc.id}`, as[role])).status).toBe(200)
    }
  })
})
