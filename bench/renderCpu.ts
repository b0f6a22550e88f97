/**
 * `npx tsx bench/renderCpu.ts [--posts 1000] [--duration 10] [--warmup 15] [--cpu-prof DIR]`: the forced dynamic
 * render of the post page (draft-mode cookie) on the bench's private build and corpus (run
 * `npm run bench -- --only pages` once first), with the CPU it costs: the server's and the
 * bench PostgreSQL's CPU time (from /proc, process trees) per render — for 300 posts rendered
 * for the first time in this process (10 at a time, after a warm-up on 300 others), then for
 * the same posts again over a 10-connection run — and the latency with one connection.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'

import { BENCH_PG_DIR, benchServer, sizeLabel } from './lib/database'
import { treeCpuMs } from './lib/processTree'
import { load, SITE_DIR, startServer } from './lib/site'

const { values: args } = parseArgs({
  options: {
    'cpu-prof': { type: 'string' },
    duration: { default: '10', type: 'string' },
    'node-flags': { default: '', type: 'string' },
    posts: { default: '1000', type: 'string' },
    warmup: { default: '15', type: 'string' },
  },
})
/** Each path once, `connections` at a time; latencies in ms. */
async function pass(baseUrl: string, paths: string[], connections: number, headers: Record<string, string>): Promise<number[]> {
  const queue = [...paths]
  const latencies: number[] = []
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const started = performance.now()
        const response = await fetch(`${baseUrl}${next}`, { headers })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`${next} answered ${response.status}`)
        latencies.push(performance.now() - started)
      }
    }),
  )
  return latencies
}

const server = await benchServer()
const dbUrl = new URL(server.adminUrl)
dbUrl.pathname = `/bench_${sizeLabel(Number(args.posts))}`
const client = new pg.Client({ connectionString: dbUrl.toString() })
await client.connect()
const rows = (await client.query(`select language, slug from posts where _status = 'published' order by md5(id::text) limit 600`)).rows
await client.end()
const paths = rows.map((row) => `/${row.language}/${row.slug}`)
// JIT warm-up on one half; the other half is measured, first unseen (cold), then again (warm)
const [warmupPaths, rotation] = [paths.slice(0, 300), paths.slice(300)]
const postmaster = Number(fs.readFileSync(path.join(BENCH_PG_DIR, 'postmaster.pid'), 'utf8').split('\n')[0])

const nodeArgs = [...(args['node-flags'] ? args['node-flags'].split(' ') : []), ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [])]
const site = await startServer({ databaseUrl: dbUrl.toString(), env: { REDIS_URL: undefined }, nodeArgs })
const manifest = JSON.parse(fs.readFileSync(path.join(SITE_DIR, '.next/prerender-manifest.json'), 'utf8'))
const headers = { cookie: `__prerender_bypass=${manifest.preview.previewModeId}` }
const duration = Number(args.duration)
const cpu = () => ({ node: treeCpuMs(site.child.pid!), postgres: treeCpuMs(postmaster) })
const perRender = (before: { node: number; postgres: number }, renders: number) => {
  const after = cpu()
  return { node: Math.round(((after.node - before.node) / renders) * 10) / 10, postgres: Math.round(((after.postgres - before.postgres) / renders) * 10) / 10 }
}
const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10
try {
  await pass(site.baseUrl, warmupPaths, 10, headers)
  await load({ baseUrl: site.baseUrl, connections: 10, duration: Number(args.warmup), headers, paths: warmupPaths })
  // first render of each post (nothing of it cached in the process)
  let start = cpu()
  const cold = await pass(site.baseUrl, rotation, 10, headers)
  const coldCpu = perRender(start, rotation.length)
  // the same posts again: what the bench's (b) measures once it has seen them
  start = cpu()
  const many = await load({ baseUrl: site.baseUrl, connections: 10, duration, headers, paths: rotation })
  const warmCpu = perRender(start, many.requests)
  const one = await load({ baseUrl: site.baseUrl, connections: 1, duration, headers, paths: rotation })
  console.log(
    JSON.stringify({
      coldFirstRender: { cpuPerRenderMs: coldCpu, p50: median(cold) },
      loadAverage: os.loadavg()[0],
      oneConnection: { p50: one.latency.p50, p95: one.latency.p95, requestsPerSec: one.requestsPerSec },
      tenConnections: { cpuPerRenderMs: warmCpu, non2xx: many.non2xx, p50: many.latency.p50, p95: many.latency.p95, requestsPerSec: many.requestsPerSec },
    }),
  )
} finally {
  await site.stop()
  await server.stop()
}
