import type { Access, CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../options'

import { isAdmin } from '../../access/isAdmin'
import { hasRole } from '../../access/roles'
import { firstUserIsAdminHook } from './hooks/firstUserIsAdmin'
import { userFields } from './userFields'

const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}

export function createUsersCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.users,
    access: {
      admin: ({ req }) => hasRole(req.user, 'admin', 'editor', 'translator'),
      create: isAdmin,
      delete: isAdmin,
      read: adminOrSelf,
      // Payload's default lets any signed-in user lift another account's login lock.
      unlock: isAdmin,
      update: adminOrSelf,
    },
    admin: { defaultColumns: ['email', 'name', 'roles'], group: 'Admin', useAsTitle: 'email' },
    auth: {
      cookies: options.authCookies,
      // Five wrong passwords lock the account for ten minutes (brute-force limiting).
      lockTime: 10 * 60 * 1000,
      maxLoginAttempts: 5,
      tokenExpiration: 8 * 60 * 60,
    },
    fields: userFields(options),
    hooks: { beforeChange: [firstUserIsAdminHook] },
  }
}
