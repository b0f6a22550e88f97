/**
 * Hostile and malformed input through REST (Payload's real handlers, in process): unsafe URLs,
 * oversized input, malformed JSON and wrong types, and search and slugs with quotes, SQL-looking
 * text, emoji and Turkish letters. Every refusal is a 4xx with a message naming the problem;
 * nothing is a 500. How stored markup renders on the site and in feeds is checked in
 * test/e2e/site-security.e2e.test.ts.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'

import { refuseMalformedGraphQLBody } from '../../src/lib/server/graphqlRequestBody'
import { isSafeLinkUrl } from 'payload-policy-posts'
import { linkNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string

beforeAll(async () => {
  t = await startTestPayload('hostile_input')
  payload = t.payload
  rest = restClient(payload)
  await createUser(payload, 'admin')
  const editor = await createUser(payload, 'editor')
  token = await rest.login(editor.email, editor.password)
})

afterAll(async () => {
  await t?.cleanup()
})

interface ErrorBody {
  errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
}

/** The first field error `{ path, message }` of a Payload error body. */
const fieldErrorOf = (body: ErrorBody) => body.errors?.[0]?.data?.errors?.[0]
const messageOf = (body: ErrorBody) => body.errors?.[0]?.message ?? ''

const linkBody = (url: string) =>
  rootNode([
    paragraphNode([
      textNode('See '),
      linkNode(url, [textNode('this report')]),
      textNode('.'),
    ]),
  ])

describe('unsafe URLs', () => {
  it.each([
    ['javascript:alert(document.cookie)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['  javascript:alert(1)', 'javascript:'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['file:///etc/passwd', 'file:'],
  ])('a footnote URL %s is refused, naming the url field', async (url, protocol) => {
    const response = await rest.post('/footnotes', { body: { title: 'Hostile', url }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)).toMatchObject({
      message: `Only http and https URLs are allowed, not "${protocol}".`,
      path: 'url',
    })
  })

  it('a footnote URL that is not a URL at all is refused with an example of a good one', async () => {
    const response = await rest.post('/footnotes', { body: { title: 'Hostile', url: 'not a url' }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)?.message).toBe('"not a url" is not a valid URL: use a full address starting with https://')
  })

  it('an existing footnote cannot be changed to a javascript: URL', async () => {
    const note = await createFootnote(payload)
    const response = await rest.patch(`/footnotes/${note.id}`, { body: { url: 'javascript:alert(1)' }, token })
    expect(response.status).toBe(400)
    expect((await payload.findByID({ ...asAdmin, collection: 'footnotes', id: note.id })).url).toBe(note.url)
  })

  it.each([
    'javascript:alert(1)',
    'javascript:window.print',
    'java\tscript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('a rich-text link to %j is refused, naming the content field', async (url) => {
    const response = await rest.post('/posts', { body: { content: linkBody(url), language: 'en', title: 'Linking out' }, token })
    expect(response.status).toBe(400)
    const error = fieldErrorOf(response.body)
    expect(error?.path).toBe('content')
    expect(error?.message).toMatch(/^Links in the body must use http, https, mailto or tel \(or be relative\); refused: "/)
    expect((await payload.count({ ...asAdmin, collection: 'posts', where: { title: { equals: 'Linking out' } } })).totalDocs).toBe(0)
  })

  it.each(['https://example.org/report?a=1&b=2', 'http://example.org', 'mailto:press@example.org', '/en/another-post', '#note-1'])(
    'a rich-text link to %s is accepted',
    async (url) => {
      const response = await rest.post('/posts?draft=true', { body: { content: linkBody(url), language: 'en', title: `Good link ${url}` }, token })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
    },
  )

  it('the scheme check sees through spaces, control characters and entities', () => {
    expect(isSafeLinkUrl('\u0001javascript:alert(1)')).toBe(false)
    expect(isSafeLinkUrl('jav&#x09;ascript:alert(1)')).toBe(true) // no scheme a browser would run: a relative path
    expect(isSafeLinkUrl('javascript&colon;alert(1)')).toBe(false)
    expect(isSafeLinkUrl('https://example.org/javascript:x')).toBe(true)
    expect(isSafeLinkUrl('tel:+905551112233')).toBe(true)
  })
})

describe('oversized input is refused with the limit', () => {
  it('a 10,000-character title', async () => {
    const response = await rest.post('/posts', { body: { language: 'en', title: 'A'.repeat(10_000) }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)).toMatchObject({
      message: 'This value must be shorter than the max length of 300 characters.',
      path: 'title',
    })
  })

  it('2,000 endnotes in one body', async () => {
    const notes = Array.from({ length: 2_000 }, (_, i) => i + 1)
    const response = await rest.post('/posts', { body: { content: bodyCiting(...notes), language: 'en', title: 'Too many notes' }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)).toMatchObject({
      message: 'The body cites 2000 different endnotes; at most 500 are allowed.',
      path: 'content',
    })
  })

  it('a 5 MB body', async () => {
    const paragraphs = Array.from({ length: 50 }, () => paragraphNode([textNode('x'.repeat(100_000))]))
    const response = await rest.post('/posts', { body: { content: rootNode(paragraphs), language: 'en', title: 'Huge body' }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)).toMatchObject({
      message: expect.stringMatching(/^The body is too large: 5\.\d MB of rich text; at most 2\.0 MB is allowed\./),
      path: 'content',
    })
    expect((await payload.count({ ...asAdmin, collection: 'posts', where: { title: { equals: 'Huge body' } } })).totalDocs).toBe(0)
  })

  it('six highlights (at most five)', async () => {
    const highlights = Array.from({ length: 6 }, (_, i) => ({ text: `Point ${i}` }))
    const response = await rest.post('/posts', { body: { highlights, language: 'en', title: 'Many points' }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)?.path).toBe('highlights')
    expect(fieldErrorOf(response.body)?.message).toMatch(/5/)
  })

  it('a 10,000-character footnote title and a 3,000-character URL', async () => {
    const title = await rest.post('/footnotes', { body: { title: 'T'.repeat(10_000) }, token })
    expect(title.status).toBe(400)
    expect(fieldErrorOf(title.body)).toMatchObject({ message: 'This value must be shorter than the max length of 1000 characters.', path: 'title' })
    const url = await rest.post('/footnotes', { body: { title: 'Long', url: `https://example.org/${'a'.repeat(3_000)}` }, token })
    expect(url.status).toBe(400)
    expect(fieldErrorOf(url.body)?.path).toBe('url')
  })

  it('a search query of 10,000 characters', async () => {
    const response = await rest.get(`/posts/search?q=${'a'.repeat(10_000)}`)
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)?.path).toBe('q')
    expect(fieldErrorOf(response.body)?.message).toMatch(/^The query is too long/)
  })
})

const BODY_SHAPE = 'The body must be a rich-text document (an object with a "root" node).'

describe('malformed JSON and wrong types: 400, never 500', () => {
  it.each([
    ['{"title": "unterminated', 'Invalid JSON'],
    ['not json at all', 'Invalid JSON'],
    ['{"title": "x",}', 'Invalid JSON'],
  ])('malformed JSON %j', async (raw, message) => {
    const response = await rest.post('/posts', { raw, token })
    expect(response.status).toBe(400)
    expect(messageOf(response.body)).toBe(message)
  })

  it.each([
    ['an unknown language', { language: 'xx', title: 'Language' }, 'language', 'language: the value "xx" is not one of the allowed values.'],
    ['highlights as a string', { highlights: 'point', language: 'en', title: 'Highlights' }, 'highlights', 'This field has an invalid input.'],
    ['content as a string', { content: '<p>hello</p>', language: 'en', title: 'Content string' }, 'content', BODY_SHAPE],
    ['content as an array', { content: [1, 2], language: 'en', title: 'Content array' }, 'content', BODY_SHAPE],
    ['an impossible date', { language: 'en', publishedAt: 'yesterday-ish', title: 'Date' }, 'publishedAt', 'publishedAt: the value "yesterday-ish" has the wrong type or format.'],
    ['a category that does not exist', { category: 999_999, language: 'en', title: 'Category' }, 'category', 'category: no document with ID 999999 exists in "categories".'],
    ['authors as text', { authors: 'somebody', language: 'en', title: 'Authors' }, 'authors', 'authors: the value "somebody" has the wrong type or format.'],
    ['a slug with only punctuation', { language: 'en', slug: '!!!', title: 'Slug' }, 'slug', 'The slug must contain at least one letter or digit.'],
  ])('posts (draft save, which skips Payload validation): %s', async (_name, body, path, message) => {
    const response = await rest.post('/posts?draft=true', { body, token })
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    const paths = (response.body.errors?.[0]?.data?.errors ?? []).map((error: { path: string }) => error.path)
    expect(paths.some((p: string) => p === path || p.startsWith(`${path}.`)), JSON.stringify(response.body)).toBe(true)
    expect(fieldErrorOf(response.body)?.message).toBe(message)
  })

  it.each([
    ['a number', 12, '12'],
    ['an operator object', { $ne: null }, '{"$ne":null}'],
  ])('posts: a title given as %s is stored as plain text, never interpreted', async (_name, title, stored) => {
    const response = await rest.post('/posts?draft=true', { body: { language: 'en', title }, token })
    expect(response.status).toBe(201)
    expect(response.body.doc.title).toBe(stored)
  })

  it('a footnote with a number as URL', async () => {
    const response = await rest.post('/footnotes', { body: { title: 'Typed', url: 42 }, token })
    expect(response.status).toBe(400)
    expect(fieldErrorOf(response.body)).toMatchObject({ path: 'url' })
  })

  it.each(['/posts/not-a-number', '/posts/99999999999999999999', '/footnotes/1e5x'])('GET %s is a 404', async (path) => {
    const response = await rest.get(path)
    expect(response.status).toBe(404)
    expect(messageOf(response.body)).toBe('Not Found')
  })

  it.each([
    '/posts?limit=abc&page=-4&depth=-1',
    '/posts?where[title][nonsense]=1',
    '/posts?where[nosuchfield][equals]=1',
    '/posts?sort=nosuchfield',
    '/posts?where[id][equals]=abc',
    '/posts/abc/similar',
    '/posts/abc/citations?format=pdf',
    '/posts/search?lang=xx',
    '/posts/search?q=%00%01',
    '/categories?locale=../../etc',
  ])('GET %s is not a 500', async (path) => {
    const response = await rest.get(path)
    expect(response.status, `${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toBeLessThan(500)
  })

  it.each([
    '/posts?where[translationGroup.posts.title][like]=a',
    '/posts?where[translationGroup.posts][exists]=true',
    '/posts?where[or][0][translationGroup.posts.title][equals]=a',
  ])('GET %s (a join through a relationship) is a 400 naming the path', async (path) => {
    const response = await rest.get(path)
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(messageOf(response.body)).toMatch(/^The query cannot filter on "translationGroup\.posts(\.title)?": that path does not lead to a field/)
  })

  it.each([
    ['not json', 'The request body is not valid JSON.'],
    ['', 'The request body is empty.'],
    ['[]', 'The request body is JSON but not an object.'],
    ['"query"', 'The request body is JSON but not an object.'],
  ])('GraphQL with the body %j is a 400 saying what to send', async (raw, message) => {
    const handler = refuseMalformedGraphQLBody(GRAPHQL_POST(Promise.resolve(payload.config)))
    const response = await handler(new Request('http://localhost/api/graphql', { body: raw, headers: { 'Content-Type': 'application/json' }, method: 'POST' }))
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.errors[0].message).toBe(`${message.slice(0, -1)}. Send a JSON object: {"query": "…", "variables": {…}}.`)
  })

  it('GraphQL with a well-formed body that is not a valid request is a 4xx, and a good one still works', async () => {
    const handler = refuseMalformedGraphQLBody(GRAPHQL_POST(Promise.resolve(payload.config)))
    const call = (body: string) =>
      handler(new Request('http://localhost/api/graphql', { body, headers: { 'Content-Type': 'application/json' }, method: 'POST' }))
    for (const body of ['{"query": 1}', '{}']) {
      const response = await call(body)
      expect(response.status, body).toBeLessThan(500)
      expect(response.status, body).toBeGreaterThanOrEqual(400)
    }
    const good = await call(JSON.stringify({ query: '{ Posts { totalDocs } }' }))
    expect(good.status).toBe(200)
    expect((await good.json()).data.Posts.totalDocs).toBeGreaterThanOrEqual(0)
  })

  it('PATCH with a body that is JSON but not an object', async () => {
    const post = await payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: 'Target' }, draft: true })
    for (const raw of ['[]', '"text"', '42', 'null']) {
      const response = await rest.patch(`/posts/${post.id}?draft=true`, { raw, token })
      expect(response.status, `${raw}: ${JSON.stringify(response.body)}`).toBeLessThan(500)
      if (response.status >= 400) expect(messageOf(response.body)).toBe('The request body must be a JSON object of field values.')
    }
  })
})

describe('quotes, SQL-looking text, emoji and Turkish letters', () => {
  const titles = {
    emoji: 'Energy 🔥 security in 2026 🚢',
    quotes: `The "corridor" isn't O'Brien's`,
    sql: `Robert'); DROP TABLE posts;-- analysis`,
    turkish: 'İstanbul’da Işık, Şeker ve Ğ: Çözüm Önerileri',
  }
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    for (const [key, title] of Object.entries(titles)) {
      const response = await rest.post('/posts', {
        body: { _status: 'published', content: rootNode([paragraphNode([textNode(`${title} — body text about pipelines.`)])]), language: key === 'turkish' ? 'tr' : 'en', title },
        token,
      })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      ids[key] = response.body.doc.id
    }
  })

  it('slugs are clean, Turkish-aware and unchanged in meaning', async () => {
    const slugOf = async (key: string) => (await payload.findByID({ ...asAdmin, collection: 'posts', id: ids[key] })).slug
    expect(await slugOf('turkish')).toBe('istanbulda-isik-seker-ve-g-cozum-onerileri')
    expect(await slugOf('quotes')).toBe('the-corridor-isnt-obriens')
    expect(await slugOf('sql')).toBe('robert-drop-table-posts-analysis')
    expect(await slugOf('emoji')).toBe('energy-security-in-2026')
  })

  it('titles are stored exactly as typed and the posts table is still there', async () => {
    for (const [key, title] of Object.entries(titles)) {
      const doc = await rest.get(`/posts/${ids[key]}`)
      expect(doc.body.title).toBe(title)
    }
    expect((await payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBeGreaterThanOrEqual(4)
  })

  it('an explicit Turkish slug is transliterated, and a taken one is refused by name', async () => {
    const response = await rest.post('/posts?draft=true', { body: { language: 'tr', slug: 'Ağır Şartlar İçin', title: 'Başlık' }, token })
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe('agir-sartlar-icin')
    const taken = await rest.post('/posts?draft=true', { body: { language: 'tr', slug: 'agir-sartlar-icin', title: 'Başka' }, token })
    expect(taken.status).toBe(400)
    expect(fieldErrorOf(taken.body)).toMatchObject({ path: 'slug' })
    expect(fieldErrorOf(taken.body)?.message).toMatch(/already used/)
  })

  it.each([
    `'`,
    `"`,
    `''; DROP TABLE posts; --`,
    `" OR 1=1 --`,
    `corridor' OR '1'='1`,
    `pipelines & | ! :* ( ) <-> \\`,
    `%_%`,
    `🔥`,
    `🚢 energy`,
    `\u0000`,
  ])('search %j answers 200 with a well-formed result', async (q) => {
    const response = await rest.get(`/posts/search?q=${encodeURIComponent(q)}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(Array.isArray(response.body.docs)).toBe(true)
    expect((await payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBeGreaterThanOrEqual(4)
  })

  it('search finds words next to quotes, emoji and Turkish letters', async () => {
    const found = async (q: string, lang?: string) => {
      const response = await rest.get(`/posts/search?q=${encodeURIComponent(q)}${lang ? `&lang=${lang}` : ''}`)
      expect(response.status).toBe(200)
      return response.body.docs.map((doc: { id: number }) => doc.id)
    }
    expect(await found('corridor', 'en')).toContain(ids.quotes)
    expect(await found(`O'Brien's corridor`, 'en')).toContain(ids.quotes)
    expect(await found('Robert DROP TABLE', 'en')).toContain(ids.sql)
    expect(await found('energy 🔥', 'en')).toContain(ids.emoji)
    expect(await found('Şeker', 'tr')).toContain(ids.turkish)
    expect(await found('Işık', 'tr')).toContain(ids.turkish)
    expect(await found('İstanbul', 'tr')).toContain(ids.turkish)
  })
})
