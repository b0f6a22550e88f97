import type { CollectionConfig, Where } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'

import type { ResolvedPolicyPostsOptions } from '../../options.js'

import { isEditor } from '../../access/isEditor.js'
import { isStaff } from '../../access/isStaff.js'
import { publishedOrStaff } from '../../access/publishedOrStaff.js'
import { EndnoteFeature } from '../../endnote/feature.server.js'
import { endnotesField } from '../../fields/endnotes.js'
import { languageField } from '../../fields/language.js'
import { slugField } from '../../fields/slug.js'
import { assignPostSlugHook } from './hooks/assignPostSlug.js'
import { revalidateDeletedPostHook, revalidatePostHook } from './hooks/revalidatePost.js'
import { setPublishedAtHook } from './hooks/setPublishedAt.js'

/** One document per language version of a policy analysis. */
export function createPostsCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  const { slugs } = options
  const behaviour = options.enabled
  return {
    slug: slugs.posts,
    access: {
      create: isStaff,
      delete: isEditor,
      read: publishedOrStaff,
      readVersions: isStaff,
      update: isStaff,
    },
    admin: {
      defaultColumns: ['title', 'language', 'category', '_status', 'publishedAt'],
      group: options.adminGroup,
      listSearchableFields: ['title', 'slug'],
      useAsTitle: 'title',
    },
    defaultSort: '-publishedAt',
    fields: [
      {
        name: 'title',
        type: 'text',
        maxLength: 300,
        required: true,
      },
      slugField({ from: 'title' }),
      languageField(options),
      {
        name: 'category',
        type: 'relationship',
        admin: { position: 'sidebar' },
        index: true,
        relationTo: slugs.categories as 'categories',
      },
      {
        name: 'authors',
        type: 'relationship',
        admin: { position: 'sidebar' },
        hasMany: true,
        relationTo: slugs.authors as 'authors',
      },
      {
        name: 'publishedAt',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar' },
        index: true,
      },
      {
        name: 'highlights',
        type: 'array',
        admin: { description: 'The key points shown under the title (up to five).' },
        fields: [{ name: 'text', type: 'textarea', maxLength: 500, required: true }],
        labels: { plural: 'Highlights', singular: 'Highlight' },
        maxRows: 5,
      },
      {
        name: 'content',
        type: 'richText',
        editor: lexicalEditor({
          features: ({ defaultFeatures }) => [
            ...defaultFeatures,
            EndnoteFeature({ footnotesSlug: slugs.footnotes }),
          ],
        }),
      },
      endnotesField({
        footnotesSlug: slugs.footnotes,
        maxEndnotes: options.maxEndnotes,
        richTextField: 'content',
      }),
      {
        name: 'similarPosts',
        type: 'relationship',
        admin: { description: 'Manual picks shown first under "Similar Posts".' },
        filterOptions: ({ id, siblingData }): Where => {
          const language = (siblingData as { language?: string })?.language ?? options.defaultLanguage
          const and: Where[] = [{ language: { equals: language } }]
          if (id !== undefined) and.push({ id: { not_equals: id } })
          return { and }
        },
        hasMany: true,
        maxRows: 6,
        relationTo: slugs.posts as 'posts',
      },
      {
        name: 'meta',
        type: 'group',
        fields: [
          { name: 'description', type: 'textarea', maxLength: 320 },
          { name: 'image', type: 'upload', relationTo: slugs.media as 'media' },
        ],
      },
      {
        name: 'translationGroup',
        type: 'relationship',
        admin: { position: 'sidebar' },
        index: true,
        relationTo: slugs.translations as 'translations',
      },
      {
        name: 'translatedFrom',
        type: 'relationship',
        admin: { position: 'sidebar', readOnly: true },
        relationTo: slugs.posts as 'posts',
      },
      {
        name: 'sourceUpdatedAt',
        type: 'date',
        admin: {
          description: 'When the source version was last changed as this translation was made.',
          position: 'sidebar',
          readOnly: true,
        },
      },
    ],
    hooks: {
      afterChange: behaviour ? [revalidatePostHook(options)] : [],
      afterDelete: behaviour ? [revalidateDeletedPostHook(options)] : [],
      beforeChange: [assignPostSlugHook(options), setPublishedAtHook],
    },
    indexes: [
      // The database itself refuses a second post with one slug in one language, and two
      // versions of one language in one translation group, even under concurrent writes.
      { fields: ['language', 'slug'], unique: true },
      { fields: ['translationGroup', 'language'], unique: true },
    ],
    versions: { drafts: { schedulePublish: false }, maxPerDoc: 50 },
  }
}
