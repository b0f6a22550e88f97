import type { CollectionConfig } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../options'

import { anyone } from '../../access/anyone'
import { isEditor } from '../../access/isEditor'
import { isStaff } from '../../access/isStaff'
import { validateHttpUrl } from '../../utilities/urlSchemes'
import { revalidateDeletedRelatedHook, revalidateRelatedHook } from '../../hooks/revalidateRelated'
import { guardPublishedCitationsHook } from './hooks/guardPublishedCitations'
import { preventDeleteWhenCitedHook } from './hooks/preventDeleteWhenCited'
import { requireFootnoteContentHook } from './hooks/requireContent'
import { setFootnoteLabelHook } from './hooks/setFootnoteLabel'
import { setFootnoteTitleKeyHook } from './hooks/setTitleKey'
import { importCitationsEndpoint } from '../../import/citations/importCitationsEndpoint'

/** Reusable citation records, cited from any post in any language through endnotes. */
export function createFootnotesCollection(options: ResolvedPolicyPostsOptions): CollectionConfig {
  return {
    slug: options.slugs.footnotes,
    access: { create: isStaff, delete: isEditor, read: anyone, update: isStaff },
    admin: {
      defaultColumns: ['label', 'outlet', 'url', 'accessedAt'],
      group: options.adminGroup,
      listSearchableFields: ['label', 'citedAuthors', 'title', 'outlet', 'url', 'note'],
      useAsTitle: 'label',
      components: {
        beforeListTable: [{ clientProps: { footnotesSlug: options.slugs.footnotes }, path: 'payload-policy-posts/client#ImportCitationsButton' }],
      },
    },
    endpoints: options.enabled ? [importCitationsEndpoint()] : [],
    fields: [
      {
        name: 'pasteCitation',
        type: 'ui',
        admin: { components: { Field: 'payload-policy-posts/client#PasteCitationField' } },
      },
      { name: 'label', type: 'text', admin: { hidden: true }, index: true },
      {
        name: 'citedAuthors',
        type: 'text',
        admin: { description: 'As printed, e.g. "Emil Avdaliani" or "Ministry of Energy".' },
        maxLength: 500,
      },
      { name: 'title', type: 'text', maxLength: 1000 },
      // The folded title importers look records up by (an equality on an index, not a scan).
      { name: 'titleKey', type: 'text', hidden: true, index: true },
      { name: 'outlet', type: 'text', maxLength: 300 },
      {
        name: 'url',
        type: 'text',
        index: true,
        maxLength: 2048,
        validate: (value: null | string | undefined) => validateHttpUrl(value),
      },
      {
        type: 'row',
        fields: [
          {
            name: 'accessedAt',
            type: 'date',
            admin: { date: { displayFormat: 'dd.MM.yyyy', pickerAppearance: 'dayOnly' } },
          },
          {
            name: 'publishedAt',
            type: 'date',
            admin: { date: { displayFormat: 'dd.MM.yyyy', pickerAppearance: 'dayOnly' } },
          },
        ],
      },
      {
        name: 'note',
        type: 'textarea',
        admin: { description: 'Explanatory text; shown alone when there is no author or URL.' },
        maxLength: 5000,
      },
    ],
    hooks: {
      afterChange: options.enabled ? [revalidateRelatedHook(options, 'footnotes')] : [],
      afterDelete: options.enabled ? [revalidateDeletedRelatedHook(options, 'footnotes')] : [],
      beforeChange: [
        ...(options.enabled ? [guardPublishedCitationsHook(options.slugs.posts)] : []),
        requireFootnoteContentHook,
        setFootnoteLabelHook,
        setFootnoteTitleKeyHook,
      ],
      beforeDelete: options.enabled ? [preventDeleteWhenCitedHook(options.slugs.posts)] : [],
    },
  }
}
