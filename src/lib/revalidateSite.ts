import type { ContentChangeEvent } from 'payload-policy-posts'

import { revalidationTargets } from './site/revalidation'

import { ownOrigin, warmPages } from './warmPages'

// Next applies the request's revalidations as the response ends; give them a moment.
const SETTLE_MS = 100

/**
 * Purges the Next.js cache for what changed, then — once the response is sent, so the change
 * is committed — renders the pages the change names again in the background
 * (src/lib/warmPages.ts): the post in each language, listings, feeds, the sitemap, author and
 * category pages. A no-op outside a running Next server.
 */
export async function revalidateSite(event: ContentChangeEvent): Promise<void> {
  const { paths, tags } = revalidationTargets(event)
  let cache: typeof import('next/cache')
  try {
    cache = await import('next/cache')
  } catch {
    return
  }
  for (const tag of tags) {
    try {
      cache.revalidateTag(tag, { expire: 0 })
    } catch {
      return // not inside a Next request (CLI, tests): nothing is cached
    }
  }
  for (const path of paths) cache.revalidatePath(path)
  scheduleWarm(paths)
}

function scheduleWarm(paths: string[]): void {
  const origin = ownOrigin()
  if (!origin || paths.length === 0 || process.env.CACHE_WARM === 'false') return
  const changedAt = performance.now()
  const warm = async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const result = await warmPages(origin, paths)
    const failed = result.failed.length > 0 ? `; failed: ${result.failed.map((entry) => `${entry.path} (${entry.reason})`).join(', ')}` : ''
    console.info(
      `[cache] warmed ${result.warmed.length}/${paths.length} page(s) ${Math.round(performance.now() - changedAt)} ms after the change${failed}`,
    )
  }
  import('next/server')
    .then(({ after }) => after(warm))
    .catch(() => undefined)
}
