import type { Payload, PayloadRequest } from 'payload'

import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'
import { refreshGroupLabel } from './groups'

/**
 * Recomputes every translation group's label from its published versions (a group without
 * one loses its label and is hidden from anonymous readers). For data migrations of hosts whose
 * labels were written by an earlier version that also followed draft titles.
 */
export async function refreshAllGroupLabels(payload: Payload, req: PayloadRequest): Promise<number> {
  const options = getPolicyPostsOptions(payload)
  const groups = await payload.find({
    collection: options.slugs.translations as 'translations',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
  })
  for (const group of groups.docs) await refreshGroupLabel(req, options, group.id)
  return groups.docs.length
}
