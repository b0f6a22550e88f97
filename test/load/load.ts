/**
 * `npm run test:load`: a bounded load run on 127.0.0.1 — autocannon with 50 connections for 60 s
 * (LOAD_CONNECTIONS / LOAD_SECONDS override) over mixed reads (post pages in both languages,
 * listings, the feed, REST lists, similar posts, search), while two editors save posts in
 * parallel (new drafts and updates of one post with a counter).
 *
 * Prints requests, errors by status, p99 latency, server RSS at start and end, and writes
 * expected/found; exits 1 on any 5xx, lost or duplicated write, or a failed editor save.
 */
import autocannon from 'autocannon'

import { finishScript, login, readerPaths, seedDatabase, startDatabase, startSite } from './harness'

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const EDITORS = 2

let running = true
const created: string[] = []
const editorErrors: Record<string, number> = {}
let updates = 0

async function editor(baseUrl: string, token: string, index: number, postId: number) {
  let n = 0
  while (running) {
    n++
    const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
    const title = `Load write ${process.pid}-${index}-${n}`
    const create = await fetch(`${baseUrl}/api/posts?draft=true`, {
      body: JSON.stringify({ highlights: [{ text: 'Written under load' }], language: n % 2 ? 'en' : 'tr', title }),
      headers,
      method: 'POST',
    }).catch(() => undefined)
    if (create?.status === 201) created.push(title)
    else editorErrors[String(create?.status ?? 'no answer')] = (editorErrors[String(create?.status ?? 'no answer')] ?? 0) + 1
    await create?.arrayBuffer().catch(() => undefined)
    const update = await fetch(`${baseUrl}/api/posts/${postId}?draft=true`, {
      body: JSON.stringify({ meta: { description: `Saved under load by editor ${index}, save ${n}` } }),
      headers,
      method: 'PATCH',
    }).catch(() => undefined)
    if (update?.status === 200) updates++
    else editorErrors[String(update?.status ?? 'no answer')] = (editorErrors[String(update?.status ?? 'no answer')] ?? 0) + 1
    await update?.arrayBuffer().catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function main() {
  console.log(`[load] starting PostgreSQL, seeding, starting next start on 127.0.0.1 (${CONNECTIONS} connections, ${SECONDS} s) …`)
  const db = await startDatabase('load')
  await seedDatabase(db.url)
  const site = await startSite(db.url)
  const failures: string[] = []
  try {
    const paths = await readerPaths(site.baseUrl)
    // Warm the ISR cache and the compiled routes once, as a deployed site would be.
    for (const path of paths) await (await fetch(`${site.baseUrl}${path}`)).arrayBuffer()
    const rssStart = site.rssMb()
    const tokens = await Promise.all([
      login(site.baseUrl, 'editor@example.com', 'editor-demo-2025'),
      login(site.baseUrl, 'admin@example.com', 'admin-demo-2025'),
    ])
    const [{ id: postId }] = await db.query<{ id: number }>("select id from posts where language = 'en' order by id limit 1")
    const editors = tokens.slice(0, EDITORS).map((token, index) => editor(site.baseUrl, token, index + 1, postId))

    // RSS every 10 s, to tell a plateau (caches filling) from steady growth (a leak).
    const rssSeries: number[] = [rssStart]
    const sampler = setInterval(() => rssSeries.push(site.rssMb()), 10_000)
    const result = await autocannon({
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: paths.map((path) => ({ method: 'GET', path })),
      timeout: 30,
      url: site.baseUrl,
    })
    running = false
    clearInterval(sampler)
    await Promise.all(editors)
    const rssEnd = site.rssMb()
    rssSeries.push(rssEnd)

    const statuses: Record<string, number> = {}
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stats as { count: number }).count
    const fiveXx = Object.entries(statuses).filter(([code]) => code.startsWith('5')).reduce((sum, [, count]) => sum + count, 0)
    const rows = await db.query<{ title: string }>("select title from posts where title like 'Load write %'")
    const found = new Map<string, number>()
    for (const row of rows) found.set(row.title, (found.get(row.title) ?? 0) + 1)
    const lost = created.filter((title) => !found.has(title))
    const duplicated = [...found.values()].filter((count) => count > 1).length
    const unexpected = rows.filter((row) => !created.includes(row.title)).length
    const [{ description }] = await db.query<{ description: null | string }>(
      "select version_meta_description as description from _posts_v where parent_id = $1 order by id desc limit 1",
      [postId],
    )

    const figures = {
      connections: CONNECTIONS,
      durationS: SECONDS,
      errors: result.errors,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      rssMb: { end: rssEnd, every10s: rssSeries, start: rssStart },
      statuses,
      timeouts: result.timeouts,
      writes: {
        duplicated,
        editorErrors,
        expected: created.length,
        found: rows.length,
        lost: lost.length,
        lastUpdateSaved: description,
        unexpected,
        updates,
      },
    }
    console.log('[load] figures')
    console.log(`  requests ${figures.requests} (${figures.requestsPerSecond}/s), statuses ${JSON.stringify(statuses)}, errors ${result.errors}, timeouts ${result.timeouts}`)
    console.log(`  latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`)
    console.log(`  server RSS start ${rssStart} MB, end ${rssEnd} MB (every 10 s: ${rssSeries.join(', ')})`)
    console.log(`  writes: expected ${created.length}, found ${rows.length}, lost ${lost.length}, duplicated ${duplicated}, unexpected ${unexpected}; updates saved ${updates}; editor errors ${JSON.stringify(editorErrors)}`)
    console.log(JSON.stringify({ load: figures }))

    if (fiveXx > 0) failures.push(`${fiveXx} response(s) with a 5xx status`)
    if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} connection error(s), ${result.timeouts} timeout(s)`)
    if (lost.length > 0) failures.push(`${lost.length} acknowledged write(s) lost`)
    if (duplicated > 0 || unexpected > 0) failures.push(`${duplicated} duplicated and ${unexpected} unacknowledged write(s) in the database`)
    if (Object.keys(editorErrors).length > 0) failures.push(`editor saves failed: ${JSON.stringify(editorErrors)}`)
    if (!description?.startsWith('Saved under load')) failures.push('the last update is not in the versions table')
  } catch (error) {
    failures.push(String((error as Error).stack ?? error))
  } finally {
    running = false
    await site.stop()
    await db.stop().catch(() => undefined)
  }
  finishScript('load', failures, site.output())
}

void main()
