import type { PolicyPostsOptions } from 'payload-policy-posts'

import { resolveOptions } from 'payload-policy-posts'
import { postPreviewUrl } from './site/preview'

/** The plugin options of this site: shared by payload.config.ts and the pages. */
export const siteOptions: PolicyPostsOptions = {
  languages: [
    { code: 'en', label: 'English' },
    { code: 'tr', label: 'Türkçe' },
  ],
  previewUrl: postPreviewUrl,
  // Routes beside /[lang]/[slug] in src/app/(frontend)/[lang]/ (a post there would be unreachable).
  reservedSlugs: ['authors', 'categories', 'feed.xml', 'search'],
}

export const resolvedSiteOptions = resolveOptions(siteOptions)
