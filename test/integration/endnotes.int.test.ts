import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { formatCitation } from 'payload-policy-posts'
import { endnoteNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string

type Endnote = { footnote: any; label: string; number: number }
const footnoteIds = (endnotes: Endnote[]) => endnotes.map((note) => (typeof note.footnote === 'object' ? note.footnote.id : note.footnote))

beforeAll(async () => {
  t = await startTestPayload('endnotes')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
})

afterAll(async () => {
  await t?.cleanup()
})

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const handler = GRAPHQL_POST(Promise.resolve(t.payload.config))
  const response = await handler(
    new Request('http://localhost/api/graphql', {
      body: JSON.stringify({ query, variables }),
      headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `JWT ${token}` }) },
      method: 'POST',
    }),
  )
  return { body: (await response.json()) as any, status: response.status }
}

describe('derived endnotes', () => {
  it('number notes by first appearance and reuse the number of a note cited again', async () => {
    const [a, b, c] = await Promise.all([createFootnote(t.payload), createFootnote(t.payload), createFootnote(t.payload)])
    const post = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { content: bodyCiting(b.id, a.id, b.id, c.id) as never, language: 'en', title: 'Order of first appearance' },
    })
    expect(post.endnotes?.map(({ label, number }) => ({ label, number }))).toEqual([
      { label: 'i', number: 1 },
      { label: 'ii', number: 2 },
      { label: 'iii', number: 3 },
    ])
    expect(footnoteIds(post.endnotes as Endnote[])).toEqual([b.id, a.id, c.id])
  })

  it('renumber when a reference is removed from the body', async () => {
    const [a, b, c] = await Promise.all([createFootnote(t.payload), createFootnote(t.payload), createFootnote(t.payload)])
    const created = await rest.post('/posts', {
      body: { content: bodyCiting(a.id, b.id, c.id, a.id), language: 'en', title: 'Renumbering' },
      token: editorToken,
    })
    expect(created.status).toBe(201)
    expect(footnoteIds(created.body.doc.endnotes)).toEqual([a.id, b.id, c.id])
    // Delete both references to a: b becomes i, c becomes ii.
    const patched = await rest.patch(`/posts/${created.body.doc.id}`, { body: { content: bodyCiting(b.id, c.id) }, token: editorToken })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.endnotes.map((note: Endnote) => [note.number, note.label])).toEqual([
      [1, 'i'],
      [2, 'ii'],
    ])
    expect(footnoteIds(patched.body.doc.endnotes)).toEqual([b.id, c.id])
    // Moving c in front of b swaps their numbers.
    const swapped = await rest.patch(`/posts/${created.body.doc.id}`, { body: { content: bodyCiting(c.id, b.id) }, token: editorToken })
    expect(footnoteIds(swapped.body.doc.endnotes)).toEqual([c.id, b.id])
    const emptied = await rest.patch(`/posts/${created.body.doc.id}`, { body: { content: bodyCiting() }, token: editorToken })
    expect(emptied.body.doc.endnotes).toEqual([])
  })

  it('refuse a body citing a footnote that does not exist, naming content and keeping the stored post', async () => {
    const note = await createFootnote(t.payload)
    const created = await rest.post('/posts', {
      body: { content: bodyCiting(note.id), language: 'en', title: 'Kept as it was' },
      token: editorToken,
    })
    const postId = created.body.doc.id
    const before = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: postId })

    const res = await rest.patch(`/posts/${postId}`, {
      body: { content: bodyCiting(note.id, 999_999), title: 'Changed title' },
      token: editorToken,
    })
    expect(res.status).toBe(400)
    const error = res.body.errors[0].data.errors[0]
    expect(error.path).toBe('content')
    expect(error.message).toMatch(/999999/)
    const after = await t.payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id: postId })
    expect(after.title).toBe('Kept as it was')
    expect(after.content).toEqual(before.content)
    expect(after.endnotes).toEqual(before.endnotes)

    const count = (await t.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs
    const refused = await rest.post('/posts', {
      body: { content: bodyCiting(123_456), language: 'en', title: 'Never saved' },
      token: editorToken,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].path).toBe('content')
    expect((await t.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBe(count)
  })

  it('refuse to delete a footnote that is still cited, listing the citing posts (409)', async () => {
    const note = await createFootnote(t.payload, { title: 'Still cited' })
    const english = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', content: bodyCiting(note.id) as never, language: 'en', title: 'The citing analysis' },
    })
    const turkish = await t.payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { content: bodyCiting(note.id) as never, language: 'tr', title: 'Atıf yapan taslak' },
      draft: true,
    })
    const res = await rest.delete(`/footnotes/${note.id}`, { token: editorToken })
    expect(res.status).toBe(409)
    const message = res.body.errors[0].message as string
    expect(message).toMatch(/cited by 2 posts/)
    expect(message).toContain('"The citing analysis" (en')
    expect(message).toContain('"Atıf yapan taslak" (tr')
    expect((await t.payload.findByID({ ...asAdmin, collection: 'footnotes', id: note.id })).id).toBe(note.id)

    for (const post of [english, turkish]) {
      await t.payload.update({ ...asAdmin, collection: 'posts', data: { content: bodyCiting() as never }, id: post.id })
    }
    expect((await rest.delete(`/footnotes/${note.id}`, { token: editorToken })).status).toBe(200)
  })
})

describe('endnotes through the APIs', () => {
  let postId: number
  let trPostId: number
  let noteIds: number[]

  beforeAll(async () => {
    const web = await createFootnote(t.payload, {
      accessedAt: '2025-12-24T12:00:00.000Z',
      citedAuthors: 'Emil Avdaliani',
      outlet: 'CEPA',
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      url: 'https://cepa.org/article/putin-seeks-to-solve-his-azerbaijan-problem',
    })
    const explanatory = await createFootnote(t.payload, {
      accessedAt: undefined,
      citedAuthors: undefined,
      note: 'The figures exclude re-exports.',
      outlet: undefined,
      title: undefined,
      url: undefined,
    })
    noteIds = [web.id as number, explanatory.id as number]
    const content = rootNode([
      paragraphNode([textNode('Moscow changed its tone.'), endnoteNode(web.id), textNode(' Trade grew.'), endnoteNode(explanatory.id)]),
      paragraphNode([textNode('Again.'), endnoteNode(web.id)]),
    ])
    postId = (
      await t.payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { _status: 'published', content: content as never, language: 'en', title: 'Putin and Azerbaijan' },
      })
    ).id as number
    trPostId = (
      await t.payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { _status: 'published', content: content as never, language: 'tr', title: 'Putin ve Azerbaycan' },
      })
    ).id as number
  })

  it('REST returns ids at depth 0 and the footnote records at depth 1', async () => {
    const flat = await rest.get(`/posts/${postId}?depth=0`)
    expect(flat.status).toBe(200)
    expect(flat.body.endnotes.map((note: Endnote) => [note.number, note.label, note.footnote])).toEqual([
      [1, 'i', noteIds[0]],
      [2, 'ii', noteIds[1]],
    ])
    const deep = await rest.get(`/posts/${postId}?depth=1`)
    expect(deep.body.endnotes[0].footnote).toMatchObject({ citedAuthors: 'Emil Avdaliani', id: noteIds[0], outlet: 'CEPA' })
    expect(deep.body.endnotes[1].footnote).toMatchObject({ id: noteIds[1], note: 'The figures exclude re-exports.' })
  })

  it('GraphQL returns the endnotes with their footnote records', async () => {
    const { body, status } = await graphql(
      `query ($id: Int!) { Post(id: $id) { title endnotes { number label footnote { id title url outlet citedAuthors accessedAt note } } } }`,
      { id: postId },
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Post.endnotes).toEqual([
      {
        footnote: {
          accessedAt: '2025-12-24T12:00:00.000Z',
          citedAuthors: 'Emil Avdaliani',
          id: noteIds[0],
          note: null,
          outlet: 'CEPA',
          title: 'Putin Seeks to Solve His Azerbaijan Problem',
          url: 'https://cepa.org/article/putin-seeks-to-solve-his-azerbaijan-problem',
        },
        label: 'i',
        number: 1,
      },
      {
        footnote: { accessedAt: null, citedAuthors: null, id: noteIds[1], note: 'The figures exclude re-exports.', outlet: null, title: null, url: null },
        label: 'ii',
        number: 2,
      },
    ])
    const list = await graphql(`{ Posts(where: { language: { equals: tr } }) { docs { id endnotes { label footnote { id } } } } }`)
    expect(list.body.errors).toBeUndefined()
    const tr = list.body.data.Posts.docs.find((doc: { id: number }) => doc.id === trPostId)
    expect(tr.endnotes.map((note: { footnote: { id: number }; label: string }) => [note.label, note.footnote.id])).toEqual([
      ['i', noteIds[0]],
      ['ii', noteIds[1]],
    ])
  })

  it('formats the API data in the house style of each language', async () => {
    const en = await rest.get(`/posts/${postId}?depth=1`)
    const tr = await rest.get(`/posts/${trPostId}?depth=1`)
    expect(en.body.endnotes.map((note: Endnote) => formatCitation(note.footnote, en.body.language))).toEqual([
      'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/putin-seeks-to-solve-his-azerbaijan-problem, (Access Date: 24.12.2025).',
      'The figures exclude re-exports.',
    ])
    expect(tr.body.endnotes.map((note: Endnote) => formatCitation(note.footnote, tr.body.language))).toEqual([
      'Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/article/putin-seeks-to-solve-his-azerbaijan-problem, (Erişim Tarihi: 24.12.2025).',
      'The figures exclude re-exports.',
    ])
  })
})

describe('formatted citations alongside the records', () => {
  it('endnotes[] carry the citation in the post’s language, as text and with the URL marked, at every depth, REST and GraphQL', async () => {
    const note = await createFootnote(t.payload, {
      accessedAt: '2025-12-24T12:00:00.000Z',
      citedAuthors: 'Emil Avdaliani',
      outlet: 'CEPA <Analysis>',
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      url: 'https://cepa.org/article/putin-azerbaijan?a=1&b=2',
    })
    const explanatory = await createFootnote(t.payload, { citedAuthors: null, note: 'Author’s own calculation.', outlet: null, title: null, url: null })
    const made: Record<string, number> = {}
    for (const language of ['en', 'tr'] as const) {
      const post = await t.payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { _status: 'published', content: bodyCiting(note.id, explanatory.id) as never, language, title: `Citations ${language}` },
      })
      made[language] = post.id as number
    }
    for (const language of ['en', 'tr'] as const) {
      const expected = formatCitation(note, language)
      expect(expected).toContain(language === 'en' ? '(Access Date: 24.12.2025)' : '(Erişim Tarihi: 24.12.2025)')
      for (const depth of [0, 1, 2]) {
        const response = await rest.get(`/posts/${made[language]}?depth=${depth}`)
        const [first, second] = response.body.endnotes
        expect(first.citation.text, `${language} depth ${depth}`).toBe(expected)
        expect(first.citation.html).toBe(
          expected
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace('https://cepa.org/article/putin-azerbaijan?a=1&amp;b=2', '<a href="https://cepa.org/article/putin-azerbaijan?a=1&amp;b=2">https://cepa.org/article/putin-azerbaijan?a=1&amp;b=2</a>'),
        )
        expect(second.citation).toEqual({ html: 'Author’s own calculation.', text: 'Author’s own calculation.' })
      }
      const viaGraphql = await graphql('query($id: Int!) { Post(id: $id) { endnotes { label citation footnote { id } } } }', { id: made[language] })
      expect(viaGraphql.body.data.Post.endnotes[0].citation.text).toBe(expected)
    }
    // Never stored: the column does not exist, the value is computed when read.
    const stored = await t.payload.db.findOne({ collection: 'posts', where: { id: { equals: made.en } } })
    expect((stored as unknown as { endnotes: Record<string, unknown>[] }).endnotes[0].citation ?? null).toBeNull()
  })
})
