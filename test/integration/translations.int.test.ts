import type { Payload } from 'payload'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { getPublishedVersions, linkTranslation, unlinkTranslation } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote, createPost, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editor: { token: string }


const groupOf = async (payload: Payload, id: number) =>
  (await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id })).translationGroup as null | number

const fieldErrors = (body: any): { message: string; path: string }[] => body?.errors?.[0]?.data?.errors ?? []

beforeAll(async () => {
  t = await startTestPayload('translations')
  rest = restClient(t.payload)
  const user = await createUser(t.payload, 'editor')
  editor = { token: await rest.login(user.email, user.password) }
})

afterAll(async () => {
  await t?.cleanup()
})

describe('the database', () => {
  it('has the unique (translationGroup, language) index', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ indexdef: string }>(
        "select indexdef from pg_indexes where tablename = 'posts' and indexdef ilike '%unique%translation_group_id%'",
      )
      expect(rows).toHaveLength(1)
      expect(rows[0].indexdef).toMatch(/UNIQUE INDEX .* \(translation_group_id, language\)/)
    } finally {
      await client.end()
    }
  })
})

describe('linking', () => {
  it('links through REST, creating the group and keeping its label in step with the English title', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Black Sea Security After the War' })
    const tr = await createPost(payload, { language: 'tr', title: 'Savaş Sonrası Karadeniz Güvenliği' }, { draft: true })
    const res = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: tr.id } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const group = res.body.group
    expect(await groupOf(payload, en.id)).toBe(group)
    expect(await groupOf(payload, tr.id)).toBe(group)
    const linked = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: tr.id })
    expect(linked.translatedFrom).toBe(en.id)
    expect(linked.translationStatus).toBe('up-to-date')
    const translations = await payload.findByID({ ...asAdmin, collection: 'translations', id: group })
    expect(translations.label).toBe('Black Sea Security After the War')

    await payload.update({ ...asAdmin, collection: 'posts', id: en.id, data: { title: 'Black Sea Security, Revisited' } })
    expect((await payload.findByID({ ...asAdmin, collection: 'translations', id: group })).label).toBe(
      'Black Sea Security, Revisited',
    )
    // A Turkish retitle does not change the label.
    await payload.update({ ...asAdmin, collection: 'posts', id: tr.id, data: { title: 'Yeni başlık' }, draft: true })
    expect((await payload.findByID({ ...asAdmin, collection: 'translations', id: group })).label).toBe(
      'Black Sea Security, Revisited',
    )
  })

  it('refuses a second version of a language, naming translationGroup and the existing version', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en' })
    const tr = await createPost(payload, { language: 'tr', title: 'Kafkasya Enerji Koridoru' })
    const otherTr = await createPost(payload, { language: 'tr' })
    await linkTranslation(payload, { source: en.id, target: tr.id })
    const group = await groupOf(payload, en.id)

    // The endpoint
    const res = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: otherTr.id } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body)).toEqual([
      { message: 'This piece already has a Türkçe version: Kafkasya Enerji Koridoru', path: 'translationGroup' },
    ])
    // Setting the field through REST
    const patched = await rest.patch(`/posts/${otherTr.id}`, { ...editor, body: { translationGroup: group } })
    expect(patched.status).toBe(400)
    expect(fieldErrors(patched.body)[0]).toEqual({
      message: 'This piece already has a Türkçe version: Kafkasya Enerji Koridoru',
      path: 'translationGroup',
    })
    // Creating through the Local API
    await expect(
      payload.create({ ...asAdmin, collection: 'posts', data: { language: 'tr', title: 'Üçüncü', translationGroup: group } }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'translationGroup' }] }, status: 400 })
    // Changing the language of a member to one the group has
    const enAgain = await rest.patch(`/posts/${tr.id}`, { ...editor, body: { language: 'en' } })
    expect(enAgain.status).toBe(400)
    expect(fieldErrors(enAgain.body)[0].message).toMatch(/^This piece already has a English version: /)

    expect(await groupOf(payload, otherTr.id)).toBeNull()
    const members = await payload.find({ ...asAdmin, collection: 'posts', draft: true, where: { translationGroup: { equals: group } } })
    expect(members.docs.map((doc) => doc.id).sort()).toEqual([en.id, tr.id].sort())
  })

  it('refuses linking a post to itself, to its own language or to a post that does not exist', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Caspian Outlook' })
    const en2 = await createPost(payload, { language: 'en' })
    const self = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: en.id } })
    expect(self.status).toBe(400)
    expect(fieldErrors(self.body)[0].path).toBe('target')
    const sameLanguage = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: en2.id } })
    expect(sameLanguage.status).toBe(400)
    expect(fieldErrors(sameLanguage.body)[0]).toEqual({
      message: 'This piece already has a English version: Caspian Outlook',
      path: 'translationGroup',
    })
    const missing = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: 999999 } })
    expect(missing.status).toBe(400)
    expect(fieldErrors(missing.body)[0].path).toBe('target')
    const noTarget = await rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: {} })
    expect(noTarget.status).toBe(400)
    const unknownSource = await rest.post(`/posts/999999/link-translation`, { ...editor, body: { target: en.id } })
    expect(unknownSource.status).toBe(404)
  })

  it('lets exactly one of two concurrent links of Turkish posts to one English post win', async () => {
    const { payload } = t
    for (const grouped of [false, true]) {
      const en = await createPost(payload, { language: 'en', title: `Concurrent source ${grouped}` })
      if (grouped) {
        // The English post already has a group (with a German-less, Turkish-less membership).
        await payload.update({
          ...asAdmin,
          collection: 'posts',
          id: en.id,
          data: { translationGroup: (await payload.create({ ...asAdmin, collection: 'translations', data: {} })).id },
        })
      }
      const first = await createPost(payload, { language: 'tr', title: `İlk ${grouped}` })
      const second = await createPost(payload, { language: 'tr', title: `İkinci ${grouped}` })
      const responses = await Promise.all(
        [first, second].map((target) =>
          rest.post(`/posts/${en.id}/link-translation`, { ...editor, body: { target: target.id } }),
        ),
      )
      const statuses = responses.map((res) => res.status).sort()
      expect(statuses, JSON.stringify(responses.map((res) => res.body))).toEqual([200, 400])
      const loser = responses.find((res) => res.status === 400)!
      const winner = responses.find((res) => res.status === 200)!
      const winnerTitle = winner.body.target.title
      expect(fieldErrors(loser.body)).toEqual([
        { message: `This piece already has a Türkçe version: ${winnerTitle}`, path: 'translationGroup' },
      ])
      const group = await groupOf(payload, en.id)
      expect(group).toBe(winner.body.group)
      const members = await payload.find({ ...asAdmin, collection: 'posts', where: { translationGroup: { equals: group } } })
      expect(members.docs.map((doc) => doc.id).sort()).toEqual([en.id, winner.body.target.id].sort())
      // No orphaned group was left behind by the loser.
      const groups = await payload.find({ ...asAdmin, collection: 'translations', limit: 0, pagination: false })
      for (const candidate of groups.docs) {
        const count = await payload.count({ ...asAdmin, collection: 'posts', where: { translationGroup: { equals: candidate.id } } })
        if (candidate.id !== group) expect(count.totalDocs, `group ${candidate.id}`).toBeGreaterThan(0)
      }
    }
  })

  it('turns the database refusal of two racing REST saves into the same clear message', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en' })
    const group = (await linkTranslation(payload, { source: en.id, target: (await createPost(payload, { language: 'tr' })).id })).group
    await unlinkTranslation(payload, { post: (await payload.find({ ...asAdmin, collection: 'posts', where: { and: [{ translationGroup: { equals: group } }, { language: { equals: 'tr' } }] } })).docs[0].id })
    const a = await createPost(payload, { language: 'tr', title: 'Yarış A' })
    const b = await createPost(payload, { language: 'tr', title: 'Yarış B' })
    const responses = await Promise.all(
      [a, b].map((target) => rest.patch(`/posts/${target.id}`, { ...editor, body: { translationGroup: group } })),
    )
    expect(responses.map((res) => res.status).sort()).toEqual([200, 400])
    const loser = responses.find((res) => res.status === 400)!
    expect(fieldErrors(loser.body)[0].path).toBe('translationGroup')
    expect(fieldErrors(loser.body)[0].message).toMatch(/^This piece already has a Türkçe version: Yarış [AB]$/)
  })

  it('unlinking or deleting a post keeps the rest of the group; an empty group is deleted', async () => {
    const { payload } = t
    const config = { ...asAdmin, collection: 'translations' as const }
    const en = await createPost(payload, { language: 'en', title: 'Grain Corridor' })
    const tr = await createPost(payload, { language: 'tr', title: 'Tahıl Koridoru' })
    const { group } = await linkTranslation(payload, { source: en.id, target: tr.id })

    const res = await rest.post(`/posts/${en.id}/unlink-translation`, editor)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await groupOf(payload, en.id)).toBeNull()
    expect(await groupOf(payload, tr.id)).toBe(group)
    // The Turkish version followed the English one, which is no longer linked: it is an original now.
    const left = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: tr.id })
    expect(left.translatedFrom).toBeNull()
    expect(left.translationStatus).toBe('source')
    expect((await payload.findByID({ ...config, id: group })).label).toBe('Tahıl Koridoru')

    await unlinkTranslation(payload, { post: tr.id })
    expect((await payload.find({ ...config, where: { id: { equals: group } } })).totalDocs).toBe(0)

    // Deleting
    const en2 = await createPost(payload, { language: 'en', title: 'Pipeline Politics' })
    const tr2 = await createPost(payload, { language: 'tr', title: 'Boru Hattı Siyaseti' })
    const linked = await linkTranslation(payload, { source: en2.id, target: tr2.id })
    expect((await rest.delete(`/posts/${en2.id}`, editor)).status).toBe(200)
    expect(await groupOf(payload, tr2.id)).toBe(linked.group)
    const orphan = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: tr2.id })
    expect(orphan.translatedFrom).toBeNull()
    expect(orphan.translationStatus).toBe('source')
    expect((await payload.findByID({ ...config, id: linked.group })).label).toBe('Boru Hattı Siyaseti')
    await payload.delete({ ...asAdmin, collection: 'posts', id: tr2.id })
    expect((await payload.find({ ...config, where: { id: { equals: linked.group } } })).totalDocs).toBe(0)
  })

  it('moving a post to another group tidies the group it left', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en' })
    const tr = await createPost(payload, { language: 'tr' })
    const first = await linkTranslation(payload, { source: en.id, target: tr.id })
    const en2 = await createPost(payload, { language: 'en', title: 'Second English' })
    // The English post without a group joins the Turkish post's group: nothing is split.
    const joined = await linkTranslation(payload, { source: en2.id, target: tr.id, translatedFrom: 'none' }).catch((error) => error)
    expect(joined.status).toBe(400) // the group already has an English version
    await unlinkTranslation(payload, { post: en.id })
    const moved = await linkTranslation(payload, { source: en2.id, target: tr.id, translatedFrom: 'none' })
    expect(moved.group).toBe(first.group)
    expect(await groupOf(payload, en2.id)).toBe(first.group)

    // Moving the Turkish post into a third group leaves the old group with only English.
    const en3 = await createPost(payload, { language: 'en' })
    const other = await linkTranslation(payload, { source: en3.id, target: (await createPost(payload, { language: 'tr' })).id })
    await unlinkTranslation(payload, { post: (await payload.find({ ...asAdmin, collection: 'posts', where: { and: [{ translationGroup: { equals: other.group } }, { language: { equals: 'tr' } }] } })).docs[0].id })
    const relinked = await rest.post(`/posts/${en3.id}/link-translation`, { ...editor, body: { target: tr.id } })
    expect(relinked.status, JSON.stringify(relinked.body)).toBe(200)
    expect(await groupOf(payload, tr.id)).toBe(other.group)
    expect(await groupOf(payload, en2.id)).toBe(first.group)
    // Through a plain field update, too: the group left empty is deleted.
    const res = await rest.patch(`/posts/${en2.id}`, { ...editor, body: { translationGroup: null } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await payload.find({ ...asAdmin, collection: 'translations', where: { id: { equals: first.group } } })).totalDocs).toBe(0)
  })

  it('links a published post without publishing or losing its pending draft', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Live title' })
    await payload.update({ ...asAdmin, collection: 'posts', id: en.id, data: { title: 'Unpublished edit' }, draft: true })
    const tr = await createPost(payload, { language: 'tr', title: 'Canlı başlık' })
    const { group } = await linkTranslation(payload, { source: tr.id, target: en.id, translatedFrom: 'target' })
    const live = await rest.get(`/posts/${en.id}`)
    expect(live.status).toBe(200)
    expect(live.body.title).toBe('Live title')
    expect(live.body.translationGroup.id ?? live.body.translationGroup).toBe(group)
    const draft = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: en.id })
    expect(draft.title).toBe('Unpublished edit')
    expect(draft._status).toBe('draft')
    expect(draft.translationGroup).toBe(group)
    const trNow = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: tr.id })
    expect(trNow.translatedFrom).toBe(en.id)
  })
})

describe('creating a version', () => {
  it('copies category, authors, highlights, body with its endnotes and meta into a linked draft', async () => {
    const { payload } = t
    const note1 = await createFootnote(payload)
    const note2 = await createFootnote(payload)
    const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' } })
    const authors = await Promise.all(
      ['Ergün Mamedov', 'Zeynep Kaya'].map((name) => payload.create({ ...asAdmin, collection: 'authors', data: { name } })),
    )
    const similar = await createPost(payload, { language: 'en' })
    const en = await createPost(payload, {
      authors: authors.map((author) => author.id),
      category: category.id,
      content: bodyCiting(note1.id, note2.id, note1.id),
      highlights: [{ text: 'One' }, { text: 'Two' }],
      language: 'en',
      meta: { description: 'Meta description' },
      similarPosts: [similar.id],
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
    })
    const res = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'tr' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = res.body.doc
    expect(doc).toMatchObject({
      _status: 'draft',
      authors: authors.map((author) => author.id),
      category: category.id,
      language: 'tr',
      meta: { description: 'Meta description' },
      sourceUpdatedAt: en.updatedAt,
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      translatedFrom: en.id,
      translationStatus: 'up-to-date',
    })
    expect(doc.highlights.map((highlight: { text: string }) => highlight.text)).toEqual(['One', 'Two'])
    expect(doc.similarPosts ?? []).toEqual([])
    expect(doc.content).toEqual(en.content)
    expect(doc.endnotes.map((note: { footnote: number; label: string }) => [note.label, note.footnote])).toEqual([
      ['i', note1.id],
      ['ii', note2.id],
    ])
    expect(doc.slug).toBe('putin-seeks-to-solve-his-azerbaijan-problem')
    const group = await groupOf(payload, en.id)
    expect(group).toBeTruthy()
    expect(doc.translationGroup).toBe(group)
    // Not public
    expect((await rest.get(`/posts/${doc.id}`)).status).toBe(404)

    const again = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'tr' } })
    expect(again.status).toBe(400)
    expect(fieldErrors(again.body)[0]).toEqual({
      message: 'This piece already has a Türkçe version: Putin Seeks to Solve His Azerbaijan Problem',
      path: 'translationGroup',
    })
    const own = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'en' } })
    expect(own.status).toBe(400)
    const unknown = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'xx' } })
    expect(unknown.status).toBe(400)
    expect(fieldErrors(unknown.body)[0].path).toBe('language')
  })

  it('gives the new version its own URL when the translator retitles it, until it is published', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Energy Security in the Caspian' })
    const created = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'tr' } })
    expect(created.body.doc.slug).toBe('energy-security-in-the-caspian')
    const retitled = await rest.patch(`/posts/${created.body.doc.id}?draft=true`, {
      ...editor,
      body: { slug: created.body.doc.slug, title: 'Hazar’da Enerji Güvenliği' },
    })
    expect(retitled.status, JSON.stringify(retitled.body)).toBe(200)
    expect(retitled.body.doc.slug).toBe('hazarda-enerji-guvenligi')
    const published = await rest.patch(`/posts/${created.body.doc.id}`, { ...editor, body: { _status: 'published' } })
    expect(published.body.doc.slug).toBe('hazarda-enerji-guvenligi')
    // Once published, the URL stays.
    const later = await rest.patch(`/posts/${created.body.doc.id}`, { ...editor, body: { title: 'Hazar’da Enerji' } })
    expect(later.body.doc.slug).toBe('hazarda-enerji-guvenligi')
    // A slug the editor typed is kept too.
    const typed = await createPost(payload, { language: 'en', slug: 'custom-url', title: 'Typed' }, { draft: true })
    const kept = await rest.patch(`/posts/${typed.id}?draft=true`, { ...editor, body: { title: 'Typed, retitled' } })
    expect(kept.body.doc.slug).toBe('custom-url')
  })

  it('lists every configured language for the admin panel', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Panel source' })
    const created = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'tr' } })
    const res = await rest.get(`/posts/${en.id}/translations`, editor)
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        code: 'en',
        label: 'English',
        version: expect.objectContaining({ id: en.id, isCurrent: true, status: 'published', translationStatus: 'source' }),
      }),
      expect.objectContaining({
        code: 'tr',
        label: 'Türkçe',
        version: expect.objectContaining({ id: created.body.doc.id, status: 'draft', translationStatus: 'up-to-date' }),
      }),
    ])
    expect((await rest.get(`/posts/${en.id}/translations`)).status).toBe(403)
  })
})

describe('outdated translations', () => {
  async function pair(title: string) {
    const { payload } = t
    const en = await createPost(payload, { content: bodyCiting(), highlights: [{ text: 'Point' }], language: 'en', title })
    const created = await rest.post(`/posts/${en.id}/create-translation`, { ...editor, body: { language: 'tr' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return { en, tr: created.body.doc }
  }
  const statusOf = async (id: number) =>
    (await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id })).translationStatus

  it('flags a translation when its source is republished with a changed title, body or highlights', async () => {
    const { payload } = t
    for (const change of [
      { title: 'A changed title' },
      { highlights: [{ text: 'Point' }, { text: 'A new point' }] },
      { content: bodyCiting(note.id) },
    ]) {
      const { en, tr } = await pair(`Outdated source ${JSON.stringify(Object.keys(change))}`)
      const res = await rest.patch(`/posts/${en.id}`, { ...editor, body: { ...change, _status: 'published' } })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(await statusOf(tr.id)).toBe('outdated')
      const listed = await rest.get(`/posts?where[translationStatus][equals]=outdated&limit=100&draft=true`, editor)
      expect(listed.body.docs.map((doc: { id: number }) => doc.id)).toContain(tr.id)
    }
  })
  let note: { id: number }
  beforeAll(async () => {
    note = await createFootnote(t.payload)
  })

  it('does not flag for a draft of the source until it is published, nor for other fields', async () => {
    const { payload } = t
    const { en, tr } = await pair('Draft then publish')
    await rest.patch(`/posts/${en.id}?draft=true`, { ...editor, body: { title: 'Draft retitle' } })
    expect(await statusOf(tr.id)).toBe('up-to-date')
    const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Commentary' } })
    await rest.patch(`/posts/${en.id}`, { ...editor, body: { _status: 'published', category: category.id, title: en.title } })
    expect(await statusOf(tr.id)).toBe('up-to-date')
    await rest.patch(`/posts/${en.id}`, { ...editor, body: { _status: 'published', title: 'Published retitle' } })
    expect(await statusOf(tr.id)).toBe('outdated')
    // Undoing the change makes it current again.
    await rest.patch(`/posts/${en.id}`, { ...editor, body: { _status: 'published', title: en.title } })
    expect(await statusOf(tr.id)).toBe('up-to-date')
  })

  it('stays outdated through the translation\'s own saves until it is marked up to date', async () => {
    const { payload } = t
    const { en, tr } = await pair('Mark me')
    await rest.patch(`/posts/${en.id}`, { ...editor, body: { _status: 'published', title: 'Mark me (updated)' } })
    expect(await statusOf(tr.id)).toBe('outdated')
    await rest.patch(`/posts/${tr.id}?draft=true`, { ...editor, body: { title: 'Beni işaretle' } })
    expect(await statusOf(tr.id)).toBe('outdated')

    const res = await rest.post(`/posts/${tr.id}/mark-up-to-date`, editor)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const source = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: en.id })
    expect(res.body.doc.translationStatus).toBe('up-to-date')
    expect(res.body.doc.sourceUpdatedAt).toBe(source.updatedAt)
    expect(await statusOf(tr.id)).toBe('up-to-date')
    expect(res.body.doc.title).toBe('Beni işaretle') // the pending draft is kept

    const notTranslation = await rest.post(`/posts/${en.id}/mark-up-to-date`, editor)
    expect(notTranslation.status).toBe(400)
    expect(fieldErrors(notTranslation.body)[0].path).toBe('translatedFrom')
  })
})

describe('getPublishedVersions', () => {
  it('returns the published other versions with native labels', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', slug: 'energy-outlook', title: 'Energy Outlook' })
    const tr = await createPost(payload, { language: 'tr', slug: 'enerji-gorunumu', title: 'Enerji Görünümü' })
    await linkTranslation(payload, { source: en.id, target: tr.id })
    expect(await getPublishedVersions(payload, en.id)).toEqual([
      { id: tr.id, label: 'Türkçe', language: 'tr', slug: 'enerji-gorunumu', title: 'Enerji Görünümü' },
    ])
    const enDoc = await payload.findByID({ ...asAdmin, collection: 'posts', id: en.id })
    expect((await getPublishedVersions(payload, enDoc, { includeSelf: true })).map((version) => version.language)).toEqual([
      'en',
      'tr',
    ])
    // Unpublished: no longer offered.
    await payload.update({ ...asAdmin, collection: 'posts', id: tr.id, data: { _status: 'draft' } })
    expect(await getPublishedVersions(payload, en.id)).toEqual([])
    const lone = await createPost(payload, { language: 'en' })
    expect(await getPublishedVersions(payload, lone)).toEqual([])
  })
})
