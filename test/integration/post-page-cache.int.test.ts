import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'
import type { PostPageContent } from '../../src/lib/site/postPageCache'
import type { Author, Category, Post } from '../../src/payload-types'

import { createTranslation, getGroupVersions, relationId } from 'payload-policy-posts'
import { findPostDocument } from '../../src/lib/site/postDocument'
import { clearPostPageCache, postPageContent } from '../../src/lib/site/postPageCache'
import { asAdmin, bodyCiting, createFootnote } from '../helpers/fixtures'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload('post_page_cache')
  payload = t.payload
})

afterAll(async () => {
  await t?.cleanup()
})

beforeEach(() => clearPostPageCache())

let builds = 0

/** What the site's post page builds on a miss, reduced to what these checks read. */
async function build(lang: string, slug: string): Promise<null | PostPageContent> {
  builds += 1
  const post = await findPostDocument(payload, { lang, slug })
  if (!post) return null
  const group = relationId(post.translationGroup)
  const versions = group === undefined ? [] : await getGroupVersions(payload, group)
  return {
    authors: (post.authors ?? []).filter((author): author is Author => typeof author === 'object'),
    bodyHtml: `<p>${post.title}</p>`,
    category: typeof post.category === 'object' ? (post.category as Category) : null,
    endnotes: { notes: [] },
    endnotesHtml: '',
    post,
    readingMinutes: 1,
    versions: versions.map(({ id, language, slug: versionSlug, title }) => ({ id: id as number, language, slug: versionSlug, title })),
  }
}

/** The page as a render reads it, and whether it was built (true) or reused (false). */
async function render(lang: string, slug: string) {
  const before = builds
  const { content, similar } = await postPageContent(payload, lang, slug, () => build(lang, slug))
  return { built: builds > before, content, similar }
}

async function publishedPost(title: string): Promise<Post> {
  const footnote = await createFootnote(payload, { title: `${title} source` })
  const [author, category] = await Promise.all([
    payload.create({ ...asAdmin, collection: 'authors', data: { name: `Author of ${title}` } }),
    payload.create({ ...asAdmin, collection: 'categories', data: { name: `Category of ${title}` } }),
  ])
  return payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { _status: 'published', authors: [author.id], category: category.id, content: bodyCiting(footnote.id) as never, language: 'en', title },
  })
}

describe('postPageContent', () => {
  it('reuses a page while nothing it shows changed, with the similar posts marker from the same query', async () => {
    const post = await publishedPost('Kept page')
    const first = await render('en', post.slug!)
    expect(first.built).toBe(true)
    expect(first.similar).toBeNull()
    const second = await render('en', post.slug!)
    expect(second.built).toBe(false)
    expect(second.content?.post.title).toBe('Kept page')
    expect(second.similar?.changed).toMatch(/\|/)
  })

  it('builds again after a save of the post, of a related document, or of another language version', async () => {
    const post = await publishedPost('Changing page')
    const slug = post.slug!
    await render('en', slug)

    await payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Changing page, edited' }, id: post.id })
    const edited = await render('en', slug)
    expect(edited).toMatchObject({ built: true, content: { post: { title: 'Changing page, edited' } } })
    expect((await render('en', slug)).built).toBe(false)

    await payload.update({ ...asAdmin, collection: 'authors', data: { name: 'A renamed author' }, id: relationId(post.authors![0])! })
    const renamed = await render('en', slug)
    expect(renamed.built).toBe(true)
    expect(renamed.content?.authors[0]?.name).toBe('A renamed author')

    const translation = await createTranslation(payload, { language: 'tr', overrideAccess: true, source: post.id })
    await payload.update({ ...asAdmin, collection: 'posts', data: { _status: 'published', title: 'Değişen sayfa' }, id: translation.id })
    const linked = await render('en', slug)
    expect(linked.built).toBe(true)
    expect(linked.content?.versions.map((version) => version.language).sort()).toEqual(['en', 'tr'])
    expect((await render('en', slug)).built).toBe(false)

    // deleting a version bumps no `updated_at`: the live count of the kept versions tells
    await payload.delete({ ...asAdmin, collection: 'posts', id: translation.id })
    const unlinked = await render('en', slug)
    expect(unlinked.built).toBe(true)
    expect(unlinked.content?.versions.map((version) => version.language)).toEqual(['en'])
  })

  it('serves nothing once the post is unpublished', async () => {
    const post = await publishedPost('Unpublished page')
    await render('en', post.slug!)
    await payload.update({ ...asAdmin, collection: 'posts', data: { _status: 'draft' }, id: post.id })
    expect(await render('en', post.slug!)).toMatchObject({ built: true, content: null })
  })

  it('does not keep a page under markers read after a change committed while it was built', async () => {
    const post = await publishedPost('Raced page')
    const slug = post.slug!
    // the build reads the old title, then an editor's save commits before it is kept
    await postPageContent(payload, 'en', slug, async () => {
      const content = await build('en', slug)
      await payload.update({ ...asAdmin, collection: 'posts', data: { title: 'Raced page, saved meanwhile' }, id: post.id })
      return content
    })
    const next = await render('en', slug)
    expect(next.built).toBe(true)
    expect(next.content?.post.title).toBe('Raced page, saved meanwhile')
  })
})
