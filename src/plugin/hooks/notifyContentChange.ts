import type { PayloadRequest } from 'payload'

import type { ContentChangeEvent, ResolvedPolicyPostsOptions } from '../options'

/**
 * Hands changed paths and tags to the host's `onContentChange` (the site revalidates its
 * cache there). Skipped outside a running site: seeding, tests and CLI set
 * `req.context.disableRevalidate`. A failing callback must never fail the editor's save.
 */
export async function notifyContentChange(
  options: ResolvedPolicyPostsOptions,
  event: Omit<ContentChangeEvent, 'req'>,
  req: PayloadRequest,
): Promise<void> {
  if (!options.enabled || !options.onContentChange || req.context?.disableRevalidate) return
  try {
    await options.onContentChange({
      ...event,
      paths: [...new Set(event.paths)],
      req,
      tags: [...new Set(event.tags)],
    })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: '[policy-posts] onContentChange failed' })
  }
}
