import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { languageLabel } from '../../../utilities/languageLabel'
import { slugifyTitle } from '../../../utilities/slugifyTitle'
import { uniqueSlug } from '../../../utilities/uniqueSlug'

const isGeneratedFrom = (slug: string, title: unknown): boolean => {
  if (typeof title !== 'string') return false
  const base = slugifyTitle(title)
  return Boolean(base) && (slug === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(slug))
}

/**
 * A post that was never published and still has the slug made from its old title takes a new
 * one from its new title: a translation created from the English version starts with the
 * English title (and slug) and gets its own URL once the translator retitles it.
 */
async function followsNewTitle({
  collection,
  data,
  originalDoc,
  req,
}: {
  collection: string
  data: Record<string, any>
  originalDoc: Record<string, any>
  req: PayloadRequest
}): Promise<boolean> {
  if (typeof data.title !== 'string' || data.title === originalDoc.title) return false
  if (!isGeneratedFrom(originalDoc.slug, originalDoc.title)) return false
  if (originalDoc._status === 'published' || originalDoc.publishedAt) return false
  const live = (await req.payload.db.findOne({ collection: collection as 'posts', req, where: { id: { equals: originalDoc.id } } })) as
    | { _status?: string }
    | null
  return live?._status !== 'published'
}

/** Fills the slug from the title and keeps it unique within the post's language. */
export const assignPostSlugHook =
  (options: ResolvedPolicyPostsOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    const language: string = data.language ?? originalDoc?.language ?? options.defaultLanguage
    // An unknown language is reported by field validation, which runs after this hook.
    if (!options.languages.some((l) => l.code === language)) return data
    const requested: null | string | undefined = data.slug
    const unchanged =
      originalDoc?.slug &&
      (requested === undefined || requested === originalDoc.slug) &&
      language === originalDoc.language
    if (unchanged && !(await followsNewTitle({ collection: collection.slug, data, originalDoc, req }))) {
      data.slug = originalDoc.slug
      return data
    }
    // An existing post keeps its URL when the title changes; only an explicit slug moves it
    // (or, before its first publication, a new title: see followsNewTitle).
    const keepExisting = !unchanged && !requested && originalDoc?.slug
    const slug = await uniqueSlug({
      collection: collection.slug,
      id: originalDoc?.id,
      req,
      requested: keepExisting ? originalDoc.slug : unchanged ? undefined : requested,
      // an existing post keeps a slug that became reserved later (its URL stays as it was)
      reserved: keepExisting ? [] : options.reservedSlugs,
      scope: { language: { equals: language } },
      scopeLabel: `${languageLabel(options, language)} post`,
      source: data.title ?? originalDoc?.title,
    })
    if (slug) data.slug = slug
    return data
  }
