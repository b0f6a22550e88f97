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
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import fs from 'node:fs'
import path from 'node:path'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { createClient } from 'redis'

const CONNECT_TIMEOUT_MS = 2_000

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
    return { handlers: [createRedisHandler({ client, keyPrefix, timeoutMs: 1_000 })] }
  })()
  return globalThis.__policyPostsRedisCache
})

export default CacheHandler
