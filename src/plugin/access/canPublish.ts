import type { PayloadRequest } from 'payload'

import { hasRole } from './roles'

/** Only editors and admins publish, unpublish or delete posts; translators save drafts. */
export const canPublish = (user: PayloadRequest['user']): boolean => hasRole(user, 'admin', 'editor')
