/**
 * The sitemap's reads, each bounded: the number of listed posts (for the index) and one file's
 * slice of published posts, newest first, with the published versions of their translation
 * groups (hreflang). Behind the Next data cache like every site read (./cache.ts).
 */
import type { Where } from 'payload'

import { relationId } from 'payload-policy-posts'

import type { PostVersion } from './data'

import { cached, tags } from './cache'
import { getPayloadClient } from './payload'

const listed: Where = { and: [{ _status: { equals: 'published' } }, { slug: { exists: true } }] }

export type SitemapPost = Omit<PostVersion, 'title'> & { updatedAt: string; versions: Omit<PostVersion, 'id' | 'title'>[] }

export const countSitemapPosts = cached(
  'sitemap-post-count',
  async (): Promise<number> => {
    const payload = await getPayloadClient()
    const { totalDocs } = await payload.count({ collection: 'posts', overrideAccess: false, where: listed })
    return totalDocs
  },
  () => [tags.posts],
)

/** Published posts `offset` to `offset + limit` (newest first), each with its group's published versions. */
export const listSitemapPosts = cached(
  'sitemap-posts',
  async (offset: number, limit: number): Promise<SitemapPost[]> => {
    const payload = await getPayloadClient()
    const page = await payload.find({
      collection: 'posts',
      depth: 0,
      limit,
      overrideAccess: false,
      // no count query: the offset alone, (page - 1) × limit
      page: offset / limit + 1,
      pagination: false,
      select: { language: true, slug: true, translationGroup: true, updatedAt: true },
      sort: ['-publishedAt', '-id'],
      where: listed,
    })
    const groups = [...new Set(page.docs.map((doc) => relationId(doc.translationGroup)).filter((id) => id != null))]
    const versionsByGroup = new Map<string, Omit<PostVersion, 'id' | 'title'>[]>()
    if (groups.length > 0) {
      const versions = await payload.find({
        collection: 'posts',
        depth: 0,
        limit: 0,
        overrideAccess: false,
        pagination: false,
        select: { language: true, slug: true, translationGroup: true },
        where: { and: [...(listed.and ?? []), { translationGroup: { in: groups } }] },
      })
      for (const doc of versions.docs) {
        const key = String(relationId(doc.translationGroup))
        const list = versionsByGroup.get(key) ?? []
        list.push({ language: doc.language, slug: doc.slug as string })
        versionsByGroup.set(key, list)
      }
    }
    return page.docs.map((doc) => {
      const self = { language: doc.language, slug: doc.slug as string }
      const group = relationId(doc.translationGroup)
      return { ...self, id: doc.id, updatedAt: doc.updatedAt, versions: group == null ? [self] : (versionsByGroup.get(String(group)) ?? [self]) }
    })
  },
  () => [tags.posts],
)
