import type { Config, SanitizedConfig } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import type { PolicyPostsOptions } from '../plugin/index'

import { policyPosts } from '../plugin/index'
import { payloadSecret } from './secret'
import { siteOptions } from './siteOptions'

// import.meta.dirname is not defined inside Next's server bundle; import.meta.url is.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface SiteConfigArgs {
  databaseUrl?: string
  /** Plugin options replacing the site's defaults (tests use other languages). */
  pluginOptions?: PolicyPostsOptions
  onContentChange?: PolicyPostsOptions['onContentChange']
  /** Extra Payload config merged before the plugin runs (tests: host collections). */
  extend?: Partial<Config>
}

/** The site's Payload config: Postgres, Lexical, the policy-posts plugin. */
export function createSiteConfig(args: SiteConfigArgs = {}): Promise<SanitizedConfig> {
  const { extend = {} } = args
  return buildConfig({
    ...extend,
    admin: {
      importMap: { baseDir: root, importMapFile: path.join(root, 'src/app/(payload)/admin/importMap.js') },
      meta: { titleSuffix: ' — Policy Posts' },
      ...extend.admin,
    },
    collections: extend.collections ?? [],
    db: postgresAdapter({
      pool: {
        connectionString: args.databaseUrl,
        connectionTimeoutMillis: 5_000,
        max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      },
    }),
    editor: lexicalEditor(),
    graphQL: { disablePlaygroundInProduction: true, maxComplexity: 2_000 },
    plugins: [
      policyPosts({ ...siteOptions, ...args.pluginOptions, onContentChange: args.onContentChange }),
      ...(extend.plugins ?? []),
    ],
    secret: payloadSecret(),
    serverURL: process.env.NEXT_PUBLIC_SERVER_URL || undefined,
    sharp,
    telemetry: false,
    typescript: { outputFile: path.join(root, 'src/payload-types.ts') },
  })
}
