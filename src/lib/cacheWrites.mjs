// Whether a rendered page or data entry may be stored as fresh. A render that began before the
// newest revalidation of one of its tags may have read the content as it was before that change
// (a warm render still running when an unpublish purges the post's tags): stored as fresh it
// would be served until the next change. Such a write is dropped; the next read renders again.
// A write that is kept carries its render's start as `lastModified`, not the time of the write,
// so a revalidation that lands between this check and the write still expires it on read.

const TAGS_HEADER = 'x-next-cache-tags'

/** The tags a cache write is invalidated by: a data entry's own tags, a page's from its header. */
export function entryTags(data, context) {
  if (data?.kind === 'FETCH') return [...(context?.tags ?? []), ...(context?.softTags ?? [])]
  const header = data?.headers?.[TAGS_HEADER]
  if (typeof header === 'string') return header ? header.split(',') : []
  return Array.isArray(header) ? header : []
}

/**
 * When a tag was last revalidated, from its entry in Next's tags manifest (`{ stale, expired }`,
 * epoch ms); an expiry still in the future (a revalidation with a grace period) is not one yet.
 */
export function tagRevalidatedAt(entry, now) {
  let newest
  if (typeof entry?.stale === 'number' && entry.stale <= now) newest = entry.stale
  if (typeof entry?.expired === 'number' && entry.expired <= now && !(newest >= entry.expired)) newest = entry.expired
  return newest
}

/**
 * The decision for one write. `startedAt`: when its render began (undefined when unknown: then
 * the write time, as Next itself assumes); `revalidatedAt`: per tag, its last revalidation or
 * undefined. A revalidation in the same millisecond as the start counts as after it.
 * @returns {{ store: boolean, lastModified: number }}
 */
export function cacheWriteDecision({ startedAt, writtenAt, revalidatedAt }) {
  const lastModified = typeof startedAt === 'number' ? Math.min(startedAt, writtenAt) : writtenAt
  const store = !revalidatedAt.some((time) => typeof time === 'number' && time >= lastModified)
  return { lastModified, store }
}

/**
 * Whether an entry a read found will be rendered again (so the read starts a render): past its
 * revalidate period, counted from `lastModified`. Pages carry the period in `cacheControl`, data
 * entries in the value or the read's context; entries of the Redis handler their `lifespan`.
 */
export function isStaleHit(entry, context, now) {
  if (!entry) return false
  if (typeof entry.lifespan?.staleAt === 'number') return entry.lifespan.staleAt * 1000 <= now
  const revalidate = entry.cacheControl?.revalidate ?? context?.revalidate ?? entry.value?.revalidate
  if (typeof revalidate !== 'number' || typeof entry.lastModified !== 'number') return false
  return entry.lastModified + revalidate * 1000 <= now
}
