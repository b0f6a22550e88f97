import type { Payload } from 'payload'

import { getPayload } from 'payload'
import { inject } from 'vitest'

import type { SiteConfigArgs } from '../../src/lib/createSiteConfig'

import { dropDatabase, ensureDatabase } from '../../src/lib/database/createDatabase'
import { closePayload } from '../../src/lib/closePayload'
import { createSiteConfig } from '../../src/lib/createSiteConfig'

export interface TestPayload {
  payload: Payload
  databaseUrl: string
  databaseName: string
  /** Destroys the Payload instance; the database is dropped at the end of the run. */
  cleanup: () => Promise<void>
}

/** Names a database after the test file and the run, so concurrent runs cannot collide. */
export function testDatabaseName(name: string): string {
  const suffix = `_${inject('runId')}`
  return `pp_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 63 - 3 - suffix.length)}${suffix}`
}

/** A fresh database with the site's schema and a Payload instance on it. */
export async function startTestPayload(name: string, args: Omit<SiteConfigArgs, 'databaseUrl'> = {}): Promise<TestPayload> {
  const serverUrl = inject('serverUrl')
  const databaseName = testDatabaseName(name)
  await dropDatabase(serverUrl, databaseName)
  const databaseUrl = await ensureDatabase(serverUrl, databaseName)
  const config = await createSiteConfig({ ...args, databaseUrl })
  const payload = await getPayload({ config, key: databaseName })
  return {
    cleanup: async () => {
      // The database itself is dropped by the global teardown, once no worker holds a
      // connection to it (a forced drop here kills pooled clients mid-flight).
      await closePayload(payload)
    },
    databaseName,
    databaseUrl,
    payload,
  }
}
