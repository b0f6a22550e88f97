import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { availableConfigs, searchTables } from '../../src/plugin/search/db'
import { backfillSearchIndex } from '../../src/plugin/search/searchIndex'
import { searchPosts, searchPostsQuery } from '../../src/plugin/search/searchPosts'
import { getPolicyPostsOptions, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { corpus, daysAgo } from '../fixtures/similarCorpus'
import { asAdmin, createPost } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
const id: Record<string, number> = {}

const body = (...paragraphs: string[]) => rootNode(paragraphs.map((text) => paragraphNode([textNode(text)])))


const ids = (result: { docs: { id: unknown }[] }) => result.docs.map((doc) => doc.id as number)
const keysOf = (result: { docs: { id: unknown }[] }) =>
  ids(result).map((postId) => Object.keys(id).find((key) => id[key] === postId) ?? String(postId))

beforeAll(async () => {
  t = await startTestPayload('search')
  rest = restClient(t.payload)
  for (const post of corpus) {
    const doc = await createPost(t.payload, {
      content: body(...post.paragraphs),
      highlights: post.highlights.map((text) => ({ text })),
      language: post.language,
      publishedAt: daysAgo(post.age),
      title: post.title,
    })
    id[post.key] = doc.id as number
  }
  id.casing = (
    await createPost(t.payload, {
      content: body('Ilısu Barajı ve Işıklı köyü üzerine bir not.'),
      highlights: [{ text: 'İSTANBUL’DA IŞIK KİRLİLİĞİ' }],
      language: 'tr',
      publishedAt: daysAgo(2),
      title: 'IŞIK, İstanbul ve ILISU',
    })
  ).id as number
  id.draft = (await createPost(t.payload, { content: body('Pipelines and zeppelins.'), language: 'en', title: 'Zeppelin pipeline draft' }, { draft: true })).id as number
})

afterAll(async () => {
  await t?.cleanup()
})

describe('searchPosts', () => {
  it('matches stemmed English words in title, key points and body, best first', async () => {
    const result = await searchPosts(t.payload, { language: 'en', q: 'pipelines' })
    expect(keysOf(result).sort()).toEqual(['en-energy-1', 'en-energy-2', 'en-energy-3'])
    expect(result.totalDocs).toBe(3)
    // Best first: "pipeline" in the title and key point of energy-1 outranks the others.
    const ranks = ids(result).map((postId) => result.ranks[String(postId)])
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    expect(keysOf(result)[0]).toBe('en-energy-1')
    const glaciers = await searchPosts(t.payload, { language: 'en', q: 'glacier' })
    expect(keysOf(glaciers)).toEqual(['en-water-2'])
  })

  it('understands web-search syntax: phrases, or, and exclusions', async () => {
    expect(keysOf(await searchPosts(t.payload, { language: 'en', q: '"naval mines"' }))).toEqual(['en-sea-1'])
    expect(keysOf(await searchPosts(t.payload, { language: 'en', q: 'glaciers or canal' })).sort()).toEqual(['en-water-2', 'en-water-3'])
    const drones = await searchPosts(t.payload, { language: 'en', q: 'navy -drones' })
    expect(keysOf(drones)).not.toContain('en-sea-3')
    expect(keysOf(drones)).toContain('en-sea-1')
  })

  it('stems Turkish inflections with the Turkish configuration', async () => {
    // "enerjinin" (genitive) → enerji: finds "Enerjinin", "Enerjiye", "enerjide", "Enerji".
    expect(keysOf(await searchPosts(t.payload, { language: 'tr', q: 'enerjinin' })).sort()).toEqual(['tr-energy-1', 'tr-energy-2', 'tr-energy-3'])
    expect(keysOf(await searchPosts(t.payload, { language: 'tr', q: 'buzullar' }))).toEqual(['tr-water-2'])
    expect(keysOf(await searchPosts(t.payload, { language: 'tr', q: 'boru hatları' })).sort()).toEqual(['tr-energy-1', 'tr-energy-2', 'tr-energy-3'])
  })

  it('applies Turkish case rules to I and İ and still finds words typed on other keyboards', async () => {
    for (const q of ['ışık', 'IŞIK', 'Işık', 'ılısu', 'ILISU', 'Ilısu', 'ışık İSTANBUL', 'IŞIK istanbul', 'Işık Istanbul']) {
      const result = await searchPosts(t.payload, { language: 'tr', q })
      expect(ids(result), q).toEqual([id.casing])
    }
    // İstanbul is also in the Montreux piece ("İstanbul Boğazı"), however it is typed.
    for (const q of ['istanbul', 'İstanbul', 'İSTANBUL', 'Istanbul']) {
      const result = await searchPosts(t.payload, { language: 'tr', q })
      expect(ids(result).sort(), q).toEqual([id.casing, id['tr-sea-2']].sort())
    }
    // Typed without Turkish letters (accents and the dotless ı are folded): still found.
    for (const q of ['isik', 'ISIK', 'ilisu', 'isik istanbul']) {
      expect(ids(await searchPosts(t.payload, { language: 'tr', q })), q).toEqual([id.casing])
    }
  })

  it('searches every language without a language, each with its own configuration', async () => {
    const result = await searchPosts(t.payload, { q: 'Montreux or Montrö' })
    expect(keysOf(result).sort()).toEqual(['en-sea-2', 'tr-sea-2'])
    // Accents are folded in every language: either spelling finds the English and Turkish posts.
    expect(keysOf(await searchPosts(t.payload, { q: 'Türkmenistan' })).sort()).toEqual(['en-energy-1', 'en-water-3', 'tr-energy-1', 'tr-water-3'])
    // A limit: the Turkish stemmer reads an ASCII spelling by its own vowel harmony, so an
    // inflected-looking loanword typed without ü may stem differently from the Turkish text.
    expect(keysOf(await searchPosts(t.payload, { q: 'Turkmenistan' })).sort()).toEqual(['en-energy-1', 'en-water-3'])
  })

  it('ignores Turkish letters typed without a Turkish keyboard, in both languages, ranking as the exact spelling', async () => {
    const made = [
      await createPost(t.payload, { content: body('Türkiye and Azerbaijan signed the gas deal.'), language: 'en', title: 'Türkiye’s gas corridor' }),
      await createPost(t.payload, { content: body('Energy from the Caspian reaches Europe through Türkiye.'), language: 'en', title: 'Caspian energy routes' }),
      await createPost(t.payload, { content: body('Türkiye’nin doğal gaz koridoru ve Azerbaycan.'), language: 'tr', title: 'Türkiye’nin gaz koridoru' }),
      await createPost(t.payload, { content: body('Çay ve şeker fiyatları Türkiye genelinde arttı.'), language: 'tr', title: 'Çay fiyatları' }),
    ]
    for (const language of ['en', 'tr']) {
      const exact = await searchPosts(t.payload, { language, q: 'Türkiye' })
      const mine = made.filter((doc) => doc.language === language).map((doc) => doc.id)
      expect(ids(exact), language).toEqual(expect.arrayContaining(mine))
      for (const q of ['turkiye', 'Turkiye', 'TURKIYE', 'türkiye']) {
        const typed = await searchPosts(t.payload, { language, q })
        expect(ids(typed), `${language} ${q}`).toEqual(ids(exact))
        expect(typed.ranks, `${language} ${q}`).toEqual(exact.ranks)
      }
    }
    // The stemmer still reads the words as written: an inflected Turkish spelling finds the same posts.
    expect(ids(await searchPosts(t.payload, { language: 'tr', q: 'cay fiyatlari' }))).toEqual([made[3].id])
    expect(ids(await searchPosts(t.payload, { language: 'tr', q: 'fiyatları' }))).toEqual([made[3].id])
    for (const doc of made) await t.payload.delete({ collection: 'posts', id: doc.id, overrideAccess: true })
  })

  it('rebuilds the vectors once when they were built without folding', async () => {
    const doc = await createPost(t.payload, { content: body('Şişli ve Üsküdar.'), language: 'tr', title: 'İstanbul ilçeleri' })
    const { fts } = searchTables(t.payload, getPolicyPostsOptions(t.payload))
    // As an older version left them: accented lexemes and no comment on the table.
    await t.payload.db.drizzle.execute(sql`update ${fts} set search_vector = to_tsvector('turkish', 'Şişli Üsküdar') where id = ${doc.id}`)
    await t.payload.db.drizzle.execute(sql`comment on table ${fts} is null`)
    expect(ids(await searchPosts(t.payload, { language: 'tr', q: 'sisli' }))).toEqual([])
    expect(await backfillSearchIndex(t.payload)).toBeGreaterThan(0)
    expect(ids(await searchPosts(t.payload, { language: 'tr', q: 'sisli' }))).toEqual([doc.id])
    expect(await backfillSearchIndex(t.payload)).toBe(0)
    await t.payload.delete({ collection: 'posts', id: doc.id, overrideAccess: true })
  })

  it('paginates with the total count', async () => {
    const first = await searchPosts(t.payload, { language: 'en', limit: 2, q: 'water or rivers or sea' })
    expect(first.totalDocs).toBeGreaterThanOrEqual(5)
    expect(first.docs).toHaveLength(2)
    expect(first.totalPages).toBe(Math.ceil(first.totalDocs / 2))
    expect(first).toMatchObject({ hasNextPage: true, hasPrevPage: false, nextPage: 2, page: 1, pagingCounter: 1 })
    const seen = new Set<number>()
    for (let page = 1; page <= first.totalPages; page++) {
      const result = await searchPosts(t.payload, { language: 'en', limit: 2, page, q: 'water or rivers or sea' })
      expect(result.totalDocs).toBe(first.totalDocs)
      for (const postId of ids(result)) seen.add(postId)
    }
    expect(seen.size).toBe(first.totalDocs)
    const beyond = await searchPosts(t.payload, { language: 'en', limit: 2, page: 99, q: 'water or rivers or sea' })
    expect(beyond.docs).toEqual([])
    expect(beyond.totalDocs).toBe(first.totalDocs)
    expect(beyond.hasNextPage).toBe(false)
  })

  it('never returns drafts or unpublished wording', async () => {
    expect(ids(await searchPosts(t.payload, { language: 'en', q: 'zeppelin' }))).toEqual([])
    await t.payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Airships and mines' }, draft: true, id: id['en-sea-1'] })
    expect(ids(await searchPosts(t.payload, { language: 'en', q: 'airships' }))).toEqual([])
    expect(keysOf(await searchPosts(t.payload, { language: 'en', q: '"naval mines"' }))).toEqual(['en-sea-1'])
  })

  it('is safe for quotes, SQL-looking text, emoji and control characters', async () => {
    const before = await t.payload.count({ ...asAdmin, collection: 'posts' })
    const nasty = [
      `"unbalanced quote`,
      `'; drop table posts; --`,
      `Robert'); DELETE FROM posts_fts WHERE ('1'='1`,
      `\\' OR 1=1 --`,
      `):* & | ! <-> <2> (`,
      '🚀🌊',
      'gas 🔥 pipeline',
      'a\u0000b\u0007c',
      'x'.repeat(5000),
      '   ',
      '',
    ]
    for (const q of nasty) {
      const result = await searchPosts(t.payload, { language: 'en', q })
      expect(Array.isArray(result.docs), JSON.stringify(q.slice(0, 40))).toBe(true)
    }
    expect(keysOf(await searchPosts(t.payload, { language: 'en', q: 'gas 🔥 pipeline' })).sort()).toEqual(['en-energy-1', 'en-energy-2', 'en-energy-3'])
    expect((await t.payload.count({ ...asAdmin, collection: 'posts' })).totalDocs).toBe(before.totalDocs)
    expect((await searchPosts(t.payload, { language: 'en', q: 'pipelines' })).totalDocs).toBe(3)
    // An unknown language finds nothing rather than failing.
    expect((await searchPosts(t.payload, { language: 'xx', q: 'gas' })).totalDocs).toBe(0)
  })

  it('answers from the GIN index', async () => {
    const { payload } = t
    const configs = await availableConfigs(payload, getPolicyPostsOptions(payload))
    const plan = await (payload.db as any).drizzle.transaction(async (tx: any) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      // On a table this small a primary-key scan with a filter can look cheaper; the question is
      // whether the match can be answered from the GIN index.
      await tx.execute(sql`set local enable_indexscan = off`)
      const result = await tx.execute(
        sql`explain ${searchPostsQuery(payload, configs, { folded: { en: "'gas' & 'pipelin'", tr: "'gas' & 'pipeline'" }, languages: ['en', 'tr'], limit: 10, offset: 0, text: 'gas pipeline' })}`,
      )
      return result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    })
    expect(plan).toMatch(/Bitmap Index Scan on posts_fts_search_vector_idx/)
  })
})

describe('GET /api/posts/search', () => {
  it('returns paginated published results to anonymous readers', async () => {
    const res = await rest.get(`/posts/search?q=${encodeURIComponent('boru hattı')}&lang=tr&limit=2`)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(3)
    expect(res.body.docs).toHaveLength(2)
    expect(res.body.docs[0]).toMatchObject({ _status: 'published', language: 'tr' })
    const page2 = await rest.get(`/posts/search?q=${encodeURIComponent('boru hattı')}&lang=tr&limit=2&page=2`)
    expect(page2.body.docs).toHaveLength(1)
    const everywhere = await rest.get(`/posts/search?q=${encodeURIComponent('Montreux or Montrö')}`)
    expect(everywhere.body.totalDocs).toBe(2)
  })

  it('names a bad lang parameter and survives hostile queries', async () => {
    const bad = await rest.get('/posts/search?q=gas&lang=xx')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/"path":"lang"/)
    for (const q of [`'; drop table posts; --`, '🚀', '"', '']) {
      const res = await rest.get(`/posts/search?q=${encodeURIComponent(q)}&lang=en`)
      expect(res.status, q).toBe(200)
    }
    const empty = await rest.get('/posts/search?lang=en')
    expect(empty.body).toMatchObject({ docs: [], totalDocs: 0 })
  })
})
