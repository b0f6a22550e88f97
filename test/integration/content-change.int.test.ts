import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ContentChangeEvent } from '../../src/plugin/index'
import type { TestPayload } from '../helpers/testPayload'

import { linkTranslation, unlinkTranslation } from '../../src/plugin/index'
import { asAdmin } from '../helpers/fixtures'
import { startTestPayload } from '../helpers/testPayload'

// The pages a change names are the ones the site purges and renders again (src/lib/revalidateSite.ts).
let t: TestPayload
const events: Omit<ContentChangeEvent, 'req'>[] = []

beforeAll(async () => {
  t = await startTestPayload('content_change', {
    onContentChange: ({ req: _req, ...event }) => {
      events.push(event)
    },
  })
})

afterAll(async () => {
  await t?.cleanup()
})

const lastPaths = () => [...(events.at(-1)?.paths ?? [])].sort()

describe('onContentChange names the pages a post change shows on', () => {
  it('publish, unpublish, link and unlink: the posts in each language, listings, feeds, sitemap, author and category pages', async () => {
    const { payload } = t
    const category = await payload.create({ ...asAdmin, collection: 'categories', data: { name: 'Analysis', slug: 'analysis' } })
    const author = await payload.create({ ...asAdmin, collection: 'authors', data: { name: 'Kerem Aydınlı', slug: 'kerem-aydinli' } })
    const en = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', authors: [author.id], category: category.id, language: 'en', slug: 'caspian-ports', title: 'Caspian ports' },
    })
    expect(lastPaths()).toEqual(['/en', '/en/authors/kerem-aydinli', '/en/caspian-ports', '/en/categories/analysis', '/en/feed.xml', '/sitemap.xml'])

    const tr = await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { _status: 'published', category: category.id, language: 'tr', slug: 'hazar-limanlari', title: 'Hazar limanları' },
    })
    events.length = 0
    await linkTranslation(payload, { source: en.id, target: tr.id })
    expect(lastPaths()).toEqual([
      '/en',
      '/en/authors/kerem-aydinli',
      '/en/caspian-ports',
      '/en/categories/analysis',
      '/en/feed.xml',
      '/sitemap.xml',
      '/tr',
      '/tr/categories/analysis',
      '/tr/feed.xml',
      '/tr/hazar-limanlari',
    ])

    await payload.update({ ...asAdmin, collection: 'posts', id: tr.id, data: { _status: 'draft' } })
    expect(lastPaths()).toEqual(expect.arrayContaining(['/tr', '/tr/hazar-limanlari', '/en/caspian-ports', '/tr/categories/analysis', '/sitemap.xml']))

    events.length = 0
    await unlinkTranslation(payload, { post: tr.id })
    expect(lastPaths()).toEqual(expect.arrayContaining(['/tr', '/tr/feed.xml', '/sitemap.xml']))
  })
})
