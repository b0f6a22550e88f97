import type { PayloadRequest, Where } from 'payload'

import { fieldError } from './fieldError'
import { slugifyTitle } from './slugifyTitle'

interface UniqueSlugArgs {
  collection: string
  /** The document being saved, undefined on create. */
  id?: number | string
  /** Slug typed by the user (may need normalising) or undefined to generate one. */
  requested?: null | string
  /** Text the slug is generated from. */
  source?: null | string
  /** Extra constraint, e.g. `{ language: { equals: 'tr' } }`: slugs are unique within it. */
  scope?: Where
  scopeLabel?: string
  /** Slugs no document may take (routes of the front end); generated ones get a suffix. */
  reserved?: string[]
  req: PayloadRequest
}

/**
 * Returns a slug unique within `scope`. A slug the editor typed that is taken is an error
 * naming the document that has it; a generated one gets a numeric suffix instead.
 */
export async function uniqueSlug(args: UniqueSlugArgs): Promise<string> {
  const { collection, id, req, requested: rawRequested, scope, scopeLabel } = args
  // Wrong types from API clients (a number for a title) are left to field validation, which
  // reports them as a 400 naming the field; they must not crash the hook.
  const requested = typeof rawRequested === 'string' ? rawRequested : undefined
  const source = typeof args.source === 'string' ? args.source : undefined
  const explicit = typeof requested === 'string' && requested.trim() !== ''
  // No title yet: field validation (which runs after this hook) reports the missing title.
  if (!explicit && !source?.trim()) return ''
  const base = slugifyTitle(explicit ? requested : (source ?? ''))
  if (!base) {
    throw fieldError(
      collection,
      'slug',
      explicit
        ? 'The slug must contain at least one letter or digit.'
        : 'A slug could not be made from the title: give the post a title or a slug.',
      req,
    )
  }
  const holderOf = async (slug: string) => {
    const and: Where[] = [{ slug: { equals: slug } }]
    if (scope) and.push(scope)
    if (id !== undefined) and.push({ id: { not_equals: id } })
    const found = await req.payload.find({
      collection: collection as 'posts',
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and },
    })
    return found.docs[0] as { title?: string; name?: string } | undefined
  }
  const reserved = new Set(args.reserved ?? [])
  if (reserved.has(base) && explicit) {
    throw fieldError(collection, 'slug', `The slug "${base}" is reserved for a page of the site. Choose another slug.`, req)
  }
  const holder = reserved.has(base) ? undefined : await holderOf(base)
  if (!holder && !reserved.has(base)) return base
  if (holder && explicit) {
    const what = holder.title ?? holder.name ?? 'another document'
    throw fieldError(
      collection,
      'slug',
      `The slug "${base}" is already used${scopeLabel ? ` by another ${scopeLabel}` : ''}: "${what}". Choose another slug.`,
      req,
    )
  }
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}`
    if (!reserved.has(candidate) && !(await holderOf(candidate))) return candidate
  }
  throw fieldError(collection, 'slug', `No free slug could be made from "${base}".`, req)
}
