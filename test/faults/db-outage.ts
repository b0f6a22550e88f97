/**
 * `npm run test:faults`: readers keep reading through a database outage.
 *
 * On 127.0.0.1: an embedded PostgreSQL seeded with the demo content and 16 more posts, and
 * `next start`. First a post is published and the script waits for the server to render its
 * pages again (publish-to-warm time, from the server's `[cache] warmed` line). Then the cached
 * set — ≥ 20 post pages, listings, author and category pages, feeds, sitemap — is read once;
 * a few post pages and the search pages are never read (the uncached set). Under load (readers
 * of both sets, an API reader, an editor creating drafts), PostgreSQL is stopped for 10 s and
 * started again.
 *
 * Phases (test/faults/outageChecks.ts): before, stopping (PostgreSQL shutting down), outage
 * (gone), recovery (from the start command to 5 s after it accepts connections), after.
 *
 * Fails unless (outageFailures): cached pages answer 200 with their content (the article's
 * title, the author's name …) and within 5 s in every phase; uncached pages get the "temporarily
 * unavailable" 503 page with Retry-After during the outage; no request takes more than 5 s
 * while PostgreSQL stops or is gone; nothing goes unanswered; no 5xx but 503, ever; before and
 * after the outage everything answers 2xx/3xx, without a restart; every acknowledged write is in
 * the database exactly once. Prints figures per class and phase and a JSON line.
 */
import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { finishScript, login, root, seedDatabase, startDatabase, startSite } from '../load/harness'
import { type Kind, KINDS, type Phase, PHASES, type Sample, allFigures, apiRecoveredMs, outageFailures, phaseOfRequest } from './outageChecks'

const CACHED_READERS = Number(process.env.FAULT_READERS ?? 6)
// More editors make a write in flight at the moment PostgreSQL shuts down likely.
const WRITERS = Number(process.env.FAULT_WRITERS ?? 1)
const UNCACHED_READERS = 2
const EXTRA_POSTS = 16
const UNCACHED_POSTS = 6
const WARMUP_MS = 10_000
const OUTAGE_MS = 10_000
const RECOVERY_GRACE_MS = 5_000
const AFTER_MS = 20_000
const REQUEST_TIMEOUT_MS = 15_000
const WARM_TIMEOUT_MS = 60_000

interface Target {
  path: string
  /** Text the page must contain (cached pages) — a title, a name. */
  marker?: string
}

let phase: Phase = 'before'
/** When PostgreSQL accepted connections again (performance.now()). */
let readyAt: number | undefined
let running = true
const samples: Sample[] = []
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sinceReady = (at: number) => (readyAt === undefined ? undefined : Math.round(at - readyAt))

// React escapes these in text; compare with the plain title.
const decodeHtml = (html: string): string =>
  html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

async function timed(url: string, init?: RequestInit) {
  const started = performance.now()
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const body = await response.text()
    return { body, ms: performance.now() - started, response, status: response.status }
  } catch {
    return { body: '', ms: performance.now() - started, response: undefined, status: 0 }
  }
}

const isUnavailablePage = (status: number, body: string, response?: Response) =>
  status === 503 && body.includes('Temporarily unavailable') && response?.headers.get('retry-after') === '10'

async function reader(baseUrl: string, kind: Exclude<Kind, 'write'>, targets: Target[], offset: number, from: Phase[] = []) {
  while (running && from.length > 0 && !from.includes(phase)) await sleep(50)
  let i = offset
  while (running) {
    const target = targets[i++ % targets.length]
    const at = phase
    const sentAt = performance.now()
    const { body, ms, response, status } = await timed(`${baseUrl}${target.path}`)
    let ok = status === 200
    // Served as usual: not the outage's headers either.
    if (kind === 'cached') ok = status === 200 && decodeHtml(body).includes(target.marker ?? '') && !response?.headers.has('retry-after')
    if (kind === 'uncached') ok = status === 200 || isUnavailablePage(status, body, response)
    if (kind === 'api') ok = status === 200 || status === 503
    samples.push({ detail: status >= 500 ? body.slice(0, 160) : undefined, kind, ms, ok, path: target.path, phase: phaseOfRequest(at, phase), sinceReadyMs: sinceReady(sentAt), status })
  }
}

const acknowledged: string[] = []
let writeAttempts = 0

async function writer(baseUrl: string, token: string, editor: number) {
  let n = 0
  while (running) {
    const title = `Fault write ${process.pid} ${editor} ${++n}`
    writeAttempts++
    const at = phase
    const sentAt = performance.now()
    const { body, ms, status } = await timed(`${baseUrl}/api/posts?draft=true`, {
      body: JSON.stringify({ language: n % 2 ? 'en' : 'tr', title }),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    samples.push({ detail: status >= 500 ? body.slice(0, 160) : undefined, kind: 'write', ms, ok: status === 201 || status === 503, path: 'POST /api/posts', phase: phaseOfRequest(at, phase), sinceReadyMs: sinceReady(sentAt), status })
    if (status === 201) acknowledged.push(title)
    await sleep(200)
  }
}

/** 16 more published posts (8 per language), written in this process: nothing is cached yet. */
async function morePosts(payload: Payload): Promise<void> {
  for (let i = 1; i <= EXTRA_POSTS; i++) {
    const language = i % 2 ? 'en' : 'tr'
    await payload.create({
      collection: 'posts',
      context: { disableRevalidate: true },
      data: {
        _status: 'published',
        highlights: [{ text: `Reader post ${i} keeps being readable while the database is down.` }],
        language,
        title: language === 'en' ? `Caspian shipping note ${i}` : `Hazar taşımacılığı notu ${i}`,
      } as never,
      overrideAccess: true,
    })
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return (await response.json()) as T
}

/** The cached and uncached sets, from what the site publishes. */
async function targets(baseUrl: string) {
  type Doc = { id: number; language: string; slug: string; title: string }
  const posts = (await getJson<{ docs: Doc[] }>(`${baseUrl}/api/posts?limit=200&depth=0&sort=-publishedAt&select[slug]=true&select[language]=true&select[title]=true`)).docs
  const authors = (await getJson<{ docs: { name: string; slug: string }[] }>(`${baseUrl}/api/authors?limit=50&depth=0`)).docs
  const categories: Record<string, { name: string; slug: string }[]> = {}
  for (const lang of ['en', 'tr']) categories[lang] = (await getJson<{ docs: { name: string; slug: string }[] }>(`${baseUrl}/api/categories?limit=50&depth=0&locale=${lang}`)).docs
  const uncachedPosts = [...posts.filter((post) => post.language === 'en').slice(-UNCACHED_POSTS / 2), ...posts.filter((post) => post.language === 'tr').slice(-UNCACHED_POSTS / 2)]
  const cachedPosts = posts.filter((post) => !uncachedPosts.includes(post))
  const latest = (lang: string) => posts.find((post) => post.language === lang)!
  const cached: Target[] = [
    ...cachedPosts.map((post) => ({ marker: post.title, path: `/${post.language}/${post.slug}` })),
    ...['en', 'tr'].map((lang) => ({ marker: latest(lang).title, path: `/${lang}` })),
    ...['en', 'tr'].flatMap((lang) => authors.map((author) => ({ marker: author.name, path: `/${lang}/authors/${author.slug}` }))),
    ...['en', 'tr'].flatMap((lang) => categories[lang].map((category) => ({ marker: category.name, path: `/${lang}/categories/${category.slug}` }))),
    ...['en', 'tr'].map((lang) => ({ marker: latest(lang).title, path: `/${lang}/feed.xml` })),
    { marker: '/sitemaps/posts-1.xml', path: '/sitemap.xml' },
    { marker: `/en/${latest('en').slug}`, path: '/sitemaps/posts-1.xml' },
  ]
  const uncached: Target[] = [
    ...uncachedPosts.map((post) => ({ path: `/${post.language}/${post.slug}` })),
    { path: '/en/search?q=corridor' },
    { path: '/tr/search?q=koridor' },
  ]
  return { cached, uncached }
}

/** Publishes a new post and waits for the server's `[cache] warmed` line; returns its figures. */
const TITLE = 'Warmed on publish: Caspian ports'
async function publishAndWaitForWarm(baseUrl: string, token: string, output: () => string) {
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const created = await getJson<{ doc: { id: number; slug: string } }>(`${baseUrl}/api/posts?draft=true`, {
    body: JSON.stringify({ language: 'en', title: TITLE, highlights: [{ text: 'Rendered by the server itself right after publishing.' }] }),
    headers,
    method: 'POST',
  })
  // The listing's data is cached before the publish: the warm must replace it.
  const listingBefore = await timed(`${baseUrl}/en`)
  if (listingBefore.status !== 200 || decodeHtml(listingBefore.body).includes(TITLE)) throw new Error('/en before publishing: not 200, or shows the draft')
  const logBefore = output().length
  const started = performance.now()
  const published = await fetch(`${baseUrl}/api/posts/${created.doc.id}`, { body: JSON.stringify({ _status: 'published' }), headers, method: 'PATCH' })
  if (!published.ok) throw new Error(`publishing failed: HTTP ${published.status}`)
  const publishMs = performance.now() - started
  for (;;) {
    const line = /\[cache\] warmed (\d+)\/(\d+) page\(s\) (\d+) ms after the change[^\n]*/.exec(output().slice(Math.max(0, logBefore - 2_000)))
    if (line) {
      // The post page (ISR) is a cache hit: the warm rendered it. The listing (rendered per
      // request from the data cache) already lists it.
      const page = await timed(`${baseUrl}/en/${created.doc.slug}`)
      const pageCache = page.response?.headers.get('x-nextjs-cache') ?? 'none'
      if (page.status !== 200 || pageCache !== 'HIT' || !decodeHtml(page.body).includes(TITLE)) {
        throw new Error(`the published post's page after the warm: ${page.status}, x-nextjs-cache ${pageCache}`)
      }
      const listing = await timed(`${baseUrl}/en`)
      if (!decodeHtml(listing.body).includes(TITLE)) throw new Error('/en after the warm does not list the published post')
      return {
        line: line[0],
        pages: { total: Number(line[2]), warmed: Number(line[1]) },
        publishRequestMs: Math.round(publishMs),
        publishToWarmMs: Math.round(performance.now() - started),
        serverMs: Number(line[3]),
        target: { marker: TITLE, path: `/en/${created.doc.slug}` },
      }
    }
    if (performance.now() - started > WARM_TIMEOUT_MS) throw new Error('the server logged no "[cache] warmed" line within 60 s of publishing')
    await sleep(20)
  }
}

async function main() {
  console.log('[faults] starting PostgreSQL, seeding, starting next start on 127.0.0.1 …')
  const db = await startDatabase('faults')
  await seedDatabase(db.url, morePosts)
  const site = await startSite(db.url)
  const failures: string[] = []
  try {
    const token = await login(site.baseUrl, 'editor@example.com', 'editor-demo-2025')
    const warm = await publishAndWaitForWarm(site.baseUrl, token, site.output)
    console.log(`[faults] publish → warm: ${warm.publishToWarmMs} ms (server: ${warm.serverMs} ms after the change; PATCH took ${warm.publishRequestMs} ms): ${warm.line}`)
    if (warm.pages.warmed !== warm.pages.total) failures.push(`warming after publish: ${warm.line}`)

    const { cached: read, uncached } = await targets(site.baseUrl)
    // Cached by reading them once; the published post's page was cached by the warm.
    for (const target of read) {
      const { body, status } = await timed(`${site.baseUrl}${target.path}`)
      if (status !== 200 || !decodeHtml(body).includes(target.marker ?? '')) failures.push(`before the outage ${target.path} answered ${status} without "${target.marker}"`)
    }
    const cached = [...read.filter((target) => target.path !== warm.target.path), warm.target]
    console.log(`[faults] ${cached.length} cached URLs, ${uncached.length} uncached (${uncached.map((target) => target.path).join(', ')})`)

    const rssStart = site.rssMb()
    const workers = [
      ...Array.from({ length: CACHED_READERS }, (_, i) => reader(site.baseUrl, 'cached', cached, i * 7)),
      // Read only from the outage on: before it they would cache these pages.
      ...Array.from({ length: UNCACHED_READERS }, (_, i) => reader(site.baseUrl, 'uncached', uncached, i, ['outage', 'recovery', 'after'])),
      reader(site.baseUrl, 'api', [{ path: '/api/posts?limit=5&depth=0' }, { path: '/api/posts/search?q=corridor&lang=en' }], 0),
      ...Array.from({ length: WRITERS }, (_, editor) => writer(site.baseUrl, token, editor)),
    ]
    await sleep(WARMUP_MS)

    console.log('[faults] stopping PostgreSQL for 10 s')
    const stopAt = performance.now()
    phase = 'stopping'
    await db.stop()
    // The outage starts when PostgreSQL is gone: a page read while it shuts down may still render.
    const stoppedAt = performance.now()
    phase = 'outage'
    await sleep(Math.max(0, OUTAGE_MS - (performance.now() - stopAt)))
    console.log('[faults] starting PostgreSQL again')
    // From here on PostgreSQL may answer again (or refuse while it starts up): not the outage.
    const startAt = performance.now()
    phase = 'recovery'
    await db.start()
    readyAt = performance.now()
    console.log(`[faults] PostgreSQL took ${Math.round(stoppedAt - stopAt)} ms to stop, ${Math.round(readyAt - startAt)} ms to start`)
    await sleep(RECOVERY_GRACE_MS)
    phase = 'after'
    await sleep(AFTER_MS)
    running = false
    await Promise.all(workers)

    const alive = site.child.exitCode === null
    const rssEnd = site.rssMb()
    const rows = await db.query<{ title: string }>("select title from posts where title like 'Fault write %'")
    const found = new Map<string, number>()
    for (const row of rows) found.set(row.title, (found.get(row.title) ?? 0) + 1)
    const lost = acknowledged.filter((title) => !found.has(title))
    const duplicated = [...found.entries()].filter(([, count]) => count > 1)

    const figures = allFigures(samples)
    const recoveredMs = apiRecoveredMs(samples)
    console.log('[faults] figures (ok: cached = 200 with its title/name; uncached = the 503 page with Retry-After, or 200 once rendered)')
    for (const kind of KINDS) {
      for (const which of PHASES) {
        const f = figures[kind][which]
        if (f.requests === 0) continue
        console.log(
          `  ${kind.padEnd(8)} ${which.padEnd(8)} requests ${String(f.requests).padStart(5)}  ok ${String(f.ok).padStart(5)}  p99 ${String(f.p99Ms).padStart(5)} ms  max ${String(f.maxMs).padStart(5)} ms  status ${JSON.stringify(f.byStatus)}`,
        )
        if (f.notOk.length > 0) console.log(`           not ok: ${f.notOk.join('; ')}`)
      }
    }
    console.log(`  API answering 2xx again ${recoveredMs ?? 'never'} ms after PostgreSQL accepted connections`)
    console.log(`  server alive after the outage: ${alive}; RSS start ${rssStart} MB, end ${rssEnd} MB`)
    console.log(`  writes: attempted ${writeAttempts}, acknowledged (expected) ${acknowledged.length}, found ${rows.length}, lost ${lost.length}, duplicated ${duplicated.length}`)

    if (!alive) failures.push('the server process died during the outage')
    failures.push(...outageFailures(samples))
    if (lost.length > 0) failures.push(`${lost.length} acknowledged write(s) lost: ${lost.slice(0, 5).join(', ')}`)
    if (duplicated.length > 0) failures.push(`${duplicated.length} write(s) duplicated`)
    console.log(
      JSON.stringify({
        faults: {
          ...figures,
          apiRecoveredMs: recoveredMs ?? null,
          publishToWarm: { ms: warm.publishToWarmMs, pages: warm.pages, serverMs: warm.serverMs },
          rssMb: { end: rssEnd, start: rssStart },
          serverAlive: alive,
          urls: { cached: cached.length, uncached: uncached.length },
          writes: { acknowledged: acknowledged.length, attempted: writeAttempts, duplicated: duplicated.length, found: rows.length, lost: lost.length },
        },
      }),
    )
  } catch (error) {
    failures.push(String((error as Error).stack ?? error))
  } finally {
    running = false
    await site.stop()
    await db.stop().catch(() => undefined)
  }
  if (failures.length > 0) {
    // Every request and the server's whole output, to find out why afterwards.
    fs.writeFileSync(path.join(root, '.data', 'faults-samples.json'), JSON.stringify(samples))
    fs.writeFileSync(path.join(root, '.data', 'faults-server.log'), site.output())
    console.error('[faults] every request: .data/faults-samples.json; the server output: .data/faults-server.log')
  }
  finishScript('faults', failures, site.output())
}

void main()
