import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { articles, authors, categories, footnotes } from './content/index'
import { demoUsers } from './demoUsers'
import { markupToLexical } from './markupToLexical'

export interface SeedResult {
  created: boolean
  posts: number
}

/**
 * Creates the demo accounts and the bilingual demo publication. Idempotent: records are
 * looked up by their natural keys (email, slug, URL) and only what is missing is created.
 */
export async function seed(payload: Payload, { log = true }: { log?: boolean } = {}): Promise<SeedResult> {
  const say = (message: string) => log && payload.logger.info(`[seed] ${message}`)
  const req: PayloadRequest = await createLocalReq({ context: { disableRevalidate: true } }, payload)
  const common = { depth: 0, overrideAccess: true, req } as const

  if (process.env.NODE_ENV !== 'production') {
    for (const user of demoUsers) {
      const found = await payload.find({ ...common, collection: 'users', limit: 1, where: { email: { equals: user.email } } })
      if (found.totalDocs === 0) {
        await payload.create({ ...common, collection: 'users', data: { ...user, languages: 'languages' in user ? [...user.languages] : [], roles: [...user.roles] } })
        say(`user ${user.email}`)
      }
    }
  }

  const existingPosts = await payload.count({ collection: 'posts', overrideAccess: true, req })
  if (existingPosts.totalDocs > 0) return { created: false, posts: existingPosts.totalDocs }

  const categoryIds = new Map<string, number>()
  for (const category of categories) {
    const found = await payload.find({ ...common, collection: 'categories', limit: 1, where: { slug: { equals: category.slug } } })
    let id = found.docs[0]?.id
    if (!id) {
      const created = await payload.create({ ...common, collection: 'categories', data: { name: category.name.en, slug: category.slug }, locale: 'en' })
      id = created.id
    }
    await payload.update({ ...common, collection: 'categories', data: { name: category.name.tr }, id, locale: 'tr' })
    categoryIds.set(category.key, id)
  }

  const authorIds = new Map<string, number>()
  for (const author of authors) {
    const found = await payload.find({ ...common, collection: 'authors', limit: 1, where: { slug: { equals: author.slug } } })
    let id = found.docs[0]?.id
    if (!id) {
      const created = await payload.create({
        ...common,
        collection: 'authors',
        data: { bio: author.bio.en, name: author.name, role: author.role.en, slug: author.slug },
        locale: 'en',
      })
      id = created.id
    }
    await payload.update({ ...common, collection: 'authors', data: { bio: author.bio.tr, role: author.role.tr }, id, locale: 'tr' })
    authorIds.set(author.key, id)
  }

  const footnoteIds = new Map<string, number>()
  for (const note of footnotes) {
    const { key, ...data } = note
    const found = note.url
      ? await payload.find({ ...common, collection: 'footnotes', limit: 1, where: { url: { equals: note.url } } })
      : { docs: [] as { id: number }[] }
    const id = found.docs[0]?.id ?? (await payload.create({ ...common, collection: 'footnotes', data })).id
    footnoteIds.set(key, id)
  }
  const footnoteId = (key: string) => {
    const id = footnoteIds.get(key)
    if (id === undefined) throw new Error(`[seed] unknown footnote key "${key}"`)
    return id
  }

  let count = 0
  for (const article of articles) {
    const group = await payload.create({ ...common, collection: 'translations', data: { label: article.en.title } })
    const base = {
      authors: article.authors.map((key) => authorIds.get(key)!),
      category: categoryIds.get(article.category),
      publishedAt: article.publishedAt,
      translationGroup: group.id,
    }
    const english = await payload.create({
      ...common,
      collection: 'posts',
      data: {
        ...base,
        _status: 'published',
        content: markupToLexical(article.en.body, footnoteId) as never,
        highlights: article.en.highlights.map((text) => ({ text })),
        language: 'en',
        meta: { description: article.en.metaDescription },
        slug: article.en.slug,
        title: article.en.title,
      },
    })
    await payload.create({
      ...common,
      collection: 'posts',
      data: {
        ...base,
        _status: article.trPublished === false ? 'draft' : 'published',
        content: markupToLexical(article.tr.body, footnoteId) as never,
        highlights: article.tr.highlights.map((text) => ({ text })),
        language: 'tr',
        meta: { description: article.tr.metaDescription },
        slug: article.tr.slug,
        sourceUpdatedAt: english.updatedAt,
        title: article.tr.title,
        translatedFrom: english.id,
      },
      draft: article.trPublished === false,
    })
    count += 2
    say(`"${article.en.title}" (en + tr)`)
  }
  return { created: true, posts: count }
}
