import type { CollectionConfig, Where } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'

import type { PreviewablePost, ResolvedPolicyPostsOptions } from '../../options'

import { isEditor } from '../../access/isEditor'
import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { EndnoteFeature } from '../../endnote/feature.server'
import { endnotesField } from '../../fields/endnotes'
import { languageField } from '../../fields/language'
import { slugField } from '../../fields/slug'
import { assignPostSlugHook } from './hooks/assignPostSlug'
import { revalidateDeletedPostHook, revalidatePostHook } from './hooks/revalidatePost'
import { setPublishedAtHook } from './hooks/setPublishedAt'

// The admin's Preview button and Live Preview, when the host gives a preview URL.
function previewAdmin(options: ResolvedPolicyPostsOptions): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> {
  const { previewUrl } = options
  if (!previewUrl) return {}
  return {
    livePreview: { url: ({ data }) => previewUrl(data as PreviewablePost) },
    preview: (doc) => previewUrl(doc as PreviewablePost),
  }
}

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
      ...previewAdmin(options),
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
