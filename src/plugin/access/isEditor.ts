import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: full editorial rights. */
export const isEditor: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')
