import type { PolicyPostsOptions } from '../plugin/index'

import { resolveOptions } from '../plugin/options'
import { postPreviewUrl } from './site/preview'

/** The plugin options of this site: shared by payload.config.ts and the pages. */
export const siteOptions: PolicyPostsOptions = {
  languages: [
    { code: 'en', label: 'English' },
    { code: 'tr', label: 'Türkçe' },
  ],
  previewUrl: postPreviewUrl,
}

export const resolvedSiteOptions = resolveOptions(siteOptions)
