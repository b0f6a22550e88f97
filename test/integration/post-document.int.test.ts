import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { bodyNeedsPopulation, findPostDocument } from '../../src/lib/site/postDocument'
import { relationId } from 'payload-policy-posts'
import { endnoteNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'
import { asAdmin, bodyCiting, createFootnote } from '../helpers/fixtures'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let payload: Payload
let png: Buffer

beforeAll(async () => {
  t = await startTestPayload('post_document')
  payload = t.payload
  png = await sharp({ create: { background: '#336699', channels: 3, height: 8, width: 8 } }).png().toBuffer()
})

afterAll(async () => {
  await t?.cleanup()
})

const createMedia = (name: string) =>
  payload.create({
    ...asAdmin,
    collection: 'media',
    data: { alt: `Alt of ${name}` },
    file: { data: png, mimetype: 'image/png', name: `${name}-${Math.random().toString(36).slice(2)}.png`, size: png.length },
  })

/** What the post page read before: one find at depth 2. */
async function readAtDepth2(lang: 'en' | 'tr', slug: string, draft = false) {
  const result = await payload.find({
    collection: 'posts',
    depth: 2,
    draft,
    limit: 1,
    locale: lang,
    overrideAccess: draft,
    pagination: false,
    populate: { translations: { label: true } },
    select: { similarPosts: false, translatedFrom: false },
    where: { and: [{ language: { equals: lang } }, { slug: { equals: slug } }, ...(draft ? [] : [{ _status: { equals: 'published' as const } }])] },
  })
  return result.docs[0] ?? null
}

// The translation group stays an id in findPostDocument (the page reads only its id).
const withGroupId = <T extends { translationGroup?: unknown } | null>(doc: T) =>
  doc ? { ...doc, translationGroup: relationId(doc.translationGroup) ?? doc.translationGroup ?? null } : doc

async function fixture(title: string, extra: Record<string, unknown> = {}) {
  const [a, b, c] = await Promise.all([
    createFootnote(payload, { title: `${title} A` }),
    createFootnote(payload, { title: `${title} B` }),
    createFootnote(payload, { note: 'An explanatory note.', title: `${title} C` }),
  ])
  const photo = await createMedia('photo')
  const image = await createMedia('share')
  const [withPhoto, withoutPhoto, category] = await Promise.all([
    payload.create({ ...asAdmin, collection: 'authors', data: { bio: 'Writes on energy.', name: `Aigerim ${title}`, photo: photo.id, role: 'Fellow' } }),
    payload.create({ ...asAdmin, collection: 'authors', data: { name: `Emil ${title}` } }),
    payload.create({ ...asAdmin, collection: 'categories', data: { name: `Energy ${title}` } }),
  ])
  return payload.create({
    ...asAdmin,
    collection: 'posts',
    data: {
      _status: 'published',
      authors: [withoutPhoto.id, withPhoto.id],
      category: category.id,
      content: bodyCiting(b.id, a.id, b.id, c.id) as never,
      highlights: [{ text: 'First point.' }, { text: 'Second point.' }],
      language: 'en',
      meta: { description: 'What the post says.', image: image.id },
      title,
      ...extra,
    },
  })
}

describe('findPostDocument', () => {
  it('reads a published post exactly as depth 2 does, relations in parallel', async () => {
    const post = await fixture('Parallel relations')
    const expected = await readAtDepth2('en', post.slug as string)
    expect(expected).not.toBeNull()
    expect(typeof expected?.category).toBe('object')
    const photo = (expected?.authors?.[1] as { photo?: unknown }).photo
    expect(typeof photo).toBe('object') // the author's photo is populated (depth 2)
    expect(withGroupId(await findPostDocument(payload, { lang: 'en', slug: post.slug as string }))).toEqual(withGroupId(expected))
  })

  it('reuses related documents across reads only while their tables are unchanged', async () => {
    const post = await fixture('Cached relations')
    const slug = post.slug as string
    const read = async () => withGroupId(await findPostDocument(payload, { lang: 'en', slug }))
    // the second read takes authors, category, notes and image from the cache: still exactly depth 2
    await read()
    expect(await read()).toEqual(withGroupId(await readAtDepth2('en', slug)))

    // each kind of save shows on the next read
    const [authorId] = (post.authors ?? []).map((author) => relationId(author))
    const footnoteId = relationId(post.endnotes?.[0]?.footnote)!
    const photoOwner = (await readAtDepth2('en', slug))!.authors!.find((author) => typeof author === 'object' && author.photo) as { id: number; photo: { id: number } }
    await payload.update({ ...asAdmin, collection: 'authors', data: { name: 'A Renamed Author' }, id: authorId! })
    await payload.update({ ...asAdmin, collection: 'footnotes', data: { title: 'A Renamed Source' }, id: footnoteId })
    await payload.update({ ...asAdmin, collection: 'categories', data: { name: 'A Renamed Category' }, id: relationId(post.category)! })
    await payload.update({ ...asAdmin, collection: 'media', data: { alt: 'A new alt text' }, id: photoOwner.photo.id })
    const after = await read()
    expect(after).toEqual(withGroupId(await readAtDepth2('en', slug)))
    expect(JSON.stringify(after)).toContain('A Renamed Author')
    expect(JSON.stringify(after)).toContain('A Renamed Source')
    expect(JSON.stringify(after)).toContain('A Renamed Category')
    expect(JSON.stringify(after)).toContain('A new alt text')
  })

  it('reads the latest draft as the preview did, and nothing for an unknown or unpublished slug', async () => {
    const post = await fixture('Draft preview')
    await payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Draft preview, edited' }, draft: true, id: post.id })
    const expected = await readAtDepth2('en', post.slug as string, true)
    expect(expected?.title).toBe('Draft preview, edited')
    expect(withGroupId(await findPostDocument(payload, { draft: true, lang: 'en', slug: post.slug as string }))).toEqual(withGroupId(expected))
    // the published version is still the first one
    expect((await findPostDocument(payload, { lang: 'en', slug: post.slug as string }))?.title).toBe('Draft preview')

    const draftOnly = await payload.create({ ...asAdmin, collection: 'posts', data: { language: 'en', title: 'Never published' }, draft: true })
    expect(await findPostDocument(payload, { lang: 'en', slug: draftOnly.slug as string })).toBeNull()
    expect(await findPostDocument(payload, { lang: 'en', slug: 'no-such-post' })).toBeNull()
    expect(await findPostDocument(payload, { lang: 'tr', slug: post.slug as string })).toBeNull()
  })

  it('falls back to depth 2 for a body with uploads (Lexical populates them)', async () => {
    const figure = await createMedia('figure')
    const footnote = await createFootnote(payload)
    const content = rootNode([
      paragraphNode([textNode('Before the figure.'), endnoteNode(footnote.id)]),
      { fields: { alt: 'A figure' }, format: '', id: 'a1b2c3d4e5f60718293a4b5c', relationTo: 'media', type: 'upload', value: figure.id, version: 3 },
    ])
    expect(bodyNeedsPopulation(content)).toBe(true)
    const post = await fixture('Body with an upload', { content })
    const expected = await readAtDepth2('en', post.slug as string)
    const upload = (expected?.content?.root.children[1] as { value?: unknown }).value
    expect(typeof upload).toBe('object')
    expect(await findPostDocument(payload, { lang: 'en', slug: post.slug as string })).toEqual(expected)
  })

  it('tells which bodies need population', () => {
    expect(bodyNeedsPopulation(null)).toBe(false)
    expect(bodyNeedsPopulation(bodyCiting(1, 2))).toBe(false)
    const link = (doc: unknown) =>
      rootNode([paragraphNode([{ children: [textNode('a link')], fields: { doc, linkType: doc ? 'internal' : 'custom', url: 'https://example.org' }, type: 'link', version: 3 }])])
    expect(bodyNeedsPopulation(link(null))).toBe(false)
    expect(bodyNeedsPopulation(link({ relationTo: 'posts', value: 4 }))).toBe(true)
    expect(bodyNeedsPopulation(rootNode([{ fields: { blockType: 'x' }, type: 'block', version: 2 }]))).toBe(true)
  })
})
