import type { CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { anyone } from '../access/anyone'
import { isStaff } from '../access/isStaff'
import { revalidateDeletedRelatedHook, revalidateRelatedHook } from '../hooks/revalidateRelated'

export function createMediaCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.media,
    access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
    admin: { group: options.adminGroup },
    hooks: {
      afterChange: options.enabled ? [revalidateRelatedHook(options, 'media')] : [],
      afterDelete: options.enabled ? [revalidateDeletedRelatedHook(options, 'media')] : [],
    },
    fields: [
      { name: 'alt', type: 'text', localized: true, maxLength: 300, required: true },
      { name: 'caption', type: 'text', localized: true, maxLength: 500 },
      { name: 'credit', type: 'text', maxLength: 200 },
    ],
    upload: {
      focalPoint: true,
      imageSizes: [
        { name: 'thumbnail', height: 300, width: 400 },
        { name: 'card', height: 450, width: 800 },
        { name: 'og', height: 630, width: 1200 },
      ],
      mimeTypes: ['image/*'],
    },
  }
}
