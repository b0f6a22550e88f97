import type { CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'

/** A translation group: the language versions of one piece. */
export function createTranslationsCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.translations,
    access: {
      create: isStaff,
      delete: isEditor,
      read: anyone,
      update: isStaff,
    },
    admin: {
      defaultColumns: ['label', 'updatedAt'],
      group: options.adminGroup,
      useAsTitle: 'label',
    },
    fields: [
      {
        name: 'label',
        type: 'text',
        admin: { description: 'Kept in step with the titles of the versions.', readOnly: true },
      },
      {
        name: 'posts',
        type: 'join',
        collection: options.slugs.posts as 'posts',
        defaultLimit: 20,
        on: 'translationGroup',
      },
    ],
  }
}
