import type { Access } from 'payload'

import { hasRole } from './roles'

/** Staff read everything; everyone else only published documents. */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'translator')) return true
  return { _status: { equals: 'published' } }
}
