import type { Field } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

/**
 * The translation fields of a post: the sidebar panel (a UI field), the stored status the list
 * filters by, and the bookkeeping the panel and the endpoints maintain. The bookkeeping is
 * `admin.disabled`, so the edit form never sends a stale copy back over a link made from the
 * panel; API clients still read and write it, under the same hooks.
 */
export const translationFields = (options: ResolvedPolicyPostsOptions): Field[] => [
  {
    name: 'translationsPanel',
    type: 'ui',
    admin: {
      components: { Field: 'payload-policy-posts/client#TranslationsPanel' },
      disableListColumn: true,
      position: 'sidebar',
    },
  },
  {
    name: 'translationStatus',
    type: 'select',
    admin: {
      description: 'Set automatically: "Outdated" when the source changed after this translation was made.',
      position: 'sidebar',
      readOnly: true,
    },
    defaultValue: 'source',
    index: true,
    options: [
      { label: 'Original', value: 'source' },
      { label: 'Up to date', value: 'up-to-date' },
      { label: 'Outdated', value: 'outdated' },
    ],
  },
  {
    name: 'translationGroup',
    type: 'relationship',
    admin: { disabled: true },
    index: true,
    relationTo: options.slugs.translations as 'translations',
  },
  {
    name: 'translatedFrom',
    type: 'relationship',
    admin: { disabled: true },
    relationTo: options.slugs.posts as 'posts',
  },
  {
    name: 'sourceUpdatedAt',
    type: 'date',
    admin: {
      description: 'When the source version was last changed as this translation was made.',
      disabled: true,
    },
  },
]
