/**
 * Atomic writes: saving a post, its derived endnotes, new footnote records (the importer) and its
 * translation link happens in one transaction. A failure forced at each step (by a test-only
 * plugin that throws from a hook when told to) leaves the previous state exactly as it was:
 * same rows in every table the write touches, no orphans, no new versions.
 */
import type { CollectionConfig, Config, Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { importArticle } from 'payload-policy-posts'
import { createTranslation } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

type Step =
  | 'footnotes.afterChange'
  | 'posts.afterChange.first'
  | 'posts.afterChange.last'
  | 'posts.beforeChange.first'
  | 'translations.afterChange'

let failAt: Step | undefined
let footnoteWrites = 0
let failOnFootnoteWrite = 1

class ForcedFailure extends Error {
  constructor(step: Step) {
    super(`forced failure at ${step}`)
  }
}

const maybeFail = (step: Step) => {
  if (failAt === step) throw new ForcedFailure(step)
}

/** Adds throwing hooks at the very start and end of the plugin's own hook chains. */
const failurePlugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection): CollectionConfig => {
    const hooks = collection.hooks ?? {}
    if (collection.slug === 'posts') {
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [
            ({ doc }) => (maybeFail('posts.afterChange.first'), doc),
            ...(hooks.afterChange ?? []),
            ({ doc }) => (maybeFail('posts.afterChange.last'), doc),
          ],
          beforeChange: [({ data }) => (maybeFail('posts.beforeChange.first'), data), ...(hooks.beforeChange ?? [])],
        },
      }
    }
    if (collection.slug === 'footnotes') {
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [
            ...(hooks.afterChange ?? []),
            ({ doc }) => {
              footnoteWrites++
              if (failAt === 'footnotes.afterChange' && footnoteWrites >= failOnFootnoteWrite) throw new ForcedFailure('footnotes.afterChange')
              return doc
            },
          ],
        },
      }
    }
    if (collection.slug === 'translations') {
      return {
        ...collection,
        hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), ({ doc }) => (maybeFail('translations.afterChange'), doc)] },
      }
    }
    return collection
  }),
})

let t: TestPayload
let payload: Payload
let rest: ReturnType<typeof restClient>
let token: string

/** Every table a post write can touch, with its row count (and a digest of its content). */
async function snapshot(): Promise<Record<string, string>> {
  const db = payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> } }
  const { rows: tables } = await db.drizzle.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'payload_%' order by table_name`,
  )
  const result: Record<string, string> = {}
  for (const { table_name: name } of tables as { table_name: string }[]) {
    const { rows } = await db.drizzle.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`))
    result[name] = `${rows[0].n}:${rows[0].digest}`
  }
  return result
}

const LEXICAL_TEXT = `Caspian Corridor After 2022

Category: Analysis

Key points:
- The corridor gained weight.
- Georgia is pivotal.

The Middle Corridor gained weight after 2022.[i] Kazakhstan expanded port capacity.[ii] Azerbaijan invested in Alat.[iii]

Endnotes
[i] Emil Avdaliani, "The Middle Corridor", CEPA, https://cepa.org/article/middle-corridor-${Date.now()}, (Access Date: 24.12.2025).
[ii] John Smith, "Ports of Kazakhstan", Eurasianet, https://eurasianet.org/ports-${Date.now()}, (Access Date: 20.12.2025).
[iii] Ayşe Yılmaz, "Alat Limanı", Anadolu, https://aa.com.tr/alat-${Date.now()}, (Access Date: 21.12.2025).
`

beforeAll(async () => {
  t = await startTestPayload('atomic_writes', { extend: { plugins: [failurePlugin] } })
  payload = t.payload
  rest = restClient(payload)
  await createUser(payload, 'admin')
  const editor = await createUser(payload, 'editor')
  token = await rest.login(editor.email, editor.password)
})

afterEach(() => {
  failAt = undefined
  footnoteWrites = 0
  failOnFootnoteWrite = 1
})

afterAll(async () => {
  await t?.cleanup()
})

describe('a failure at any step of a post save leaves the previous state intact', () => {
  let post: { id: number; title: string }
  let noteA: { id: number }
  let noteB: { id: number }
  let noteC: { id: number }

  beforeAll(async () => {
    noteA = await createFootnote(payload)
    noteB = await createFootnote(payload)
    noteC = await createFootnote(payload)
    const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
    post = (await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: {
        _status: 'published',
        content: bodyCiting(noteA.id, noteB.id) as never,
        highlights: [{ text: 'First point' }],
        language: 'en',
        title: 'Original title about pipelines',
        translationGroup: group.id,
      },
    })) as { id: number; title: string }
  })

  const steps: Step[] = ['posts.beforeChange.first', 'posts.afterChange.first', 'posts.afterChange.last']

  it.each(steps)('REST update (new title, endnotes, highlights, group) failing at %s', async (step) => {
    const before = await snapshot()
    const newGroup = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
    const afterGroup = await snapshot()
    failAt = step
    const response = await rest.patch(`/posts/${post.id}`, {
      body: {
        content: bodyCiting(noteC.id, noteB.id, noteA.id),
        highlights: [{ text: 'Changed point' }, { text: 'Another point' }],
        title: 'Changed title zqxjchanged',
        translationGroup: newGroup.id,
      },
      token,
    })
    failAt = undefined
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(afterGroup)
    const current = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: post.id })
    expect(current.title).toBe('Original title about pipelines')
    expect(current.endnotes?.map((note) => note.footnote)).toEqual([noteA.id, noteB.id])
    const search = await rest.get('/posts/search?q=zqxjchanged')
    expect(search.body.docs).toHaveLength(0)
    await payload.delete({ ...asAdmin, collection: 'translations', id: newGroup.id })
    expect(await snapshot()).toEqual(before)
  })

  it.each(steps)('REST create with endnotes failing at %s leaves no row anywhere', async (step) => {
    const before = await snapshot()
    failAt = step
    const response = await rest.post('/posts', {
      body: { _status: 'published', content: bodyCiting(noteA.id, noteC.id), highlights: [{ text: 'Point' }], language: 'tr', title: 'Yarım kalan yazı' },
      token,
    })
    failAt = undefined
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(before)
  })

  it.each(steps)('Local API update failing at %s', async (step) => {
    const before = await snapshot()
    failAt = step
    await expect(
      payload.update({ ...asAdmin, collection: 'posts', data: { content: bodyCiting(noteC.id) as never, title: 'Local change' }, id: post.id }),
    ).rejects.toThrow(/forced failure/)
    failAt = undefined
    expect(await snapshot()).toEqual(before)
  })

  it('a draft save failing at the end keeps the published version and adds no version', async () => {
    const before = await snapshot()
    failAt = 'posts.afterChange.last'
    const response = await rest.patch(`/posts/${post.id}?draft=true`, { body: { title: 'Draft change' }, token })
    failAt = undefined
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(before)
  })

  it('the same update succeeds once the failure is gone (the test plugin changes nothing else)', async () => {
    const response = await rest.patch(`/posts/${post.id}`, { body: { content: bodyCiting(noteC.id, noteB.id), title: 'Changed for real' }, token })
    expect(response.status).toBe(200)
    const current = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: post.id })
    expect(current.title).toBe('Changed for real')
    expect(current.endnotes?.map((note) => note.footnote)).toEqual([noteC.id, noteB.id])
  })
})

describe('the importer: post and new footnote records in one transaction', () => {
  it.each([
    ['the first new footnote', 'footnotes.afterChange' as Step, 1],
    ['the third new footnote', 'footnotes.afterChange' as Step, 3],
    ['the post, after its footnotes', 'posts.afterChange.last' as Step, 1],
  ])('a failure at %s leaves no footnote and no post', async (_name, step, nth) => {
    const before = await snapshot()
    failAt = step
    failOnFootnoteWrite = nth
    await expect(importArticle(payload, { context: { disableRevalidate: true }, language: 'en', text: LEXICAL_TEXT })).rejects.toThrow(
      /forced failure/,
    )
    failAt = undefined
    expect(await snapshot()).toEqual(before)
  })

  it('through REST the failure is an error response and nothing is written', async () => {
    const before = await snapshot()
    failAt = 'footnotes.afterChange'
    failOnFootnoteWrite = 2
    const response = await rest.post('/posts/import', { body: { language: 'en', text: LEXICAL_TEXT }, token })
    failAt = undefined
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(before)
  })

  it('without a failure the import writes the post and its three records', async () => {
    const result = await importArticle(payload, { context: { disableRevalidate: true }, language: 'en', text: LEXICAL_TEXT })
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.created.footnotes).toBe(3)
  })
})

describe('creating a translation: new draft, group and link in one transaction', () => {
  it.each(['translations.afterChange', 'posts.afterChange.first', 'posts.afterChange.last'] as Step[])(
    'a failure at %s leaves the source unlinked and no new post or group',
    async (step) => {
      const note = await createFootnote(payload)
      const source = await payload.create({
        ...asAdmin,
        collection: 'posts',
        data: { _status: 'published', content: bodyCiting(note.id) as never, language: 'en', title: `Source for ${step}` },
      })
      const before = await snapshot()
      failAt = step
      await expect(createTranslation(payload, { language: 'tr', source: source.id })).rejects.toThrow(/forced failure/)
      failAt = undefined
      expect(await snapshot()).toEqual(before)
      const after = await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, id: source.id })
      expect(after.translationGroup ?? null).toBeNull()
    },
  )

  it('through REST the same failure is an error response and nothing is written', async () => {
    const source = await payload.create({ ...asAdmin, collection: 'posts', data: { _status: 'published', language: 'en', title: 'REST source' } })
    const before = await snapshot()
    failAt = 'posts.afterChange.last'
    const response = await rest.post(`/posts/${source.id}/create-translation`, { body: { language: 'tr' }, token })
    failAt = undefined
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await snapshot()).toEqual(before)
  })
})
