import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { refreshGroupLabel } from '../plugin/translations/groups'
import { getPolicyPostsOptions } from '../plugin/utilities/getPolicyPostsOptions'

/**
 * Data only: translation-group labels used to follow draft titles too. Recompute every label
 * from the published versions, so groups without one lose their label (and become invisible
 * to anonymous readers).
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
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
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Nothing to restore: the old labels were the leak.
}
