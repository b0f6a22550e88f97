import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { PostLike } from '../translations/types'
import type { TranslatablePost } from './segments'
import type { ID, Unit } from './types'

import { sourceSnapshot } from '../translations/status'
import { citedFootnotes, postUnits } from './segments'

export type FullPost = PostLike & TranslatablePost

/** The explanatory-note text of each footnote the body cites (id → note; citations have none). */
export async function noteTexts(req: PayloadRequest, options: ResolvedPolicyPostsOptions, content: unknown): Promise<Map<string, string>> {
  const ids = [...new Set(citedFootnotes(content).map(String))]
  if (ids.length === 0) return new Map()
  const found = await req.payload.find({
    collection: options.slugs.footnotes as 'footnotes',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { note: true },
    where: { id: { in: ids } },
  })
  return new Map(found.docs.map((doc) => [String(doc.id), String((doc as { note?: null | string }).note ?? '')]))
}

/** A post's units, with its cited explanatory notes. */
export async function unitsOf(req: PayloadRequest, options: ResolvedPolicyPostsOptions, post: TranslatablePost): Promise<Unit[]> {
  return postUnits(post, await noteTexts(req, options, post.content))
}

const time = (value: null | string | undefined): number => (value ? new Date(value).getTime() : Number.NaN)

/**
 * The source as it was when `translation` was made from it (its `sourceUpdatedAt`), from
 * Payload's versions; the current source when nothing changed since; undefined when unknown
 * (not a translation of `source`, or the version was pruned).
 */
export async function sourceAsTranslated(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  source: FullPost,
  translation: FullPost,
): Promise<FullPost | undefined> {
  const from = translation.translatedFrom
  const fromId = from && typeof from === 'object' ? (from as { id: ID }).id : (from as ID | null | undefined)
  if (fromId === undefined || fromId === null || String(fromId) !== String(source.id)) return undefined
  const made = time(translation.sourceUpdatedAt)
  if (Number.isNaN(made)) return undefined
  if (made >= time(source.updatedAt)) return source
  return (await sourceSnapshot(req, options, source.id, new Date(made).toISOString())) as FullPost | undefined
}
