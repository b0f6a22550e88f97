// The Next.js cache shared by several `next start` instances: rendered pages (ISR) and
// `unstable_cache` data live in Redis, so a publish that revalidates tags on one instance is
// seen by every instance on its next request. next.config.mjs points Next here only when
// REDIS_URL is set; without it the site keeps Next's single-instance default.
//
// REDIS_URL           redis://[user:password@]host:6379[/db] (rediss:// for TLS)
// REDIS_KEY_PREFIX    namespace of this site's keys (default "policy-posts"); the build id is
//                     appended, so a new deployment never reads entries of the previous one.
// If Redis cannot be reached, reads miss and pages are rendered on every request (slower, never
// stale); the client keeps reconnecting in the background.
//
// A write whose render began before the newest revalidation of one of its tags is dropped, and a
// kept one is dated by its render's start (src/lib/cacheWrites.mjs). Every revalidated tag's time
// goes to the hash the Redis handler already compares an entry's date with on each read (it only
// kept path tags there), so a revalidation landing after the check still expires the entry. The
// times come from each host's clock: the hosts' clocks must agree (NTP).
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import fs from 'node:fs'
import path from 'node:path'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { createClient } from 'redis'

import { cacheWriteDecision, entryTags, isStaleHit } from './cacheWrites.mjs'
import { RenderStarts } from './renderStarts.mjs'

const CONNECT_TIMEOUT_MS = 2_000
// the hash of tag → last revalidation (epoch ms) of @fortedigital/nextjs-cache-handler's Redis handler
const REVALIDATED_TAGS = '__revalidated_tags__'

function buildId() {
  try {
    return fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'dev'
  }
}

async function connect(url) {
  let reported = false
  const client = createClient({
    // fail fast while disconnected instead of queueing commands behind a dead socket
    disableOfflineQueue: true,
    pingInterval: 10_000,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(200 * 2 ** Math.min(retries, 5), 5_000),
    },
    url,
  })
  client.on('error', (error) => {
    if (reported) return
    reported = true
    console.error(`[cache] Redis at ${new URL(url).host} unavailable (${error?.message ?? error}); pages are rendered uncached until it is back`)
  })
  client.on('ready', () => {
    if (reported) console.info('[cache] Redis connection restored')
    reported = false
  })
  // Do not hold the server's start-up hostage: after the timeout the handler starts anyway and
  // reads miss until the background connection succeeds.
  await Promise.race([client.connect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS))])
  return client
}

CacheHandler.onCreation(async () => {
  // `next build` prerenders without needing Redis.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.REDIS_URL) {
    return { handlers: [createLruHandler()] }
  }
  // One connection per process, however often Next constructs the handler.
  globalThis.__policyPostsRedisCache ??= (async () => {
    const client = await connect(process.env.REDIS_URL)
    const keyPrefix = `${process.env.REDIS_KEY_PREFIX || 'policy-posts'}:${buildId()}:`
    return { client, handlers: [createRedisHandler({ client, keyPrefix, timeoutMs: 1_000 })], revalidatedTagsKey: keyPrefix + REVALIDATED_TAGS }
  })()
  return globalThis.__policyPostsRedisCache
})

/** The Redis connection and the revalidation hash, or undefined without Redis (build, LRU). */
async function redis() {
  const configured = await globalThis.__policyPostsRedisCache
  return configured?.client?.isReady ? configured : undefined
}

const renderStarts = new RenderStarts()

class RaceSafeCacheHandler extends CacheHandler {
  async get(key, context) {
    const now = Date.now()
    const data = await super.get(key, context)
    if (!data || isStaleHit(data, context, now)) renderStarts.noteRead(key, now)
    return data
  }

  async set(key, data, context) {
    const now = Date.now()
    const startedAt = renderStarts.takeStart(key, now)
    const connection = await redis()
    if (!connection) return super.set(key, data, context)
    const tags = entryTags(data, context)
    let revalidatedAt = []
    try {
      if (tags.length > 0) revalidatedAt = (await connection.client.hmGet(connection.revalidatedTagsKey, tags)).map((time) => (time == null ? undefined : Number(time)))
    } catch {
      return // Redis went away: the write would fail as well
    }
    const { lastModified, store } = cacheWriteDecision({ revalidatedAt, startedAt, writtenAt: now })
    if (store) await super.set(key, data, { ...context, internal_lastModified: lastModified })
  }

  async revalidateTag(tags, durations) {
    const connection = await redis()
    const list = typeof tags === 'string' ? [tags] : tags
    if (connection && list.length > 0) {
      const now = String(Date.now())
      await connection.client.hSet(connection.revalidatedTagsKey, Object.fromEntries(list.map((tag) => [tag, now]))).catch(() => undefined)
    }
    return super.revalidateTag(tags, durations)
  }
}

export default RaceSafeCacheHandler
