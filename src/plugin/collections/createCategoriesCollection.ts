import type { CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { slugField } from '../fields/slug'
import { assignSlugHook } from '../hooks/assignSlug'
import { revalidateDeletedRelatedHook, revalidateRelatedHook } from '../hooks/revalidateRelated'

export function createCategoriesCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.categories,
    access: { create: isEditor, delete: isEditor, read: anyone, update: isEditor },
    admin: { defaultColumns: ['name', 'slug'], group: options.adminGroup, useAsTitle: 'name' },
    fields: [
      { name: 'name', type: 'text', localized: true, maxLength: 120, required: true },
      slugField({ from: 'name' }),
      { name: 'description', type: 'textarea', localized: true, maxLength: 1000 },
    ],
    hooks: {
      afterChange: options.enabled ? [revalidateRelatedHook(options, 'categories')] : [],
      afterDelete: options.enabled ? [revalidateDeletedRelatedHook(options, 'categories')] : [],
      beforeChange: [assignSlugHook({ from: 'name', scopeLabel: 'category' })],
    },
  }
}
