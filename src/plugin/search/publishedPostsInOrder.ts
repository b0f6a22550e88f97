import type { DataFromCollectionSlug, Payload, PayloadRequest, PopulateType, SelectType, TypedLocale, Where } from 'payload'

import type { ID } from '../utilities/id'

type Post = DataFromCollectionSlug<'posts'>

export interface PublishedPostsInOrderArgs {
  depth: number
  locale?: 'all' | TypedLocale
  overrideAccess?: boolean
  populate?: PopulateType
  req?: Partial<PayloadRequest>
  select?: SelectType
  /** Conditions every returned post must also meet (always: published). */
  where?: Where[]
}

/**
 * The published posts with these ids, read through Payload (its access control unless
 * overridden; by default overridden for requests without a user), in the order of `ids`.
 */
export async function publishedPostsInOrder(
  payload: Payload,
  collection: string,
  ids: ID[],
  { depth, locale, overrideAccess, populate, req, select, where = [] }: PublishedPostsInOrderArgs,
): Promise<Post[]> {
  if (ids.length === 0) return []
  const found = await payload.find({
    collection: collection as 'posts',
    depth,
    draft: false,
    limit: ids.length,
    locale,
    overrideAccess: overrideAccess ?? !req?.user,
    pagination: false,
    populate,
    req,
    select,
    where: { and: [{ _status: { equals: 'published' } }, ...where, { id: { in: ids } }] },
  })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as Post]))
  return ids.map((id) => byId.get(String(id))).filter((doc): doc is Post => doc !== undefined)
}
