import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { uniqueSlug } from '../../../utilities/uniqueSlug'

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
    if (unchanged) {
      data.slug = originalDoc.slug
      return data
    }
    // An existing post keeps its URL when the title changes; only an explicit slug moves it.
    const keepExisting = !requested && originalDoc?.slug
    const languageLabel =
      options.languages.find((l) => l.code === language)?.label ?? language
    const slug = await uniqueSlug({
      collection: collection.slug,
      id: originalDoc?.id,
      req,
      requested: keepExisting ? originalDoc.slug : requested,
      scope: { language: { equals: language } },
      scopeLabel: `${languageLabel} post`,
      source: data.title ?? originalDoc?.title,
    })
    if (slug) data.slug = slug
    return data
  }
