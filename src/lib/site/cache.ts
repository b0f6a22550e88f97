import { unstable_cache } from 'next/cache'
import { createHash } from 'node:crypto'

import { noteDatabaseError } from '../database/health'

export { tags } from './cacheTags'

const MISSING_CACHE = 'Invariant: incrementalCache missing'

/**
 * Entries are keyed by the database too: two sites (or test servers) sharing one cache
 * directory must never serve each other's records. Hashed, so no credentials reach the cache.
 */
function databaseNamespace(): string {
  const url = process.env.DATABASE_URL ?? ''
  return url ? createHash('sha256').update(url).digest('hex').slice(0, 16) : 'default'
}

/**
 * A Next data cache around a fetcher (`unstable_cache`), keyed by `key` and the arguments,
 * tagged per call. Outside a Next server (vitest, scripts) there is no cache and the fetcher
 * simply runs. Arguments must be JSON-serialisable, and so must the result.
 */
export function cached<A extends unknown[], R>(
  key: string,
  fetcher: (...args: A) => Promise<R>,
  tagsFor: (...args: A) => string[],
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    const run = unstable_cache(fetcher, ['policy-posts-site', databaseNamespace(), key], { tags: tagsFor(...args) })
    try {
      return await run(...args)
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(MISSING_CACHE)) return fetcher(...args)
      // A read that failed because the database went away: the page becomes the outage 503
      // (src/lib/server/outagePages.ts) and the API's proxy answers 503 from now on.
      noteDatabaseError(error)
      throw error
    }
  }
}
