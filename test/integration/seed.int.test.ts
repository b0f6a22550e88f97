import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { seed } from '../../src/lib/seed/seed'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload('seed')
})
afterAll(async () => t?.cleanup())

describe('demo seed', () => {
  it('creates a linked bilingual publication once, and nothing on a second run', async () => {
    const first = await seed(t.payload, { log: false })
    expect(first).toEqual({ created: true, posts: 12 })
    const second = await seed(t.payload, { log: false })
    expect(second.created).toBe(false)

    const { payload } = t
    const posts = await payload.find({ collection: 'posts', depth: 0, draft: true, limit: 100, overrideAccess: true })
    expect(posts.totalDocs).toBe(12)
    const byLanguage = (code: string) => posts.docs.filter((p) => p.language === code)
    expect(byLanguage('en')).toHaveLength(6)
    expect(byLanguage('tr')).toHaveLength(6)
    // Every English post has its Turkish version in the same translation group.
    for (const english of byLanguage('en')) {
      const turkish = byLanguage('tr').find((p) => p.translationGroup === english.translationGroup)
      expect(turkish, english.title).toBeTruthy()
      expect(turkish!.translatedFrom).toBe(english.id)
      expect(english.highlights).toHaveLength(3)
      expect(english.endnotes!.length).toBeGreaterThanOrEqual(4)
      expect(english.endnotes!.map((n) => n.label).slice(0, 3)).toEqual(['i', 'ii', 'iii'])
    }
    expect(byLanguage('tr').some((p) => /[çğıöşü]/.test(p.slug ?? '') )).toBe(false)

    const categories = await payload.find({ collection: 'categories', locale: 'tr', overrideAccess: true })
    expect(categories.docs.map((c) => c.name).sort()).toEqual(['Analiz', 'Yorum'])
    const authors = await payload.find({ collection: 'authors', locale: 'tr', overrideAccess: true })
    expect(authors.totalDocs).toBe(2)
    for (const author of authors.docs) expect(author.bio).toBeTruthy()

    const rest = restClient(payload)
    for (const [email, password] of [
      ['admin@example.com', 'admin-demo-2025'],
      ['editor@example.com', 'editor-demo-2025'],
      ['translator@example.com', 'translator-demo-2025'],
    ]) {
      expect(await rest.login(email, password)).toBeTruthy()
    }
    // One Turkish version is left as a draft: anonymous readers see 11 posts.
    const anonymous = await rest.get('/posts?limit=100&depth=0')
    expect(anonymous.body.totalDocs).toBe(11)
  })
})
