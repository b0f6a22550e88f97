import type { Payload, PayloadRequest } from 'payload'

/**
 * The category whose name in `language` is `name` (case-insensitive in that language's rules),
 * or undefined: the importers never create categories.
 */
export async function matchCategory(
  payload: Payload,
  { categoriesSlug, language, name, req }: { categoriesSlug: string; language: string; name: string; req: PayloadRequest },
): Promise<number | string | undefined> {
  const wanted = name.toLocaleLowerCase(language)
  const candidates = await payload.find({
    collection: categoriesSlug as 'categories',
    depth: 0,
    fallbackLocale: false,
    limit: 50,
    locale: language as never,
    overrideAccess: true,
    pagination: false,
    req,
    where: { name: { like: name } },
  })
  const match = candidates.docs.find(
    (doc) => typeof (doc as { name?: unknown }).name === 'string' && (doc as { name: string }).name.toLocaleLowerCase(language) === wanted,
  )
  return match?.id
}

export const unknownCategoryWarning = (name: string, language: string): string =>
  `The category "${name}" matches no category name in ${language}; the post was imported without a category (no category was created).`
