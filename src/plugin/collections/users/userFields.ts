import type { Field } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../options'

import { isAdminField } from '../../access/isAdmin'
import { ROLES } from '../../access/roles'

export const userFields = (options: ResolvedPolicyPostsOptions): Field[] => [
  { name: 'name', type: 'text', maxLength: 200 },
  {
    name: 'roles',
    type: 'select',
    access: { create: isAdminField, update: isAdminField },
    defaultValue: ['editor'],
    hasMany: true,
    options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
    required: true,
    saveToJWT: true,
  },
  {
    name: 'languages',
    type: 'select',
    access: { create: isAdminField, update: isAdminField },
    admin: { description: 'Languages a translator works in.' },
    hasMany: true,
    options: options.languages.map(({ code, label }) => ({ label, value: code })),
    saveToJWT: true,
  },
]
