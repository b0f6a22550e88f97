import type { PolicyPostsOptions } from '../plugin/index.js'

import { resolveOptions } from '../plugin/options.js'

/** The plugin options of this site: shared by payload.config.ts and the pages. */
export const siteOptions: PolicyPostsOptions = {
  languages: [
    { code: 'en', label: 'English' },
    { code: 'tr', label: 'Türkçe' },
  ],
}

export const resolvedSiteOptions = resolveOptions(siteOptions)
