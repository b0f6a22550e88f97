/**
 * Scale-out: two `next start` instances (A and B, different ports) on one Postgres database
 * and one Redis-backed Next.js cache (src/lib/cacheHandler.mjs, enabled by REDIS_URL).
 * Publishing the Turkish version through instance A must change the language switch that
 * instance B serves on its very next request, although B had the English page cached.
 *
 * Needs Redis: REDIS_URL, else redis://127.0.0.1:6379. Without a reachable Redis the test is
 * skipped with a message (see README "Performance" for running one).
 */
import crypto from 'node:crypto'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { redisReachable } from '../helpers/redis'
import { startSiteServer } from '../helpers/siteServer'

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const ALSO_AVAILABLE = 'This post is also available in'

const haveRedis = await redisReachable(REDIS_URL)
if (!haveRedis) console.warn(`[scale-out] skipped: no Redis at ${REDIS_URL} (set REDIS_URL)`)

describe.skipIf(!haveRedis)('two instances sharing Postgres and a Redis cache', () => {
  // A key namespace of this run only, removed afterwards.
  const prefix = `pp-test-${crypto.randomBytes(4).toString('hex')}`
  // Warming after publish stays on: a warm render still running when the unpublish purges the
  // tags must not be stored as fresh (src/lib/cacheWrites.mjs).
  const env = { REDIS_KEY_PREFIX: prefix, REDIS_URL }
  let a: SiteServer
  let b: SiteServer
  const customs = { en: '', tr: '', trId: 0 }

  beforeAll(async () => {
    a = await startSiteServer('scale_out', { env })
    b = await startSiteServer('scale_out', { env, shareDatabaseWith: a })
    const find = async (where: Record<string, unknown>) => {
      const { docs } = await a.payload.find({ collection: 'posts', depth: 0, draft: true, limit: 1, overrideAccess: true, where: where as never })
      if (!docs[0]?.slug) throw new Error(`seeded customs-union post not found (${JSON.stringify(where)})`)
      return docs[0]
    }
    // the seeded customs-union piece: English published, Turkish a draft
    const en = await find({ and: [{ title: { equals: 'A Thirty-Year-Old Customs Union Meets the Carbon Border' } }, { language: { equals: 'en' } }] })
    const group = typeof en.translationGroup === 'object' ? en.translationGroup?.id : en.translationGroup
    const tr = await find({ and: [{ translationGroup: { equals: group } }, { language: { equals: 'tr' } }] })
    expect(en._status).toBe('published')
    expect(tr._status).toBe('draft')
    customs.en = en.slug!
    customs.tr = tr.slug!
    customs.trId = tr.id
  })

  afterAll(async () => {
    await b?.stop()
    await a?.stop()
    const client = createClient({ url: REDIS_URL })
    client.on('error', () => undefined)
    await client.connect()
    try {
      const keys: string[] = []
      for await (const batch of client.scanIterator({ COUNT: 500, MATCH: `${prefix}:*` })) keys.push(...batch)
      if (keys.length) await client.unlink(keys)
    } finally {
      await client.close()
    }
  })

  it('B serves the updated language switch right after the Turkish version is published through A', async () => {
    const page = `/en/${customs.en}`
    // Both instances have the English page cached, without a switch (Turkish is a draft).
    for (const server of [b, a, b]) {
      const response = await fetch(`${server.baseUrl}${page}`)
      expect(response.status).toBe(200)
      expect(await response.text()).not.toContain(ALSO_AVAILABLE)
    }
    const cachedOnB = await fetch(`${b.baseUrl}${page}`)
    await cachedOnB.text()
    expect(cachedOnB.headers.get('x-nextjs-cache')).toBe('HIT')

    const login = await fetch(`${a.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-demo-2025' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const patch = (status: 'draft' | 'published') =>
      fetch(`${a.baseUrl}/api/posts/${customs.trId}`, {
        body: JSON.stringify({ _status: status }),
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        method: 'PATCH',
      })

    expect((await patch('published')).status).toBe(200)
    // B's next request: the switch lists the Turkish version, with hreflang.
    const afterPublish = await (await fetch(`${b.baseUrl}${page}`)).text()
    expect(afterPublish).toContain(ALSO_AVAILABLE)
    expect(afterPublish).toContain(`href="/tr/${customs.tr}"`)
    expect(afterPublish).toMatch(/hreflang="tr"/i)
    expect((await fetch(`${b.baseUrl}/tr/${customs.tr}`)).status).toBe(200)

    // And back: unpublished through A, gone from B's switch on its next request.
    expect((await patch('draft')).status).toBe(200)
    expect(await (await fetch(`${b.baseUrl}${page}`)).text()).not.toContain(ALSO_AVAILABLE)
    expect((await fetch(`${b.baseUrl}/tr/${customs.tr}`)).status).toBe(404)

    // Once both warms on A are done — the publish's, which may still have been rendering when the
    // unpublish purged its tags, and the unpublish's — nothing of the published state is cached.
    const warms = () => (a.output().match(/\[cache\] warmed \d+\/\d+ page/g) ?? []).length
    const deadline = Date.now() + 30_000
    while (warms() < 2) {
      if (Date.now() > deadline) throw new Error(`A did not log both warms:\n${a.output().slice(-3_000)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    for (const server of [b, a]) expect(await (await fetch(`${server.baseUrl}${page}`)).text()).not.toContain(ALSO_AVAILABLE)
  })
})
