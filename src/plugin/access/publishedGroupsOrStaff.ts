import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Translation groups: staff read all; everyone else only groups with a published version.
 * The label is written from published versions only, so "has a label" is that test, as a
 * query (lists, counts, joins and relationship population all obey it).
 */
export const publishedGroupsOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'translator')) return true
  return { label: { exists: true } }
}
