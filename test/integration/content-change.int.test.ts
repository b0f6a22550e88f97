import type { ContentChangeEvent } from 'payload-policy-posts'

import { linkTranslation, unlinkTranslation } from 'payload-policy-posts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { revalidationTargets } from '../../src/lib/site/revalidation'
import { asAdmin, createPost } from '../helpers/fixtures'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
const events: Omit<ContentChangeEvent, 'req'>[] = []

beforeAll(async () => {
  t = await startTestPayload('content-change', {
    onContentChange: ({ req: _req, ...event }) => {
      events.push(event)
    },
  })
})

afterAll(async () => {
  await t?.cleanup()
})

const last = () => events[events.length - 1]
// The paths the site purges and renders again for the last change (src/lib/revalidateSite.ts).
const lastPaths = () => [...revalidationTargets(last()).paths].sort()

describe('onContentChange', () => {
  it('names the changed posts with language and slug and the versions of their group; the site builds its paths and tags', async () => {
    const { payload } = t
    const en = await createPost(payload, { language: 'en', title: 'Black Sea ports' })
    const tr = await createPost(payload, { language: 'tr', title: 'Karadeniz limanları' })
    events.length = 0
    await linkTranslation(payload, { source: en.id, target: tr.id })
    const linked = last()
    expect(linked.collection).toBe('posts')
    expect(linked.posts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: en.id, language: 'en', slug: 'black-sea-ports' }),
        expect.objectContaining({ id: tr.id, language: 'tr', slug: 'karadeniz-limanlari' }),
      ]),
    )
    expect(linked.groups).toHaveLength(1)
    expect(linked.authors).toEqual([])

    const targets = revalidationTargets(linked)
    expect(targets.paths).toEqual(
      expect.arrayContaining(['/sitemap.xml', '/en/black-sea-ports', '/tr/karadeniz-limanlari', '/en', '/tr', '/en/feed.xml', '/tr/feed.xml']),
    )
    expect(targets.tags).toEqual(expect.arrayContaining(['posts', `post:${en.id}`, `post:${tr.id}`, `group:${linked.groups[0]}`]))

    // A changed slug names the old page and the new one.
    events.length = 0
    await payload.update({ ...asAdmin, collection: 'posts', data: { slug: 'black-sea-harbours' }, id: en.id })
    const renamed = events.find((event) => event.operation === 'update')!
    expect(renamed.posts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: en.id, language: 'en', slug: 'black-sea-harbours' }),
        expect.objectContaining({ id: en.id, language: 'en', slug: 'black-sea-ports' }),
        expect.objectContaining({ id: tr.id, language: 'tr', slug: 'karadeniz-limanlari' }),
      ]),
    )
  })

  it('names a changed author with its old and new slug; the site builds its pages in every language', async () => {
    const { payload } = t
    const author = await payload.create({ ...asAdmin, collection: 'authors', data: { name: 'Ergün Mamedov' } })
    events.length = 0
    await payload.update({ ...asAdmin, collection: 'authors', data: { slug: 'e-mamedov' }, id: author.id })
    const change = last()
    expect(change).toMatchObject({ collection: 'authors', operation: 'update', posts: [], groups: [] })
    expect(change.authors).toEqual(
      expect.arrayContaining([
        { id: author.id, slug: 'e-mamedov' },
        { id: author.id, slug: 'ergun-mamedov' },
      ]),
    )
    expect(revalidationTargets(change)).toEqual({
      paths: expect.arrayContaining(['/en/authors/e-mamedov', '/tr/authors/e-mamedov', '/en/authors/ergun-mamedov', '/tr/authors/ergun-mamedov']),
      tags: ['authors', `authors:${author.id}`],
    })
  })

  it('is not called for drafts of unpublished posts or when the request disables revalidation', async () => {
    const { payload } = t
    events.length = 0
    await createPost(payload, { language: 'en', title: 'Unpublished idea' }, { draft: true })
    await createPost(payload, { language: 'en', title: 'Seeded' }).then((doc) =>
      payload.update({ ...asAdmin, collection: 'posts', context: { disableRevalidate: true }, data: { title: 'Seeded again' }, id: doc.id }),
    )
    expect(events.filter((event) => event.posts.some((post) => post.slug === 'unpublished-idea'))).toEqual([])
    expect(events.filter((event) => event.posts.some((post) => post.slug === 'seeded' && event.operation === 'update'))).toEqual([])
  })
})

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
