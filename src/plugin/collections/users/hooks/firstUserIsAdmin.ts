import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account (created through the admin's first-user screen) administers the site. */
export const firstUserIsAdminHook: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const existing = await req.payload.count({ collection: collection.slug as 'users', overrideAccess: true, req })
  if (existing.totalDocs === 0) data.roles = ['admin']
  return data
}
