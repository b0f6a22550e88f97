/**
 * Requests that reach Payload while PostgreSQL goes away (the ones already past the proxy's
 * probe, src/proxy.ts) are answered 503 with Retry-After, never 500 (or 403 for a login that
 * could not be checked), over REST and GraphQL: Payload's real handlers in process, a real
 * PostgreSQL whose backends are terminated (57P01) and a pool pointed at a closed port
 * (ECONNREFUSED). The site's afterError hook and pool watcher also mark the database down.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload } from 'payload'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { closePayload } from '../../src/lib/closePayload'
import { databaseFailedRecently, resetDatabaseHealth } from '../../src/lib/database/health'
import { answer503WhenDatabaseUnavailable } from '../../src/lib/database/routes'
import { isDatabaseUnavailableError } from '../../src/lib/database/unavailable'
import { startCuttableProxy } from '../helpers/cuttableProxy'
import { createUser } from '../helpers/fixtures'
import { freePort } from '../helpers/freePort'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

const MESSAGE = 'The database is unavailable; try again shortly.'

interface PoolLike {
  connect: () => Promise<{ release: () => void }>
  idleCount: number
  options: { connectionString?: string; max?: number }
  totalCount: number
}

const poolOf = (payload: Payload) => (payload.db as unknown as { pool: PoolLike }).pool

describe('database outage during a request', () => {
  let t: TestPayload
  let rest: ReturnType<typeof restClient>
  let admin: pg.Client
  let token: string
  let realUrl: string
  /** The route handlers' own Payload instance (getPayload's default key), with its own pool. */
  let routePayload: Payload

  /** Ends every connection the test Payload holds (what a PostgreSQL shutdown does: 57P01). */
  async function terminateBackends(): Promise<number> {
    const { rows } = await admin.query<{ terminated: boolean }>(
      'select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [t.databaseName],
    )
    return rows.length
  }

  async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** The pool's connections are killed and new ones go to a port nothing listens on. */
  async function breakDatabase() {
    const closed = `postgres://postgres:postgres@127.0.0.1:${await freePort()}/${t.databaseName}`
    const pools = [poolOf(t.payload), poolOf(routePayload)]
    for (const pool of pools) pool.options.connectionString = closed
    await terminateBackends()
    // (The adapter keeps one connection checked out for good, so totalCount never reaches 0.)
    await waitFor(() => pools.every((pool) => pool.idleCount === 0), 'the pools to drop their terminated idle connections')
  }

  function restoreDatabase() {
    for (const payload of [t.payload, routePayload]) if (payload) poolOf(payload).options.connectionString = realUrl
    resetDatabaseHealth()
  }

  beforeAll(async () => {
    t = await startTestPayload('database-outage', {
      extend: {
        // A request that holds its connection for a while, to cut it mid-query.
        endpoints: [
          {
            handler: async (req) => {
              await (req.payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<unknown> } }).drizzle.execute(
                sql`select pg_sleep(30) as slow_request`,
              )
              return Response.json({ slept: true })
            },
            method: 'get',
            path: '/slow-request',
          },
        ],
      },
    })
    rest = restClient(t.payload)
    realUrl = poolOf(t.payload).options.connectionString!
    const editor = await createUser(t.payload, 'editor')
    token = await rest.login(editor.email, editor.password)
    routePayload = await getPayload({ config: Promise.resolve(t.payload.config) })
    admin = new pg.Client({ connectionString: realUrl })
    await admin.connect()
  })

  afterEach(() => restoreDatabase())

  afterAll(async () => {
    await admin?.end()
    if (routePayload) await closePayload(routePayload)
    await t?.cleanup()
  })

  it('a connection terminated mid-request (57P01) is a 503 with Retry-After, and the next request works', async () => {
    resetDatabaseHealth()
    const pending = rest.get('/slow-request')
    await waitFor(async () => {
      const { rows } = await admin.query("select 1 from pg_stat_activity where datname = $1 and query like '%slow_request%' and state = 'active' and pid <> pg_backend_pid()", [t.databaseName])
      return rows.length > 0
    }, 'the slow query to start')
    expect(await terminateBackends()).toBeGreaterThan(0)
    const response = await pending
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('10')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.body).toEqual({ errors: [{ message: MESSAGE }] })
    expect(databaseFailedRecently()).toBe(true)
    // The pool replaced the killed connections: PostgreSQL never went away here.
    expect((await rest.get('/posts?limit=1')).status).toBe(200)
  })

  /**
   * Points the pool's new connections at a proxy that can cut them, and drops the ones it had
   * (terminated, so none bypasses the proxy); `restore` points it back at the database.
   */
  async function poolThroughProxy() {
    resetDatabaseHealth()
    const pool = poolOf(t.payload)
    const url = new URL(realUrl)
    const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) })
    const viaProxy = new URL(realUrl)
    viaProxy.host = `127.0.0.1:${proxy.port}`
    pool.options.connectionString = viaProxy.toString()
    await terminateBackends()
    await waitFor(() => pool.idleCount === 0, 'the pool to drop its terminated idle connections')
    return Object.assign(proxy, {
      restore: async () => {
        pool.options.connectionString = realUrl
        await proxy.close()
        await waitFor(() => pool.idleCount === 0, 'the proxied connections to close')
      },
    })
  }

  it('a connection cut between checkout and BEGIN does not cost the pool its slot: writes work again at once', async () => {
    // Drizzle's transaction() runs BEGIN outside its try/finally: when BEGIN fails (the
    // connection died while PostgreSQL shut down), the client is never released and the pool
    // counts it for good. After a few restarts every slot was taken and each request waited
    // for the connect timeout, then got a 503, with PostgreSQL up again.
    const pool = poolOf(t.payload)
    const max = pool.options.max ?? 10
    const proxy = await poolThroughProxy()
    try {
      const checkedOutBefore = pool.totalCount - pool.idleCount
      // Fill every free slot with an idle connection through the proxy.
      const free = max - pool.totalCount
      expect(free).toBeGreaterThan(2)
      const clients = await Promise.all(Array.from({ length: free }, () => pool.connect()))
      for (const client of clients) client.release()
      expect(pool.idleCount).toBe(free)

      proxy.cutOnNextWrite()
      const cut = await Promise.allSettled(
        Array.from({ length: free }, (_, i) =>
          t.payload.create({ collection: 'posts', data: { language: 'en', title: `Cut at BEGIN ${i}` } as never, draft: true, overrideAccess: true }),
        ),
      )
      for (const result of cut) {
        expect(result.status).toBe('rejected')
        expect(isDatabaseUnavailableError((result as PromiseRejectedResult).reason)).toBe(true)
      }
      proxy.heal()

      // The cut connections left the pool: it holds what it held before, and a full pool's
      // worth of writes goes through without waiting for the connect timeout.
      await waitFor(() => pool.totalCount - pool.idleCount === checkedOutBefore, 'the cut connections to leave the pool', 2_000)
      const started = Date.now()
      const after = await Promise.all(
        Array.from({ length: max }, (_, i) =>
          t.payload.create({ collection: 'posts', data: { language: 'en', title: `After the cut ${i}` } as never, draft: true, overrideAccess: true }),
        ),
      )
      expect(after).toHaveLength(max)
      expect(Date.now() - started).toBeLessThan(3_000)
    } finally {
      await proxy.restore()
    }
  })

  it('a write whose COMMIT fails is an error, not a success, and is not stored', async () => {
    // Payload's adapter swallowed a failed COMMIT: the API answered 201 for a post that was
    // rolled back (PostgreSQL went away between the last insert and the COMMIT).
    const proxy = await poolThroughProxy()
    const title = 'Cut at COMMIT'
    try {
      const id = await t.payload.db.beginTransaction()
      expect(id).toBeTruthy()
      const req = { transactionID: id! } as never
      await t.payload.create({ collection: 'posts', data: { language: 'en', title } as never, draft: true, overrideAccess: true, req })
      proxy.cutOnNextWrite()
      const commit = await t.payload.db.commitTransaction(id!).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(commit, 'commitTransaction resolved although COMMIT failed').toBeDefined()
      expect(isDatabaseUnavailableError(commit)).toBe(true)
    } finally {
      proxy.heal()
      await proxy.restore()
    }
    expect(await t.payload.count({ collection: 'posts', overrideAccess: true, where: { title: { equals: title } } })).toEqual({ totalDocs: 0 })
  })

  it('REST reads answer 503 (not 500) when the pool cannot connect (ECONNREFUSED)', async () => {
    await breakDatabase()
    resetDatabaseHealth()
    for (const path of ['/posts?limit=5', '/posts/1', '/authors', '/posts/search?q=corridor&lang=en']) {
      const response = await rest.get(path)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('retry-after'), path).toBe('10')
      expect(response.body, path).toEqual({ errors: [{ message: MESSAGE }] })
    }
    // The pool watcher and the hook marked the database down for the proxy.
    expect(databaseFailedRecently()).toBe(true)
  })

  it('a signed-in write whose login cannot be checked is a 503, not a 403, and writes nothing', async () => {
    const before = await t.payload.count({ collection: 'posts', overrideAccess: true })
    await breakDatabase()
    const create = await rest.post('/posts?draft=true', { body: { language: 'en', title: 'Written during the outage' }, token })
    expect(create.status).toBe(503)
    expect(create.headers.get('retry-after')).toBe('10')
    const update = await rest.patch('/posts/1', { body: { title: 'Changed during the outage' }, token })
    expect(update.status).toBe(503)
    // Reading users needs a login: the token could not be checked, which is the outage (503)…
    const users = await rest.get('/users', { token })
    expect(users.status).toBe(503)
    expect(users.headers.get('retry-after')).toBe('10')
    // … while a request without credentials is refused as before, without the database.
    expect((await rest.get('/users')).status).toBe(403)
    // Logging in needs the database too.
    const login = await rest.post('/users/login', { body: { email: 'nobody@example.test', password: 'whatever-123' } })
    expect(login.status).toBe(503)
    restoreDatabase()
    expect(await t.payload.count({ collection: 'posts', overrideAccess: true })).toEqual(before)
    // Without the outage the same token works again.
    expect((await rest.post('/posts?draft=true', { body: { language: 'en', title: 'Written after the outage' }, token })).status).toBe(201)
  })

  it('an anonymous write is still a 403 when the database is fine', async () => {
    resetDatabaseHealth()
    const response = await rest.post('/posts?draft=true', { body: { language: 'en', title: 'Anonymous' } })
    expect(response.status).toBe(403)
  })

  it('GraphQL answers 503 through the site route (not 200 with errors)', async () => {
    const route = answer503WhenDatabaseUnavailable(GRAPHQL_POST(Promise.resolve(t.payload.config)))
    const ask = (query: string, auth?: string) =>
      route(
        new Request('http://localhost/api/graphql', {
          body: JSON.stringify({ query }),
          headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `JWT ${auth}` } : {}) },
          method: 'POST',
        }),
      )
    expect((await ask('{ Posts(limit: 1) { totalDocs } }')).status).toBe(200)

    await breakDatabase()
    const read = await ask('{ Posts(limit: 1) { totalDocs } }')
    expect(read.status).toBe(503)
    expect(read.headers.get('retry-after')).toBe('10')
    expect(read.headers.has('x-policy-posts-database-unavailable')).toBe(false)
    const body = (await read.json()) as { errors: { extensions: { statusCode: number }; message: string }[] }
    expect(body.errors[0]).toMatchObject({ extensions: { statusCode: 503 }, message: MESSAGE })

    const write = await ask('mutation { createPost(data: { title: "GraphQL during the outage", language: en }, draft: true) { id } }', token)
    expect(write.status).toBe(503)
  })
})
