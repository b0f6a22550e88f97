import type { PolicyPostsOptions } from 'payload-policy-posts'

/**
 * The site with a third language added by configuration alone: no code knows about `de`.
 * Use with `startTestPayload(name, { pluginOptions: thirdLanguageOptions })`.
 */
export const thirdLanguageOptions: PolicyPostsOptions = {
  languages: [
    { code: 'en', label: 'English' },
    { code: 'tr', label: 'Türkçe' },
    { code: 'de', label: 'Deutsch' },
  ],
}
