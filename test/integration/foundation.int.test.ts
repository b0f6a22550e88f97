import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string

beforeAll(async () => {
  t = await startTestPayload('foundation')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
})

afterAll(async () => {
  await t?.cleanup()
})

describe('collections through the Local API', () => {
  it('creates, reads, updates and deletes every collection', async () => {
    const { payload } = t
    const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' }, locale: 'en' })
    await payload.update({ ...asAdmin, collection: 'categories', id: category.id, data: { name: 'Analiz' }, locale: 'tr' })
    expect(category.slug).toBe('analysis')
    const trCategory = await payload.findByID({ ...asAdmin, collection: 'categories', id: category.id, locale: 'tr' })
    expect(trCategory.name).toBe('Analiz')

    const author = await payload.create({
      ...asAdmin,
      collection: 'authors',
      data: { bio: 'Analyst of the South Caucasus.', name: 'Ergün Mamedov' },
      locale: 'en',
    })
    await payload.update({ ...asAdmin, collection: 'authors', id: author.id, data: { bio: 'Güney Kafkasya analisti.' }, locale: 'tr' })
    expect(author.slug).toBe('ergun-mamedov')
    const trAuthor = await payload.findByID({ ...asAdmin, collection: 'authors', id: author.id, locale: 'tr' })
    expect(trAuthor.bio).toBe('Güney Kafkasya analisti.')

    const note = await createFootnote(payload)
    const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
    const post = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: {
        _status: 'published',
        authors: [author.id],
        category: category.id,
        content: bodyCiting(note.id) as never,
        highlights: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }],
        language: 'en',
        title: 'Putin Seeks to Solve His Azerbaijan Problem',
        translationGroup: group.id,
      },
    })
    expect(post.slug).toBe('putin-seeks-to-solve-his-azerbaijan-problem')
    expect(post.publishedAt).toBeTruthy()
    expect(post.endnotes).toHaveLength(1)

    const updated = await payload.update({ ...asAdmin, collection: 'posts', id: post.id, data: { title: 'Renamed' } })
    expect(updated.title).toBe('Renamed')
    expect(updated.slug).toBe(post.slug) // the URL survives a title change

    const joined = await payload.findByID({ ...asAdmin, collection: 'translations', id: group.id, depth: 0 })
    expect(joined.posts?.docs?.map((doc) => (typeof doc === 'object' ? doc.id : doc))).toEqual([post.id])

    await payload.delete({ ...asAdmin, collection: 'posts', id: post.id })
    // A translation group left with no posts is deleted with its last post.
    expect((await payload.find({ ...asAdmin, collection: 'translations', where: { id: { equals: group.id } } })).totalDocs).toBe(0)
    for (const [collection, id] of [
      ['footnotes', note.id],
      ['authors', author.id],
      ['categories', category.id],
    ] as const) {
      await payload.delete({ ...asAdmin, collection, id })
      const left = await payload.find({ ...asAdmin, collection, where: { id: { equals: id } } })
      expect(left.totalDocs).toBe(0)
    }
  })
})

describe('collections through REST', () => {
  it('does CRUD on every collection as an editor', async () => {
    const auth = { token: editorToken }
    const created: Record<string, number> = {}
    const bodies: Record<string, Record<string, unknown>> = {
      authors: { name: 'Zeynep Kaya' },
      categories: { name: 'Commentary' },
      footnotes: { title: 'A report', url: 'https://example.org/report' },
      translations: {},
    }
    for (const [collection, body] of Object.entries(bodies)) {
      const res = await rest.post(`/${collection}`, { ...auth, body })
      expect(res.status, `${collection}: ${JSON.stringify(res.body)}`).toBe(201)
      created[collection] = res.body.doc.id
      const read = await rest.get(`/${collection}/${res.body.doc.id}`, auth)
      expect(read.status).toBe(200)
    }
    const post = await rest.post('/posts', {
      ...auth,
      body: {
        _status: 'published',
        content: bodyCiting(created.footnotes),
        language: 'tr',
        title: 'Güney Kafkasya’da Şubat Ayı Değerlendirmesi',
      },
    })
    expect(post.status, JSON.stringify(post.body)).toBe(201)
    expect(post.body.doc.slug).toBe('guney-kafkasyada-subat-ayi-degerlendirmesi')
    const patched = await rest.patch(`/posts/${post.body.doc.id}`, { ...auth, body: { title: 'Yeni başlık' } })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.title).toBe('Yeni başlık')
    expect((await rest.delete(`/posts/${post.body.doc.id}`, auth)).status).toBe(200)
    for (const [collection, id] of Object.entries(created)) {
      const res = await rest.delete(`/${collection}/${id}`, auth)
      expect(res.status, `${collection}: ${JSON.stringify(res.body)}`).toBe(200)
      expect((await rest.get(`/${collection}/${id}`, auth)).status).toBe(404)
    }
  })

  it('rejects anonymous writes', async () => {
    const res = await rest.post('/posts', { body: { language: 'en', title: 'Anonymous' } })
    expect(res.status).toBe(403)
  })
})

describe('admin', () => {
  it('shows Payload’s local account icon instead of a Gravatar image', () => {
    expect(t.payload.config.admin.avatar).toBe('default')
  })
})

describe('slugs', () => {
  it('transliterates Turkish letters', async () => {
    const post = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { language: 'tr', title: 'İŞÇİ Göçü ve Ilısu Barajı: Çözüm Önerileri' },
    })
    expect(post.slug).toBe('isci-gocu-ve-ilisu-baraji-cozum-onerileri')
  })

  it('suffixes generated duplicates but refuses a duplicate slug typed by the editor', async () => {
    const first = await t.payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: 'Black Sea Security' } })
    const second = await t.payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: 'Black Sea Security' } })
    expect(first.slug).toBe('black-sea-security')
    expect(second.slug).toBe('black-sea-security-2')
    // The same slug is fine in another language.
    const turkish = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { language: 'tr', slug: 'black-sea-security', title: 'Karadeniz Güvenliği' },
    })
    expect(turkish.slug).toBe('black-sea-security')

    const res = await rest.post('/posts', {
      token: editorToken,
      body: { language: 'en', slug: 'black-sea-security', title: 'Another' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('slug')
    expect(res.body.errors[0].data.errors[0].message).toMatch(/already used by another English post: "Black Sea Security"/)

    const clash = await rest.patch(`/posts/${second.id}`, { token: editorToken, body: { slug: 'black-sea-security' } })
    expect(clash.status).toBe(400)
    const unchanged = await t.payload.findByID({ ...asAdmin, collection: 'posts', id: second.id, draft: true })
    expect(unchanged.slug).toBe('black-sea-security-2')
  })

  it('keeps the site’s own routes free: a reserved slug typed by the editor is refused, a generated one suffixed', async () => {
    const generated = await t.payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: 'Search' } })
    expect(generated.slug).toBe('search-2')
    const res = await rest.post('/posts', { token: editorToken, body: { language: 'tr', slug: 'authors', title: 'Yazarlar' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('slug')
    expect(res.body.errors[0].data.errors[0].message).toBe('The slug "authors" is reserved for a page of the site. Choose another slug.')
    const moved = await rest.patch(`/posts/${generated.id}`, { token: editorToken, body: { slug: 'categories' } })
    expect(moved.status).toBe(400)
    expect((await t.payload.findByID({ ...asAdmin, collection: 'posts', id: generated.id, draft: true })).slug).toBe('search-2')
  })
})

describe('bad input', () => {
  it('names the field: missing title, unknown language, malformed footnote URL', async () => {
    const auth = { token: editorToken }
    const noTitle = await rest.post('/posts', { ...auth, body: { _status: 'published', language: 'en' } })
    expect(noTitle.status).toBe(400)
    expect(JSON.stringify(noTitle.body)).toMatch(/"path":"title"/)

    const badLanguage = await rest.post('/posts', { ...auth, body: { language: 'xx', title: 'Hello' } })
    expect(badLanguage.status).toBe(400)
    expect(JSON.stringify(badLanguage.body)).toMatch(/"path":"language"/)

    const note = await createFootnote(t.payload, { url: 'https://example.org/ok' })
    for (const url of ['not a url', 'javascript:alert(1)', 'data:text/html,hi']) {
      const res = await rest.patch(`/footnotes/${note.id}`, { ...auth, body: { url } })
      expect(res.status, url).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/"path":"url"/)
    }
    const kept = await t.payload.findByID({ ...asAdmin, collection: 'footnotes', id: note.id })
    expect(kept.url).toBe('https://example.org/ok')
  })
})

describe('drafts', () => {
  it('never returns drafts to anonymous REST readers', async () => {
    const draft = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'draft', language: 'en', title: 'Embargoed analysis' },
      draft: true,
    })
    const byId = await rest.get(`/posts/${draft.id}`)
    expect(byId.status).toBe(404)
    const asDraft = await rest.get(`/posts/${draft.id}?draft=true`)
    expect(asDraft.status).toBe(404)
    const list = await rest.get('/posts?limit=100&draft=true')
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draft.id)
    const staff = await rest.get(`/posts/${draft.id}?draft=true`, { token: editorToken })
    expect(staff.status).toBe(200)
  })
})
