import type { ContentChangeEvent } from '../plugin/index'

/** Purges the Next.js cache for what changed; a no-op outside a running Next server. */
export async function revalidateSite({ paths, tags }: ContentChangeEvent): Promise<void> {
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
}
