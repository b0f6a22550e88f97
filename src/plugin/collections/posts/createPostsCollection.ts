import type { CollectionConfig, Where } from 'payload'

import { lexicalEditor } from '@payloadcms/richtext-lexical'

import type { PreviewablePost, ResolvedPolicyPostsOptions } from '../../options'

import { isEditor } from '../../access/isEditor'
import { canUpdatePost } from '../../access/canUpdatePost'
import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { EndnoteFeature } from '../../endnote/feature.server'
import { endnotesField } from '../../fields/endnotes'
import { languageField } from '../../fields/language'
import { slugField } from '../../fields/slug'
import { assignPostSlugHook } from './hooks/assignPostSlug'
import { checkContentSafetyHook } from './hooks/checkContentSafety'
import { revalidateDeletedPostHook, revalidatePostHook } from './hooks/revalidatePost'
import { setPublishedAtHook } from './hooks/setPublishedAt'
import { updateSearchVectorHook } from './hooks/updateSearchVector'
import { postsEndpoints } from './endpoints/index'
import { explainTranslationConflictHook } from './hooks/explainTranslationConflict'
import { flagOutdatedTranslationsHook } from './hooks/flagOutdatedTranslations'
import { guardTranslatorWritesHook } from './hooks/guardTranslatorWrites'
import { holdGroupLanguagesHook } from './hooks/holdGroupLanguages'
import { setTranslationStatusHook } from './hooks/setTranslationStatus'
import { syncDeletedPostGroupHook, syncTranslationGroupHook } from './hooks/syncTranslationGroup'
import { validateTranslationGroupHook } from './hooks/validateTranslationGroup'
import { translationEndpoints } from '../../translations/endpoints'
import { translationFields } from '../../translations/fields'
import { compareEditView } from '../../translatorDesk/compareEditView'
import { translatorDeskEndpoints } from '../../translatorDesk/endpoints'
import { xliffEndpoints } from '../../xliff/endpoints'

// The admin's Preview button and Live Preview, when the host gives a preview URL.
function previewAdmin(options: ResolvedPolicyPostsOptions): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> {
  const { previewUrl } = options
  if (!previewUrl) return {}
  return {
    livePreview: { url: ({ data, req }) => previewUrl(data as PreviewablePost, { req }) },
    preview: (doc, { req }) => previewUrl(doc as PreviewablePost, { req }),
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
      update: canUpdatePost,
    },
    admin: {
      defaultColumns: ['title', 'language', 'translationStatus', 'category', '_status', 'publishedAt'],
      group: options.adminGroup,
      listSearchableFields: ['title', 'slug'],
      useAsTitle: 'title',
      ...previewAdmin(options),
      components: {
        beforeListTable: [
          {
            clientProps: { languages: options.languages.map(({ code, label }) => ({ code, label })), postsSlug: slugs.posts },
            path: 'payload-policy-posts/client#ImportArticleButton',
          },
        ],
        // Translators save drafts only: they see a note instead of Publish / Unpublish.
        edit: {
          PublishButton: 'payload-policy-posts/client#EditorPublishButton',
          UnpublishButton: 'payload-policy-posts/client#EditorUnpublishButton',
        },
        // The translator's side-by-side view of a translation and its source.
        views: behaviour ? { edit: { compare: compareEditView } } : undefined,
      },
    },
    endpoints: behaviour ? [...postsEndpoints(options), ...translationEndpoints(options), ...xliffEndpoints(options), ...translatorDeskEndpoints(options)] : [],
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
        defaultLanguage: options.defaultLanguage,
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
      ...translationFields(options),
    ],
    hooks: {
      afterChange: behaviour
        ? [
            holdGroupLanguagesHook(options),
            updateSearchVectorHook,
            syncTranslationGroupHook(options),
            flagOutdatedTranslationsHook(options),
            revalidatePostHook(options),
          ]
        : [],
      afterDelete: behaviour ? [syncDeletedPostGroupHook(options), revalidateDeletedPostHook(options)] : [],
      afterError: behaviour ? [explainTranslationConflictHook(options)] : [],
      // Size and link-scheme limits are safety rules: they hold with the behaviour off too.
      beforeValidate: [checkContentSafetyHook(options)],
      beforeChange: [
        // Translators' limits are access rules: they hold even with the plugin's behaviour off.
        guardTranslatorWritesHook(options),
        assignPostSlugHook(options),
        setPublishedAtHook,
        ...(behaviour ? [validateTranslationGroupHook(options), setTranslationStatusHook(options)] : []),
      ],
    },
    indexes: [
      // The database itself refuses a second post with one slug in one language, and two
      // versions of one language in one translation group, even under concurrent writes (for
      // drafts, which live in the versions table, see holdGroupLanguages).
      { fields: ['language', 'slug'], unique: true },
      { fields: ['translationGroup', 'language'], unique: true },
    ],
    versions: { drafts: { schedulePublish: false }, maxPerDoc: 50 },
  }
}
