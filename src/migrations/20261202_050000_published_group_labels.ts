import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { refreshAllGroupLabels } from 'payload-policy-posts'

/**
 * Data only: translation-group labels used to follow draft titles too. Recompute every label
 * from the published versions, so groups without one lose their label (and become invisible
 * to anonymous readers).
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await refreshAllGroupLabels(payload, req)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Nothing to restore: the old labels were the leak.
}
