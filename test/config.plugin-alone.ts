import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { policyPosts } from 'payload-policy-posts'

/**
 * The plugin in a minimal host project with no site: its own users collection with an
 * extra field, a global, an onInit, custom slugs for two of the plugin's collections.
 */
export const pluginAloneConfig = (databaseUrl: string, onInit: () => void) =>
  buildConfig({
    collections: [
      {
        slug: 'users',
        auth: true,
        fields: [{ name: 'nickname', type: 'text' }],
      },
      {
        slug: 'pages',
        fields: [{ name: 'title', type: 'text' }],
      },
    ],
    db: postgresAdapter({ pool: { connectionString: databaseUrl } }),
    editor: lexicalEditor(),
    globals: [{ slug: 'site-settings', fields: [{ name: 'tagline', type: 'text' }] }],
    onInit: async () => onInit(),
    plugins: [
      policyPosts({
        languages: [
          { code: 'en', label: 'English' },
          { code: 'de', label: 'Deutsch' },
        ],
        slugs: { posts: 'analyses', authors: 'people' },
      }),
    ],
    secret: 'plugin-alone-test-secret-0123456789abcdef',
    telemetry: false,
  })
