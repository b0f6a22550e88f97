import type { Config, SanitizedConfig } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { tr } from '@payloadcms/translations/languages/tr'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import type { PolicyPostsOptions } from 'payload-policy-posts'

import type { TransactionalAdapter } from './database/failedCommits'
import type { WatchablePool } from './database/health'

import { migrations } from '../migrations'
import { policyPosts } from 'payload-policy-posts'
import { reportFailedCommits } from './database/failedCommits'
import { watchDatabasePool } from './database/health'
import { poolMaxPerProcess } from './database/poolSize'
import { databaseUnavailableHook } from './database/unavailableHook'
import { requirePublicOrigin } from './publicOrigin'
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
  /**
   * Push the schema on start outside production (Payload's dev mode).
   * @default true
   */
  push?: boolean
}

/**
 * Security settings derived from the environment: the public origin (NEXT_PUBLIC_SERVER_URL)
 * is the only origin allowed to use the login cookie (CSRF) and to call the API from a browser
 * (CORS); the cookie is `Secure` when that origin is HTTPS (or COOKIE_SECURE=true) and
 * `SameSite=Lax` (COOKIE_SAMESITE overrides).
 */
export function securitySettings(env: NodeJS.ProcessEnv = process.env) {
  const serverURL = env.NEXT_PUBLIC_SERVER_URL?.replace(/\/+$/, '') || undefined
  const origins = serverURL ? [new URL(serverURL).origin] : []
  const sameSite = (['Lax', 'None', 'Strict'] as const).find((value) => value.toLowerCase() === env.COOKIE_SAMESITE?.toLowerCase()) ?? 'Lax'
  const secure = env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : serverURL?.startsWith('https://') === true
  return {
    cookies: { sameSite, secure },
    cors: origins,
    csrf: origins,
    serverURL,
  }
}

/** The site's Payload config: Postgres, Lexical, the policy-posts plugin. */
export function createSiteConfig(args: SiteConfigArgs = {}): Promise<SanitizedConfig> {
  const { extend = {} } = args
  const secret = payloadSecret()
  requirePublicOrigin()
  const security = securitySettings()
  return buildConfig({
    ...extend,
    admin: {
      // Payload's own account icon: the default Gravatar image needs a request to a third party
      // and shows as a broken image where the admin has no internet access.
      avatar: 'default',
      importMap: { baseDir: root, importMapFile: path.join(root, 'src/app/(payload)/admin/importMap.js') },
      meta: { titleSuffix: ' — Policy Posts' },
      ...extend.admin,
    },
    collections: extend.collections ?? [],
    db: postgresAdapter({
      pool: {
        connectionString: args.databaseUrl,
        // Fail fast when PostgreSQL is down: a request waits at most this long for a connection
        // (the site then answers 503) instead of hanging.
        connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3_000),
        // each of `npm start`'s processes gets its share of the total (src/lib/database/poolSize.ts)
        max: poolMaxPerProcess(),
      },
      // Production schema changes ship as migrations (`npm run migrate`); with
      // PAYLOAD_MIGRATE_ON_START=true a production server applies pending ones as it starts.
      migrationDir: path.join(root, 'src/migrations'),
      prodMigrations: process.env.PAYLOAD_MIGRATE_ON_START === 'true' ? migrations : undefined,
      push: args.push ?? true,
    }),
    cors: security.cors,
    csrf: security.csrf,
    editor: lexicalEditor(),
    graphQL: { disablePlaygroundInProduction: true, maxComplexity: 2_000 },
    // The admin speaks the site's languages; each user picks theirs in the account settings.
    i18n: { fallbackLanguage: 'en', supportedLanguages: { en, tr }, ...extend.i18n },
    // A database that went away is a 503 with Retry-After, not a 500, for requests already
    // past the proxy's check (src/proxy.ts), and it marks the database down for the next ones.
    hooks: { ...extend.hooks, afterError: [databaseUnavailableHook, ...(extend.hooks?.afterError ?? [])] },
    onInit: async (payload) => {
      // A PostgreSQL restart kills idle pooled connections; without a listener the pool's
      // 'error' event would crash the server. The pool drops them and reconnects on demand.
      // The watcher also marks the database down the moment a connection fails or is cut.
      const pool = (payload.db as unknown as { pool?: WatchablePool }).pool
      if (pool) watchDatabasePool(pool, (message) => payload.logger.warn(message))
      // A write whose COMMIT failed (PostgreSQL went away) must not be answered as saved.
      reportFailedCommits(payload.db as unknown as TransactionalAdapter)
      await extend.onInit?.(payload)
    },
    plugins: [
      policyPosts({
        authCookies: security.cookies,
        ...siteOptions,
        ...args.pluginOptions,
        onContentChange: args.onContentChange,
      }),
      ...(extend.plugins ?? []),
    ],
    secret,
    serverURL: security.serverURL,
    sharp,
    telemetry: false,
    typescript: { outputFile: path.join(root, 'src/payload-types.ts') },
  })
}
