import type { Access } from 'payload'

import { hasRole } from './roles'

/** Anyone working in the newsroom: admins, editors and translators. */
export const isStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'translator')
