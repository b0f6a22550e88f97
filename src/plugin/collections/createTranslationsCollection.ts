import type { CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { publishedGroupsOrStaff } from '../access/publishedGroupsOrStaff'

/**
 * A translation group: the language versions of one piece. Its label is derived (the
 * published default-language title) and written only by the plugin.
 */
export function createTranslationsCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.translations,
    access: {
      create: isStaff,
      delete: isEditor,
      read: publishedGroupsOrStaff,
      // Groups change only through the link/unlink/create-translation endpoints and hooks.
      update: () => false,
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
        access: { create: () => false, update: () => false },
        admin: { description: 'The title of the published original; empty until a version is published.', readOnly: true },
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
