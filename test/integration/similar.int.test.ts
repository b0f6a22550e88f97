import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { findSimilarPosts, similarPostsQuery } from '../../src/plugin/search/findSimilarPosts'
import { backfillSearchIndex } from 'payload-policy-posts'
import { refreshTermStatistics, termStatisticsStale } from '../../src/plugin/search/termStatistics'
import { paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { corpus, type CorpusPost, daysAgo } from '../fixtures/similarCorpus'
import { asAdmin, createPost, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string
const id: Record<string, number> = {}
const topicOf = new Map<number, string>()
const languageOf = new Map<number, string>()

const body = (...paragraphs: string[]) => rootNode(paragraphs.map((text) => paragraphNode([textNode(text)])))


async function raw(payload: Payload, query: ReturnType<typeof sql>) {
  return (payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<{ rows: Record<string, unknown>[] }> } }).drizzle.execute(query)
}

beforeAll(async () => {
  t = await startTestPayload('similar')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
  const { payload } = t
  const analysis = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis' }, locale: 'en' })
  const group = await payload.create({ ...asAdmin, collection: 'translations', data: {} })
  for (const post of corpus as CorpusPost[]) {
    const doc = await createPost(payload, {
      category: analysis.id,
      content: body(...post.paragraphs),
      highlights: post.highlights.map((text) => ({ text })),
      language: post.language,
      publishedAt: daysAgo(post.age),
      title: post.title,
      // The two Trans-Caspian pieces are one analysis in two languages.
      ...(post.key.endsWith('energy-1') && { translationGroup: group.id }),
    })
    id[post.key] = doc.id as number
    topicOf.set(doc.id as number, post.topic)
    languageOf.set(doc.id as number, post.language)
  }
  // Drafts written to be as close as possible to published posts.
  const en = corpus.find((post) => post.key === 'en-energy-1')!
  const tr = corpus.find((post) => post.key === 'tr-energy-1')!
  id['en-draft'] = (await createPost(payload, { content: body(...en.paragraphs), highlights: en.highlights.map((text) => ({ text })), language: 'en', title: `${en.title} (draft)` }, { draft: true })).id as number
  id['tr-draft'] = (await createPost(payload, { content: body(...tr.paragraphs), language: 'tr', title: `${tr.title} (taslak)` }, { draft: true })).id as number
})

afterAll(async () => {
  await t?.cleanup()
})

describe('findSimilarPosts ranking', () => {
  it('ranks posts on the same topic above unrelated ones', async () => {
    // en-energy-3 is about a power cable under the Black Sea: a sea-security post may
    // legitimately come first there, as long as its energy siblings follow.
    const crossTopic = 'en-energy-3'
    let bothSameTopic = 0
    for (const post of corpus) {
      const similar = await findSimilarPosts(t.payload, id[post.key], { limit: 2 })
      expect(similar, post.key).toHaveLength(2)
      const topics = similar.map((doc) => topicOf.get(doc.id as number))
      if (post.key === crossTopic) expect(topics).toContain(post.topic)
      else expect(topics[0], `${post.key} → ${similar[0].title}`).toBe(post.topic)
      if (topics.every((topic) => topic === post.topic)) bothSameTopic++
    }
    expect(bothSameTopic).toBeGreaterThanOrEqual(16)
  })

  it('returns only published posts in the same language, never the post or its translations', async () => {
    for (const key of ['en-energy-1', 'tr-energy-1', 'tr-sea-2']) {
      const similar = await findSimilarPosts(t.payload, id[key], { limit: 20 })
      const ids = similar.map((doc) => doc.id as number)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).not.toContain(id[key])
      for (const doc of similar) {
        expect(doc.language).toBe(languageOf.get(id[key]))
        expect(doc._status).toBe('published')
      }
      expect(ids).not.toContain(id['en-draft'])
      expect(ids).not.toContain(id['tr-draft'])
      // Eight other published posts in each language: everything sharing a key term, not more.
      expect(ids.length).toBeLessThanOrEqual(8)
    }
    const en = await findSimilarPosts(t.payload, id['en-energy-1'], { limit: 20 })
    expect(en.map((doc) => doc.id)).not.toContain(id['tr-energy-1'])
    const tr = await findSimilarPosts(t.payload, id['tr-energy-1'], { limit: 20 })
    expect(tr.map((doc) => doc.id)).not.toContain(id['en-energy-1'])
  })

  it('never returns a draft, even one that copies a published post word for word', async () => {
    const similar = await findSimilarPosts(t.payload, id['en-energy-1'], { limit: 20 })
    expect(similar.map((doc) => doc.id)).not.toContain(id['en-draft'])
    // A draft itself still gets published suggestions (the editor's preview).
    const forDraft = await findSimilarPosts(t.payload, id['en-draft'], { limit: 1 })
    expect(forDraft.map((doc) => doc.id)).toEqual([id['en-energy-1']])
  })

  it('puts the editors’ published manual picks first, in their order', async () => {
    const { payload } = t
    await payload.update({
      ...asAdmin,
      collection: 'posts',
      data: { similarPosts: [id['en-sea-2'], id['en-draft'], id['en-energy-3']] },
      id: id['en-water-1'],
    })
    const similar = await findSimilarPosts(payload, id['en-water-1'], { limit: 4 })
    const ids = similar.map((doc) => doc.id)
    expect(ids.slice(0, 2)).toEqual([id['en-sea-2'], id['en-energy-3']])
    expect(ids).not.toContain(id['en-draft'])
    expect(ids.slice(2).map((postId) => topicOf.get(postId as number))).toEqual(['water', 'water'])
    // With limit 1 only the first pick is left.
    expect((await findSimilarPosts(payload, id['en-water-1'], { limit: 1 })).map((doc) => doc.id)).toEqual([id['en-sea-2']])
  })

  it('returns fewer posts when fewer share any key term', async () => {
    const { payload } = t
    const q1 = await createPost(payload, { content: body('Quokkas juggle xylophones zestfully on Rottnest.'), language: 'en', title: 'Quokka xylophone zest' })
    const q2 = await createPost(payload, { content: body('Zestful quokkas and their xylophones.'), language: 'en', title: 'Xylophones for quokkas' })
    const similar = await findSimilarPosts(payload, q1.id, { limit: 5 })
    expect(similar.map((doc) => doc.id)).toEqual([q2.id])
    const lonely = await createPost(payload, { content: body('Zzyzx.'), language: 'tr', title: 'Qwxyz' })
    expect(await findSimilarPosts(payload, lonely.id, { limit: 3 })).toEqual([])
    expect(await findSimilarPosts(payload, 999_999, { limit: 3 })).toEqual([])
    await payload.delete({ ...asAdmin, collection: 'posts', where: { id: { in: [q1.id, q2.id, lonely.id] } } })
  })

  it('prefers a shared category, then the more recent post, when texts are alike', async () => {
    const { payload } = t
    const [security, economy] = await Promise.all(
      ['Security', 'Economy'].map((name) => payload.create({ ...asAdmin, collection: 'categories', data: { name }, locale: 'en' })),
    )
    const text = 'Walrus semaphore lighthouse keepers signal across the fjord.'
    const source = await createPost(payload, { category: security.id, content: body(text), language: 'en', publishedAt: daysAgo(1), title: 'Walrus semaphore' })
    const same = await createPost(payload, { category: security.id, content: body(text), language: 'en', publishedAt: daysAgo(30), title: 'Lighthouse walrus semaphore' })
    const other = await createPost(payload, { category: economy.id, content: body(text), language: 'en', publishedAt: daysAgo(30), title: 'Lighthouse walrus semaphore' })
    expect((await findSimilarPosts(payload, source.id, { limit: 2 })).map((doc) => doc.id)).toEqual([same.id, other.id])

    const text2 = 'Narwhal telescope archipelago survey.'
    const source2 = await createPost(payload, { content: body(text2), language: 'en', title: 'Narwhal telescope' })
    const older = await createPost(payload, { content: body(text2), language: 'en', publishedAt: daysAgo(400), title: 'Narwhal archipelago' })
    const newer = await createPost(payload, { content: body(text2), language: 'en', publishedAt: daysAgo(3), title: 'Narwhal archipelago' })
    expect((await findSimilarPosts(payload, source2.id, { limit: 2 })).map((doc) => doc.id)).toEqual([newer.id, older.id])
    await payload.delete({
      ...asAdmin,
      collection: 'posts',
      where: { id: { in: [source.id, same.id, other.id, source2.id, older.id, newer.id] } },
    })
  })
})

describe('Turkish text search configuration', () => {
  it('stems inflected forms of enerji the way Postgres’ Turkish snowball stemmer does', async () => {
    const { rows } = await raw(
      t.payload,
      sql`select word, to_tsvector('turkish', word)::text as lexemes from unnest(array['enerji', 'enerjinin', 'enerjiye', 'enerjide', 'enerjileri', 'enerjisinin', 'enerjisi']) as word`,
    )
    const stem = Object.fromEntries(rows.map((row) => [row.word, row.lexemes]))
    for (const word of ['enerji', 'enerjinin', 'enerjiye', 'enerjide', 'enerjileri', 'enerjisinin']) {
      expect(stem[word], word).toBe(`'enerji':1`)
    }
    // The snowball stemmer leaves the bare possessive "-si" on: "enerjisi" is its own lexeme.
    expect(stem.enerjisi).toBe(`'enerjis':1`)
  })

  it('finds the Turkish energy pieces as each other’s closest posts through inflected forms', async () => {
    // tr-energy-1 says "Enerjinin", tr-energy-2 "Enerjiye", tr-energy-3 "enerjide"/"Enerji".
    const { rows } = await raw(
      t.payload,
      sql`select id from posts_fts where id in (${id['tr-energy-1']}, ${id['tr-energy-2']}, ${id['tr-energy-3']}) and search_vector @@ to_tsquery('turkish', 'enerji')`,
    )
    expect(rows.map((row) => Number(row.id)).sort()).toEqual([id['tr-energy-1'], id['tr-energy-2'], id['tr-energy-3']].sort())
    const similar = await findSimilarPosts(t.payload, id['tr-energy-2'], { limit: 2 })
    expect(similar.map((doc) => doc.id).sort()).toEqual([id['tr-energy-1'], id['tr-energy-3']].sort())
  })
})

describe('the full-text index', () => {
  it('is a GIN index that the similar-posts query uses', async () => {
    const { payload } = t
    const indexes = await raw(payload, sql`select indexdef from pg_indexes where tablename = 'posts_fts'`)
    expect(indexes.rows.map((row) => row.indexdef)).toContainEqual(expect.stringMatching(/USING gin \(search_vector\)/))
    const source = { category: null, id: id['en-sea-1'], language: 'en', similarPosts: [], translationGroup: null }
    // The test corpus is tiny, so the planner would rather scan; forbid that to prove the
    // query can be answered from the index (see the report for a plan on 5,000 posts).
    const plan = await (payload.db as any).drizzle.transaction(async (tx: any) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      const result = await tx.execute(sql`explain ${similarPostsQuery(payload, source, { limit: 3 })}`)
      return result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    })
    expect(plan).toMatch(/Bitmap Index Scan on posts_fts_search_vector_idx/)
  })

  it('follows saves, publishes only published wording, and drops deleted posts', async () => {
    const { payload } = t
    const post = await createPost(payload, { content: body('Caravanserai logistics.'), language: 'en', title: 'Silk road caravanserai' })
    const search = async (word: string) =>
      (await raw(payload, sql`select id from posts_fts where search_vector @@ to_tsquery('english', ${word})`)).rows.map((row) => Number(row.id))
    expect(await search('caravanserai')).toContain(post.id)
    await payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Silk road bazaar' }, id: post.id })
    expect(await search('bazaar')).toContain(post.id)
    // A draft saved over a published post stays out of the index until it is published.
    await payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Silk road zeppelin' }, draft: true, id: post.id })
    expect(await search('zeppelin')).not.toContain(post.id)
    expect(await search('bazaar')).toContain(post.id)
    await payload.update({ ...asAdmin, collection: 'posts', data: { _status: 'published' }, id: post.id })
    expect(await search('zeppelin')).toContain(post.id)
    await payload.delete({ ...asAdmin, collection: 'posts', id: post.id })
    expect(await search('zeppelin')).not.toContain(post.id)
  })

  it('backfills posts that have no vector', async () => {
    const { payload } = t
    await raw(payload, sql`delete from posts_fts where id in (${id['en-sea-1']}, ${id['tr-sea-1']})`)
    expect(await backfillSearchIndex(payload)).toBe(2)
    expect(await backfillSearchIndex(payload)).toBe(0)
    const similar = await findSimilarPosts(payload, id['en-sea-2'], { limit: 2 })
    expect(similar.map((doc) => doc.id)).toContain(id['en-sea-1'])
  })

  it('walks every stale post across several batches, fresh ones between them included', async () => {
    const { payload } = t
    const all = (await raw(payload, sql`select id from posts order by id`)).rows.map((row) => Number(row.id))
    expect(all.length).toBeGreaterThan(8)
    // Runs of stale ones over the whole id range (the first and the last among them), a fresh one
    // after each run; stale as in no vector, or one older than the post.
    const stale = all.filter((_, index) => index % 4 !== 3 || index === all.length - 1)
    const outdated = stale.filter((_, index) => index % 3 === 1)
    const missing = stale.filter((postId) => !outdated.includes(postId))
    const vectors = async () =>
      new Map((await raw(payload, sql`select id, search_vector::text as v from posts_fts`)).rows.map((row) => [Number(row.id), String(row.v)]))
    const before = await vectors()
    await raw(payload, sql`delete from posts_fts where id in (${sql.join(missing.map((m) => sql`${m}`), sql`, `)})`)
    await raw(payload, sql`update posts_fts set search_vector = to_tsvector('simple', 'stale'), indexed_at = '-infinity' where id in (${sql.join(outdated.map((o) => sql`${o}`), sql`, `)})`)
    expect(await backfillSearchIndex(payload, { batchSize: 2 })).toBe(missing.length + outdated.length)
    expect(await vectors()).toEqual(before)
    expect(await backfillSearchIndex(payload, { batchSize: 2 })).toBe(0)
  })
})

describe('term statistics', () => {
  const df = async (payload: Payload, lexeme: string) =>
    Number((await raw(payload, sql`select df from posts_fts_terms where lexeme = ${lexeme}`)).rows[0]?.df ?? 0)
  const counted = async (payload: Payload, lexeme: string) =>
    Number((await raw(payload, sql`select count(*) as c from posts_fts where search_vector @@ ${lexeme}::tsquery`)).rows[0].c)

  it('count, per lexeme, the posts containing it, and the indexed posts under the empty lexeme', async () => {
    const { payload } = t
    await refreshTermStatistics(payload)
    const indexed = Number((await raw(payload, sql`select count(*) as c from posts_fts`)).rows[0].c)
    expect(await df(payload, '')).toBe(indexed)
    for (const lexeme of ['water', 'enerji', 'sea']) {
      expect(await counted(payload, lexeme), lexeme).toBeGreaterThan(0)
      expect(await df(payload, lexeme), lexeme).toBe(await counted(payload, lexeme))
    }
    // a rebuild drops words no post has any more
    await raw(payload, sql`insert into posts_fts_terms (lexeme, df) values ('nowhereword', 7)`)
    await refreshTermStatistics(payload)
    expect(await df(payload, 'nowhereword')).toBe(0)
    expect(await termStatisticsStale(payload)).toBe(false)
  })

  it('are stale when missing, fresh right after a rebuild', async () => {
    const { payload } = t
    await raw(payload, sql`delete from posts_fts_terms`)
    expect(await termStatisticsStale(payload)).toBe(true)
    await refreshTermStatistics(payload)
    expect(await termStatisticsStale(payload)).toBe(false)
    // every indexed post changed since, but fewer than 25: small archives rely on the recount
    await raw(payload, sql`update posts_fts set indexed_at = now() + interval '1 minute'`)
    expect(await termStatisticsStale(payload)).toBe(false)
  })

  it('may lag behind: a rare word shared after the last rebuild still links the two posts', async () => {
    const { payload } = t
    await refreshTermStatistics(payload)
    const text = 'Qelvoria basin desalination: the Qelvoria compact and Orvandel brine quotas'
    const first = await createPost(payload, { content: body(text), language: 'en', title: 'Qelvoria and Orvandel' })
    const second = await createPost(payload, { content: body(`${text}, revisited`), language: 'en', title: 'Orvandel after Qelvoria' })
    expect(await df(payload, 'qelvoria')).toBe(0)
    const similar = await findSimilarPosts(payload, second.id, { limit: 1 })
    expect(similar.map((doc) => doc.id)).toEqual([first.id])
    for (const post of [first, second]) await payload.delete({ ...asAdmin, collection: 'posts', id: post.id })
  })

})

describe('GET /api/posts/:id/similar', () => {
  it('returns similar posts to anonymous readers of a published post', async () => {
    const res = await rest.get(`/posts/${id['en-water-2']}/similar?limit=2`)
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(2)
    for (const doc of res.body.docs) {
      expect(doc._status).toBe('published')
      expect(topicOf.get(doc.id)).toBe('water')
    }
    const one = await rest.get(`/posts/${id['en-water-2']}/similar?limit=1`)
    expect(one.body.docs).toHaveLength(1)
    const defaults = await rest.get(`/posts/${id['tr-sea-1']}/similar`)
    expect(defaults.body.docs).toHaveLength(3)
  })

  it('answers 404 to anonymous readers for a draft or an unknown id, but serves staff', async () => {
    for (const postId of [id['en-draft'], 987654, 'not-an-id']) {
      const res = await rest.get(`/posts/${postId}/similar`)
      expect(res.status, String(postId)).toBe(404)
    }
    const staff = await rest.get(`/posts/${id['en-draft']}/similar?limit=1`, { token: editorToken })
    expect(staff.status).toBe(200)
    expect(staff.body.docs.map((doc: { id: number }) => doc.id)).toEqual([id['en-energy-1']])
  })
})
