/**
 * The access matrix: every collection × operation × role, through REST and GraphQL (Payload's
 * real route handlers, in process), and the "drafts never reach anonymous readers" rule through
 * every API door. The public site's doors (pages, feeds, sitemap, language switch) are checked
 * in site-drafts.e2e.test.ts against a production server.
 */
import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { graphqlClient, graphqlStatus } from '../helpers/graphql'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

type Role = 'admin' | 'anonymous' | 'editor' | 'translator'
type Op = 'create' | 'delete' | 'publish' | 'read' | 'readDraft' | 'readVersions' | 'update'
type Collection = 'authors' | 'categories' | 'footnotes' | 'media' | 'posts' | 'translations' | 'users'

const ROLES: Role[] = ['anonymous', 'translator', 'editor', 'admin']
const STAFF: Role[] = ['translator', 'editor', 'admin']
const EDITORS: Role[] = ['editor', 'admin']
const EVERYONE: Role[] = ROLES

/**
 * The contract (design §2 and the roles issue). Translators work in Turkish only here: the
 * posts rows are about a Turkish draft; their limits in other languages are separate cases.
 */
const MATRIX: Record<Collection, Partial<Record<Op, Role[]>>> = {
  authors: { create: EDITORS, delete: EDITORS, read: EVERYONE, update: EDITORS },
  categories: { create: EDITORS, delete: EDITORS, read: EVERYONE, update: EDITORS },
  footnotes: { create: STAFF, delete: EDITORS, read: EVERYONE, update: STAFF },
  media: { create: STAFF, delete: STAFF, read: EVERYONE, update: STAFF },
  posts: {
    create: STAFF,
    delete: EDITORS,
    publish: EDITORS,
    read: EVERYONE,
    readDraft: STAFF,
    readVersions: STAFF,
    update: STAFF,
  },
  // Groups: `read` is a group with a published version, `readDraft` one whose posts are all
  // drafts; the label is derived and groups change only through the translation endpoints.
  translations: { create: STAFF, delete: EDITORS, read: EVERYONE, readDraft: STAFF, update: [] },
  // Users: another user's account. Everyone may read and edit their own (checked separately).
  users: { create: ['admin'], delete: ['admin'], read: ['admin'], update: ['admin'] },
}

const SINGULAR: Record<Collection, string> = {
  authors: 'Author',
  categories: 'Category',
  footnotes: 'Footnote',
  media: 'Media',
  posts: 'Post',
  translations: 'Translation',
  users: 'User',
}

const DENIED = [401, 403, 404]

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let gql: ReturnType<typeof graphqlClient>
const tokens: Partial<Record<Role, string>> = {}
const userIds: Partial<Record<Role, number>> = {}
let png: Buffer
let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter} ${Math.random().toString(36).slice(2, 8)}`

async function createMedia(): Promise<{ id: number }> {
  return payload.create({
    ...asAdmin,
    collection: 'media',
    data: { alt: 'A test image' },
    file: { data: png, mimetype: 'image/png', name: `${unique('img').replace(/\W+/g, '-')}.png`, size: png.length },
  }) as Promise<{ id: number }>
}

/** A fresh document to act on (an update or delete must never depend on an earlier case). */
async function target(collection: Collection, { published = false } = {}): Promise<{ id: number }> {
  switch (collection) {
    case 'authors':
      return payload.create({ ...asAdmin, collection, data: { name: unique('Author') } })
    case 'categories':
      return payload.create({ ...asAdmin, collection, data: { name: unique('Category') } })
    case 'footnotes':
      return createFootnote(payload, { title: unique('Note') })
    case 'media':
      return createMedia()
    case 'posts':
      return payload.create({
        ...asAdmin,
        collection,
        data: { _status: published ? 'published' : 'draft', language: 'tr', title: unique('Taslak yazı') },
        draft: !published,
      })
    case 'translations': {
      const group = await payload.create({ ...asAdmin, collection, data: {} })
      await payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { _status: published ? 'published' : 'draft', language: 'en', title: unique('Grouped'), translationGroup: group.id },
        draft: !published,
      })
      return group
    }
    case 'users':
      return (await createUser(payload, 'editor')).user as { id: number }
  }
}

function createData(collection: Collection): Record<string, unknown> {
  switch (collection) {
    case 'authors':
      return { name: unique('New author') }
    case 'categories':
      return { name: unique('New category') }
    case 'footnotes':
      return { title: unique('New note'), url: 'https://example.org/report' }
    case 'media':
      return { alt: unique('Uploaded') }
    case 'posts':
      return { language: 'tr', title: unique('Yeni taslak') }
    case 'translations':
      return { label: unique('Group') }
    case 'users':
      return { email: `${unique('new').replace(/\W+/g, '-')}@example.test`, password: 'new-user-password-1', roles: ['editor'] }
  }
}

function updateData(collection: Collection): Record<string, unknown> {
  switch (collection) {
    case 'authors':
    case 'categories':
    case 'users':
      return { name: unique('Changed') }
    case 'footnotes':
      return { title: unique('Changed') }
    case 'media':
      return { alt: unique('Changed') }
    case 'posts':
      return { title: unique('Değişti') }
    case 'translations':
      return { label: unique('Changed') }
  }
}

const exists = async (collection: Collection, id: number) =>
  (await payload.count({ ...asAdmin, collection, where: { id: { equals: id } } })).totalDocs === 1

interface Outcome {
  status: number
  message?: string
}

type Transport = 'graphql' | 'rest'

/** Runs one operation through one transport and says whether it had its effect. */
async function perform(transport: Transport, collection: Collection, op: Op, role: Role): Promise<{ effect: boolean } & Outcome> {
  const token = tokens[role]
  const name = SINGULAR[collection]
  const draftQuery = collection === 'posts' ? '?draft=true' : ''
  if (op === 'read' || op === 'readDraft') {
    const doc = collection === 'users' ? { id: userIds.editor! === userIds[role] ? userIds.admin! : userIds.editor! } : await target(collection, { published: op === 'read' })
    const draftArg = op === 'readDraft' && collection === 'posts'
    if (transport === 'rest') {
      const response = await rest.get(`/${collection}/${doc.id}${draftArg ? '?draft=true' : ''}`, { token })
      return { effect: response.status === 200 && response.body.id === doc.id, message: response.body?.errors?.[0]?.message, status: response.status }
    }
    const response = await gql(`query($id: Int!) { doc: ${name}(id: $id${draftArg ? ', draft: true' : ''}) { id } }`, { id: doc.id }, token)
    return { effect: response.body.data?.doc?.id === doc.id, message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
  }
  if (op === 'readVersions') {
    const doc = await target('posts', { published: true })
    await payload.update({ ...asAdmin, collection: 'posts', data: { title: unique('Yeni sürüm') }, draft: true, id: doc.id })
    if (transport === 'rest') {
      const response = await rest.get(`/posts/versions?where[parent][equals]=${doc.id}`, { token })
      return { effect: response.status === 200 && response.body.totalDocs > 0, message: response.body?.errors?.[0]?.message, status: response.status }
    }
    const response = await gql(`query($id: JSON) { versionsPosts(where: { parent: { equals: $id } }) { totalDocs } }`, { id: doc.id }, token)
    return { effect: (response.body.data?.versionsPosts?.totalDocs ?? 0) > 0, message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
  }
  if (op === 'create') {
    const groupsBefore = (await payload.find({ ...asAdmin, collection: 'translations', limit: 1, sort: '-id' })).docs[0]?.id ?? 0
    const data = createData(collection)
    const marker = (data.title ?? data.name ?? data.label ?? data.email ?? data.alt) as string
    const field = 'title' in data ? 'title' : 'name' in data ? 'name' : 'label' in data ? 'label' : 'email' in data ? 'email' : 'alt'
    let outcome: Outcome
    if (collection === 'media') {
      if (transport === 'graphql') return { effect: false, status: -1 } // uploads need multipart: REST only
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${unique('upload').replace(/\W+/g, '-')}.png`)
      form.append('_payload', JSON.stringify({ alt: marker }))
      const response = await restMultipart('POST', '/media', form, token)
      outcome = { message: response.body?.errors?.[0]?.message, status: response.status }
    } else if (transport === 'rest') {
      const response = await rest.post(`/${collection}${draftQuery}`, { body: data, token })
      outcome = { message: response.body?.errors?.[0]?.message, status: response.status }
    } else {
      const response = await gql(
        `mutation($data: mutation${name}Input!) { doc: create${name}(data: $data${collection === 'posts' ? ', draft: true' : ''}) { id } }`,
        { data },
        token,
      )
      outcome = { message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
    }
    if (collection === 'translations') {
      // The label is the plugin's to write: a group is created, the label sent is dropped.
      const created = await payload.find({ ...asAdmin, collection, limit: 1, sort: '-id' })
      const fresh = created.docs[0] !== undefined && created.docs[0].id > groupsBefore
      if (fresh) expect(created.docs[0].label ?? null).toBeNull()
      return { ...outcome, effect: fresh }
    }
    const found = await payload.count({ ...asAdmin, collection, where: { [field]: { equals: marker } } })
    return { ...outcome, effect: found.totalDocs === 1 }
  }
  if (op === 'update' || op === 'publish') {
    const doc = collection === 'users' ? (await target('users')) : await target(collection)
    const data = op === 'publish' ? { _status: 'published' } : updateData(collection)
    const draft = collection === 'posts' && op === 'update'
    let outcome: Outcome
    if (transport === 'rest') {
      const response = await rest.patch(`/${collection}/${doc.id}${draft ? '?draft=true' : ''}`, { body: data, token })
      outcome = { message: response.body?.errors?.[0]?.message, status: response.status }
    } else {
      const response = await gql(
        `mutation($id: Int!, $data: mutation${name}UpdateInput!) { doc: update${name}(id: $id, data: $data${draft ? ', draft: true' : ''}) { id } }`,
        { data, id: doc.id },
        token,
      )
      outcome = { message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
    }
    const after = (await payload.findByID({ ...asAdmin, collection, depth: 0, draft: draft, id: doc.id })) as unknown as Record<string, unknown>
    const [key, value] = Object.entries(data)[0]
    return { ...outcome, effect: after[key] === value }
  }
  // delete
  const doc = await target(collection)
  let outcome: Outcome
  if (transport === 'rest') {
    const response = await rest.delete(`/${collection}/${doc.id}`, { token })
    outcome = { message: response.body?.errors?.[0]?.message, status: response.status }
  } else {
    const response = await gql(`mutation($id: Int!) { doc: delete${name}(id: $id) { id } }`, { id: doc.id }, token)
    outcome = { message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
  }
  return { ...outcome, effect: !(await exists(collection, doc.id)) }
}

async function restMultipart(method: 'PATCH' | 'POST', path: string, form: FormData, token?: string) {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const handler = REST_POST(Promise.resolve(payload.config)) as (r: Request, a: { params: Promise<{ slug: string[] }> }) => Promise<Response>
  const headers: Record<string, string> = {}
  if (token) headers.Authorization = `JWT ${token}`
  const response = await handler(new Request(`http://localhost/api${path}`, { body: form, headers, method }), {
    params: Promise.resolve({ slug: path.split('/').filter(Boolean) }),
  })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // keep text
  }
  return { body, status: response.status }
}

beforeAll(async () => {
  t = await startTestPayload('access_matrix')
  payload = t.payload
  rest = restClient(payload)
  gql = graphqlClient(payload)
  png = await sharp({ create: { background: '#336699', channels: 3, height: 4, width: 4 } }).png().toBuffer()
  // The first account becomes admin whatever it asks for; create the admin first.
  const admin = await createUser(payload, 'admin')
  const editor = await createUser(payload, 'editor')
  const translator = await createUser(payload, 'translator', { languages: ['tr'] })
  for (const [role, account] of [
    ['admin', admin],
    ['editor', editor],
    ['translator', translator],
  ] as const) {
    tokens[role] = await rest.login(account.email, account.password)
    userIds[role] = account.user.id as number
  }
})

afterAll(async () => {
  await t?.cleanup()
})

const cases: { collection: Collection; op: Op; role: Role; transport: Transport; allowed: boolean }[] = []
for (const [collection, ops] of Object.entries(MATRIX) as [Collection, Partial<Record<Op, Role[]>>][]) {
  for (const [op, allowedRoles] of Object.entries(ops) as [Op, Role[]][]) {
    for (const role of ROLES) {
      for (const transport of ['rest', 'graphql'] as const) {
        if (collection === 'media' && op === 'create' && transport === 'graphql') continue
        cases.push({ allowed: allowedRoles.includes(role), collection, op, role, transport })
      }
    }
  }
}

describe('access matrix (REST and GraphQL)', () => {
  it.each(cases)('$collection $op as $role over $transport → allowed: $allowed', async ({ allowed, collection, op, role, transport }) => {
    const result = await perform(transport, collection, op, role)
    const context = `${collection} ${op} as ${role} over ${transport}: status ${result.status} ${result.message ?? ''}`
    if (allowed) {
      expect(result.status, context).toBeLessThan(300)
      expect(result.effect, context).toBe(true)
    } else {
      expect(DENIED, context).toContain(result.status)
      expect(result.effect, context).toBe(false)
      expect(result.message, context).toBeTruthy()
    }
  })
})

describe('roles: the limits inside the matrix', () => {
  it('translators cannot write posts in a language that is not theirs (REST and GraphQL)', async () => {
    const en = await payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: unique('English draft') }, draft: true })
    const viaRest = await rest.patch(`/posts/${en.id}?draft=true`, { body: { title: 'Hijacked' }, token: tokens.translator })
    expect(DENIED).toContain(viaRest.status)
    const viaGql = await gql(
      `mutation($id: Int!) { updatePost(id: $id, data: { title: "Hijacked" }, draft: true) { id } }`,
      { id: en.id },
      tokens.translator,
    )
    expect(DENIED).toContain(graphqlStatus(viaGql))
    const created = await rest.post('/posts?draft=true', { body: { language: 'en', title: 'Translator in English' }, token: tokens.translator })
    expect(DENIED).toContain(created.status)
    expect(JSON.stringify(created.body)).toMatch(/own languages|not allowed/i)
    const after = await payload.findByID({ ...asAdmin, collection: 'posts', draft: true, id: en.id })
    expect(after.title).toBe(en.title)
  })

  it('translators cannot publish, even by creating a post as published', async () => {
    const response = await rest.post('/posts', { body: { _status: 'published', language: 'tr', title: unique('Yayın') }, token: tokens.translator })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toMatch(/cannot publish/i)
  })

  it('users may read and edit their own account but never raise their own roles', async () => {
    const me = await rest.get(`/users/${userIds.translator}`, { token: tokens.translator })
    expect(me.status).toBe(200)
    const list = await rest.get('/users', { token: tokens.translator })
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([userIds.translator])
    await rest.patch(`/users/${userIds.translator}`, { body: { languages: ['tr', 'en'], name: 'Çevirmen', roles: ['admin'] }, token: tokens.translator })
    const after = await payload.findByID({ ...asAdmin, collection: 'users', id: userIds.translator! })
    expect(after.roles).toEqual(['translator'])
    expect(after.languages).toEqual(['tr'])
    const editorSelf = await gql(`mutation($id: Int!) { updateUser(id: $id, data: { roles: [admin] }) { roles } }`, { id: userIds.editor }, tokens.editor)
    expect(editorSelf.body.errors ?? []).toHaveLength(0)
    expect((await payload.findByID({ ...asAdmin, collection: 'users', id: userIds.editor! })).roles).toEqual(['editor'])
  })

  it('anonymous requests cannot sign up or list accounts', async () => {
    const signUp = await rest.post('/users', { body: { email: 'intruder@example.test', password: 'intruder-password', roles: ['admin'] } })
    expect(signUp.status).toBe(403)
    expect((await payload.count({ ...asAdmin, collection: 'users', where: { email: { equals: 'intruder@example.test' } } })).totalDocs).toBe(0)
    expect((await rest.get('/users')).status).toBe(403)
    const viaGql = await gql('{ Users { docs { email } } }')
    expect(graphqlStatus(viaGql)).toBe(403)
  })
})

describe('drafts never reach anonymous readers through the API', () => {
  const SECRET = 'zqxjdraftword'
  const NEWER = 'zqxjnewerword'
  let draftOnly: { id: number; slug?: null | string }
  let published: { id: number }
  let withNewerDraft: { id: number }
  let trDraft: { id: number }
  let group: { id: number }

  beforeAll(async () => {
    const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' } })
    const author = await payload.create({ ...asAdmin, collection: 'authors', data: { name: 'Ergün Mamedov' } })
    const note = await createFootnote(payload, { title: "Cited only by a draft" })
    draftOnly = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: {
        authors: [author.id],
        category: category.id,
        content: bodyCiting(note.id) as never,
        highlights: [{ text: `Secret point ${SECRET}` }],
        language: 'en',
        title: `Unpublished analysis ${SECRET}`,
      },
      draft: true,
    })
    group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
    published = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: {
        _status: 'published',
        authors: [author.id],
        category: category.id,
        language: 'en',
        similarPosts: [draftOnly.id],
        title: 'Caspian corridor analysis energy pipelines',
        translationGroup: group.id,
      },
    })
    trDraft = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { language: 'tr', title: `Hazar koridoru taslak ${SECRET}`, translationGroup: group.id },
      draft: true,
    })
    withNewerDraft = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', authors: [author.id], category: category.id, language: 'en', title: 'Caspian pipelines energy corridor live' },
    })
    await payload.update({
      ...asAdmin,
      collection: 'posts',
      data: { highlights: [{ text: `Newer ${NEWER}` }], title: `Caspian pipelines ${NEWER}` },
      draft: true,
      id: withNewerDraft.id,
    })
  })

  const publishedCount = async () =>
    (await payload.count({ ...asAdmin, collection: 'posts', where: { _status: { equals: 'published' } } })).totalDocs

  const leaks = (value: unknown) => {
    const text = JSON.stringify(value)
    return text.includes(SECRET) || text.includes(NEWER)
  }

  it('staff do see the drafts (the probe words are real)', async () => {
    const response = await rest.get('/posts?draft=true&limit=100', { token: tokens.editor })
    expect(leaks(response.body)).toBe(true)
  })

  it('REST: lists, by-ID reads, ?draft=true, counts, where-queries and every depth', async () => {
    const responses = await Promise.all([
      rest.get('/posts?limit=100&depth=3'),
      rest.get('/posts?limit=100&depth=3&draft=true'),
      rest.get(`/posts?where[title][like]=${SECRET}`),
      rest.get(`/posts?where[title][like]=${SECRET}&draft=true`),
      rest.get(`/posts/${published.id}?depth=3`),
      rest.get(`/posts/${published.id}?depth=3&draft=true`),
      rest.get(`/posts/${withNewerDraft.id}?draft=true`),
      rest.get(`/translations/${group.id}?depth=3`),
      rest.get(`/translations?depth=2`),
      rest.get(`/translations/${group.id}?depth=2&draft=true`),
    ])
    for (const response of responses) expect(leaks(response.body), JSON.stringify(response.body).slice(0, 300)).toBe(false)
    const byId = await rest.get(`/posts/${draftOnly.id}`)
    expect(byId.status).toBe(404)
    const byIdDraft = await rest.get(`/posts/${draftOnly.id}?draft=true`)
    expect(byIdDraft.status).toBe(404)
    const count = await rest.get('/posts/count')
    expect(count.body.totalDocs).toBe(await publishedCount())
    const live = await rest.get(`/posts/${withNewerDraft.id}?draft=true`)
    expect(live.body.title).toBe('Caspian pipelines energy corridor live')
  })

  it('REST: versions endpoints are closed to anonymous readers', async () => {
    const list = await rest.get('/posts/versions')
    expect(list.status).toBe(403)
    const versions = await payload.findVersions({ ...asAdmin, collection: 'posts', where: { parent: { equals: withNewerDraft.id } } })
    const one = await rest.get(`/posts/versions/${versions.docs[0].id}`)
    expect(DENIED).toContain(one.status)
    expect(leaks(one.body)).toBe(false)
  })

  it('REST: similar posts, search and citations endpoints', async () => {
    const similarOfDraft = await rest.get(`/posts/${draftOnly.id}/similar`)
    expect(similarOfDraft.status).toBe(404)
    const similar = await rest.get(`/posts/${published.id}/similar?depth=2&limit=20`)
    expect(similar.status).toBe(200)
    expect(leaks(similar.body)).toBe(false)
    expect(similar.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draftOnly.id)
    for (const q of [SECRET, NEWER, 'Caspian', 'Hazar']) {
      const search = await rest.get(`/posts/search?q=${encodeURIComponent(q)}&depth=2`)
      expect(search.status).toBe(200)
      expect(leaks(search.body)).toBe(false)
    }
    const citations = await rest.get(`/posts/${draftOnly.id}/citations`)
    expect(citations.status).toBe(404)
    const citationsDraft = await rest.get(`/posts/${draftOnly.id}/citations?draft=true`)
    expect(citationsDraft.status).toBe(404)
    const citationsNewer = await rest.get(`/posts/${withNewerDraft.id}/citations?draft=true&format=bibtex`)
    expect(leaks(citationsNewer.body)).toBe(false)
  })

  it('GraphQL: lists, by-ID, draft arguments, versions, joins and relationships', async () => {
    const queries: [string, Record<string, unknown>][] = [
      ['{ Posts(limit: 100, draft: true) { docs { id title highlights { text } } totalDocs } }', {}],
      ['{ Posts(limit: 100) { docs { id title similarPosts { id title } } } }', {}],
      ['query($id: Int!) { Post(id: $id, draft: true) { id title } }', { id: withNewerDraft.id }],
      ['query($id: Int!) { Post(id: $id) { id title } }', { id: draftOnly.id }],
      ['query($id: Int!) { Post(id: $id, draft: true) { id title } }', { id: draftOnly.id }],
      ['query($id: Int!) { Post(id: $id) { similarPosts { id title } translationGroup { posts { docs { id title } } } } }', { id: published.id }],
      ['query($id: Int!) { Translation(id: $id) { posts { docs { id title _status } } } }', { id: group.id }],
      ['{ versionsPosts { docs { version { title } } } }', {}],
      ['{ countPosts { totalDocs } }', {}],
    ]
    for (const [query, variables] of queries) {
      const response = await gql(query, variables)
      expect(leaks(response.body.data), `${query}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(false)
    }
    expect(graphqlStatus(await gql('{ versionsPosts { docs { id } } }'))).toBe(403)
    expect((await gql('{ countPosts { totalDocs } }')).body.data.countPosts.totalDocs).toBe(await publishedCount())
  })

  it('the Turkish draft of a published piece stays out of the group as anonymous readers see it', async () => {
    const response = await rest.get(`/translations/${group.id}?depth=1`)
    const ids = (response.body.posts?.docs ?? []).map((doc: number | { id: number }) => (typeof doc === 'object' ? doc.id : doc))
    expect(ids).toContain(published.id)
    expect(ids).not.toContain(trDraft.id)
  })

  it('footnote records are public citations, but not the drafts citing them', async () => {
    const response = await rest.get(`/posts?where[endnotes.footnote][exists]=true&depth=2`)
    expect(response.status).toBe(200)
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draftOnly.id)
  })
})

describe('translation groups never show an unpublished title', () => {
  const SECRET = 'lblsecretword'
  let published: { id: number; title: string }
  let live: { id: number }
  let allDrafts: { id: number }
  let turkishOnly: { id: number }

  const leaks = (value: unknown) => JSON.stringify(value ?? null).includes(SECRET)
  const group = () => payload.create({ ...asAdmin, collection: 'translations', data: {} })

  beforeAll(async () => {
    live = await group()
    published = (await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', language: 'en', title: 'Public group title', translationGroup: live.id },
    })) as { id: number; title: string }
    await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { language: 'tr', title: `Türkçe taslak ${SECRET}`, translationGroup: live.id },
      draft: true,
    })
    // An editor saves a draft title over the published post, as in the admin.
    const saved = await rest.patch(`/posts/${published.id}?draft=true`, { body: { title: `SECRET DRAFT TITLE ${SECRET}` }, token: tokens.editor })
    expect(saved.status).toBe(200)
    allDrafts = await group()
    for (const language of ['en', 'tr'] as const) {
      await payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { language, title: `Embargoed ${language} ${SECRET}`, translationGroup: allDrafts.id },
        draft: true,
      })
    }
    turkishOnly = await group()
    await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { language: 'en', title: `English draft ${SECRET}`, translationGroup: turkishOnly.id },
      draft: true,
    })
    await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', language: 'tr', title: 'Yayımlanmış Türkçe', translationGroup: turkishOnly.id },
    })
  })

  it('the label is the published title: staff see it too, and draft-only groups have none', async () => {
    const list = await rest.get('/translations?limit=100&depth=0', { token: tokens.editor })
    const byId = new Map(list.body.docs.map((doc: { id: number; label: null | string }) => [doc.id, doc.label]))
    expect(byId.get(live.id)).toBe('Public group title')
    expect(byId.get(turkishOnly.id)).toBe('Yayımlanmış Türkçe')
    expect(byId.has(allDrafts.id)).toBe(true)
    expect(byId.get(allDrafts.id) ?? null).toBeNull()
  })

  it('REST: groups, posts and where-queries at every depth', async () => {
    const paths: string[] = []
    for (const depth of [0, 1, 2, 3]) {
      paths.push(
        `/translations?limit=100&depth=${depth}`,
        `/translations/${live.id}?depth=${depth}`,
        `/translations/${turkishOnly.id}?depth=${depth}`,
        `/posts?limit=100&depth=${depth}`,
        `/posts/${published.id}?depth=${depth}`,
        `/posts/${published.id}?depth=${depth}&draft=true`,
      )
    }
    paths.push(
      `/translations?where[label][like]=${SECRET}`,
      `/translations/count`,
      `/posts?where[translationGroup.label][like]=${SECRET}`,
      `/posts?where[translationGroup.label][like]=${SECRET}&draft=true`,
    )
    for (const path of paths) {
      const response = await rest.get(path)
      expect(response.status, path).toBeLessThan(300)
      expect(leaks(response.body), `${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(false)
    }
    const anonymousList = await rest.get('/translations?limit=100')
    expect(anonymousList.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(allDrafts.id)
    expect((await rest.get(`/translations/${allDrafts.id}`)).status).toBe(404)
    const count = await rest.get('/translations/count')
    const withLabel = await payload.count({ ...asAdmin, collection: 'translations', where: { label: { exists: true } } })
    expect(count.body.totalDocs).toBe(withLabel.totalDocs)
    const post = await rest.get(`/posts/${published.id}?depth=1`)
    expect(post.body.translationGroup.label).toBe('Public group title')
  })

  it('GraphQL: the label and the join, nested to depth 3', async () => {
    const nested = 'label posts { docs { title translationGroup { label posts { docs { title translationGroup { label } } } } } }'
    const queries: [string, Record<string, unknown>][] = [
      [`{ Translations(limit: 100) { totalDocs docs { id ${nested} } } }`, {}],
      [`query($id: Int!) { Translation(id: $id) { ${nested} } }`, { id: live.id }],
      [`query($id: Int!) { Translation(id: $id) { ${nested} } }`, { id: turkishOnly.id }],
      [`query($id: Int!) { Translation(id: $id) { ${nested} } }`, { id: allDrafts.id }],
      [`query($id: Int!) { Post(id: $id) { title translationGroup { ${nested} } } }`, { id: published.id }],
      [`query($id: Int!) { Post(id: $id, draft: true) { title translationGroup { ${nested} } } }`, { id: published.id }],
      [`{ Posts(limit: 100, draft: true) { docs { title translationGroup { ${nested} } } } }`, {}],
      [`{ Translations(where: { label: { like: "${SECRET}" } }) { totalDocs docs { label } } }`, {}],
      ['{ countTranslations { totalDocs } }', {}],
    ]
    for (const [query, variables] of queries) {
      const response = await gql(query, variables)
      expect(leaks(response.body), `${query}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(false)
    }
    const list = await gql('{ Translations(limit: 100) { docs { id label } } }')
    const ids = list.body.data.Translations.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(live.id)
    expect(ids).not.toContain(allDrafts.id)
    const staff = await gql(`query($id: Int!) { Translation(id: $id) { id } }`, { id: allDrafts.id }, tokens.translator)
    expect(staff.body.data.Translation.id).toBe(allDrafts.id)
  })

  it('publishing moves the label to the new title; unpublishing the last version hides the group', async () => {
    const publish = await rest.patch(`/posts/${published.id}`, { body: { _status: 'published', title: 'Second public title' }, token: tokens.editor })
    expect(publish.status).toBe(200)
    expect((await rest.get(`/translations/${live.id}`)).body.label).toBe('Second public title')
    const unpublish = await rest.patch(`/posts/${published.id}`, { body: { _status: 'draft' }, token: tokens.editor })
    expect(unpublish.status).toBe(200)
    expect((await rest.get(`/translations/${live.id}`)).status).toBe(404)
    expect((await rest.get('/translations?limit=100')).body.docs.map((doc: { id: number }) => doc.id)).not.toContain(live.id)
  })
})

describe('translators cannot change what published pages show', () => {
  type Actor = 'editor' | 'translator'
  const published = (language: 'en' | 'tr', translationGroup?: number) =>
    payload.create({ ...asAdmin, collection: 'posts', data: { _status: 'published', language, title: unique(`Live ${language}`), translationGroup } })
  const draft = (language: 'en' | 'tr', translationGroup?: number) =>
    payload.create({ ...asAdmin, collection: 'posts', data: { language, title: unique(`Draft ${language}`), translationGroup }, draft: true })
  const groupOf = async (id: number) =>
    ((await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id })).translationGroup as null | number) ?? null

  /** A published English piece with its published Turkish version, linked. */
  async function livePair() {
    const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
    const en = await published('en', group.id)
    const tr = await published('tr', group.id)
    return { en, group: group.id, tr }
  }

  const ROWS: { action: string; allowed: Record<Actor, boolean>; run: (token: string) => Promise<{ effect: boolean; status: number; message?: string }> }[] = [
    {
      action: 'unlink a published version from its published translation',
      allowed: { editor: true, translator: false },
      run: async (token) => {
        const { group, tr } = await livePair()
        const response = await rest.post(`/posts/${tr.id}/unlink-translation`, { token })
        return { effect: (await groupOf(tr.id)) !== group, message: response.body?.errors?.[0]?.message, status: response.status }
      },
    },
    {
      action: 'link a published version into a group with a published version',
      allowed: { editor: true, translator: false },
      run: async (token) => {
        const en = await published('en')
        const tr = await published('tr')
        const response = await rest.post(`/posts/${en.id}/link-translation`, { body: { target: tr.id }, token })
        const linked = (await groupOf(en.id)) !== null && (await groupOf(en.id)) === (await groupOf(tr.id))
        return { effect: linked, message: response.body?.errors?.[0]?.message, status: response.status }
      },
    },
    {
      action: 'unlink their draft from a published piece',
      allowed: { editor: true, translator: true },
      run: async (token) => {
        const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
        await published('en', group.id)
        const tr = await draft('tr', group.id)
        const response = await rest.post(`/posts/${tr.id}/unlink-translation`, { token })
        return { effect: (await groupOf(tr.id)) === null, message: response.body?.errors?.[0]?.message, status: response.status }
      },
    },
    {
      action: 'link their draft to a published piece',
      allowed: { editor: true, translator: true },
      run: async (token) => {
        const en = await published('en')
        const tr = await draft('tr')
        const response = await rest.post(`/posts/${tr.id}/link-translation`, { body: { target: en.id, translatedFrom: 'target' }, token })
        const linked = (await groupOf(en.id)) !== null && (await groupOf(en.id)) === (await groupOf(tr.id))
        return { effect: linked, message: response.body?.errors?.[0]?.message, status: response.status }
      },
    },
  ]

  const cases = ROWS.flatMap((row) => (['translator', 'editor'] as const).map((actor) => ({ ...row, actor, expected: row.allowed[actor] })))

  it.each(cases)('$actor: $action → allowed: $expected', async ({ actor, expected, run }) => {
    const result = await run(tokens[actor]!)
    const context = `status ${result.status} ${result.message ?? ''}`
    if (expected) {
      expect(result.status, context).toBe(200)
      expect(result.effect, context).toBe(true)
    } else {
      expect(result.status, context).toBe(403)
      expect(result.effect, context).toBe(false)
      expect(result.message, context).toMatch(/Only editors can change the links between published versions/)
    }
  })

  it('the translations panel offers translators no Unlink button on a published version', async () => {
    const { en, tr } = await livePair()
    const own = await draft('tr')
    for (const [actor, canUnlink] of [
      ['translator', false],
      ['editor', true],
    ] as const) {
      const panel = await rest.get(`/posts/${en.id}/translations`, { token: tokens[actor] })
      const row = panel.body.rows.find((candidate: { code: string }) => candidate.code === 'tr')
      expect(row.version.id).toBe(tr.id)
      expect(row.version.canUnlink, actor).toBe(canUnlink)
    }
    const ownPanel = await rest.get(`/posts/${own.id}/translations`, { token: tokens.translator })
    expect(ownPanel.body.rows.find((candidate: { code: string }) => candidate.code === 'tr').version.canUnlink).toBe(true)
  })
})

describe('footnotes cited by published pages', () => {
  type Citation = 'published' | 'draft only' | 'none'
  const RULE: Record<Citation, Role[]> = { 'draft only': STAFF, none: STAFF, published: EDITORS }

  async function citedNote(citation: Citation): Promise<{ id: number }> {
    const note = await createFootnote(payload, { title: unique('Cited note') })
    if (citation === 'none') return note
    await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: citation === 'published' ? 'published' : 'draft', content: bodyCiting(note.id) as never, language: 'en', title: unique('Citing post') },
      draft: citation !== 'published',
    })
    return note
  }

  const footnoteCases = (Object.keys(RULE) as Citation[]).flatMap((citation) =>
    ROLES.flatMap((role) => (['rest', 'graphql'] as const).map((transport) => ({ allowed: RULE[citation].includes(role), citation, role, transport }))),
  )

  it.each(footnoteCases)('update a note cited by $citation as $role over $transport → allowed: $allowed', async ({ allowed, citation, role, transport }) => {
    const note = await citedNote(citation)
    const title = unique('Changed citation')
    let outcome: Outcome
    if (transport === 'rest') {
      const response = await rest.patch(`/footnotes/${note.id}`, { body: { title }, token: tokens[role] })
      outcome = { message: response.body?.errors?.[0]?.message, status: response.status }
    } else {
      const response = await gql(`mutation($id: Int!, $title: String) { updateFootnote(id: $id, data: { title: $title }) { id } }`, { id: note.id, title }, tokens[role])
      outcome = { message: response.body.errors?.[0]?.message, status: graphqlStatus(response) }
    }
    const after = await payload.findByID({ ...asAdmin, collection: 'footnotes', id: note.id })
    const context = `status ${outcome.status} ${outcome.message ?? ''}`
    if (allowed) {
      expect(outcome.status, context).toBeLessThan(300)
      expect(after.title, context).toBe(title)
    } else {
      expect(DENIED, context).toContain(outcome.status)
      expect(after.title, context).not.toBe(title)
      expect(outcome.message, context).toBeTruthy()
      if (role === 'translator') expect(outcome.message, context).toMatch(/cited by a published post \(".*" \(en\)\); only editors can change it/)
    }
  })
})
