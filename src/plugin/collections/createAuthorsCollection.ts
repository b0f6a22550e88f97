import type { CollectionConfig, Field } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { slugField } from '../fields/slug'
import { assignSlugHook } from '../hooks/assignSlug'
import { revalidateDeletedRelatedHook, revalidateRelatedHook } from '../hooks/revalidateRelated'

const authorFields = (options: ResolvedPolicyPostsOptions): Field[] => [
  { name: 'name', type: 'text', maxLength: 200, required: true },
  slugField({ from: 'name' }),
  {
    name: 'role',
    type: 'text',
    admin: { description: 'Position or affiliation, e.g. "Senior Fellow, Energy Programme".' },
    localized: true,
    maxLength: 200,
  },
  { name: 'bio', type: 'textarea', localized: true, maxLength: 3000 },
  { name: 'photo', type: 'upload', relationTo: options.slugs.media as 'media' },
]

export function createAuthorsCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.authors,
    access: { create: isEditor, delete: isEditor, read: anyone, update: isEditor },
    admin: { defaultColumns: ['name', 'slug', 'role'], group: options.adminGroup, useAsTitle: 'name' },
    fields: authorFields(options),
    hooks: {
      afterChange: options.enabled ? [revalidateRelatedHook(options, 'authors')] : [],
      afterDelete: options.enabled ? [revalidateDeletedRelatedHook(options, 'authors')] : [],
      beforeChange: [assignSlugHook({ from: 'name', scopeLabel: 'author' })],
    },
  }
}
