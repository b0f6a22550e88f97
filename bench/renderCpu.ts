/**
 * `npx tsx bench/renderCpu.ts [--posts 1000] [--duration 10] [--warmup 15] [--cpu-prof DIR]`: the forced dynamic
 * render of the post page (draft-mode cookie) on the bench's private build and corpus (run
 * `npm run bench -- --only pages` once first), with the CPU it costs: the server's and the
 * bench PostgreSQL's CPU time (from /proc, process trees) over a 10-connection run, per render,
 * then the latency with one connection.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'

import { BENCH_PG_DIR, benchServer, sizeLabel } from './lib/database'
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
const ticks = os.constants.signals ? 100 : 100 // USER_HZ on Linux

function treeCpuMs(root: number): number {
  const children = new Map<number, number[]>()
  const cpu = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(fields[1])
      cpu.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks)
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // ended
    }
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    total += cpu.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

const server = await benchServer()
const dbUrl = new URL(server.adminUrl)
dbUrl.pathname = `/bench_${sizeLabel(Number(args.posts))}`
const client = new pg.Client({ connectionString: dbUrl.toString() })
await client.connect()
const rows = (await client.query(`select language, slug from posts where _status = 'published' order by random() limit 300`)).rows
await client.end()
const rotation = rows.map((row) => `/${row.language}/${row.slug}`)
const postmaster = Number(fs.readFileSync(path.join(BENCH_PG_DIR, 'postmaster.pid'), 'utf8').split('\n')[0])

const nodeArgs = [...(args['node-flags'] ? args['node-flags'].split(' ') : []), ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [])]
const site = await startServer({ databaseUrl: dbUrl.toString(), env: { REDIS_URL: undefined }, nodeArgs })
const manifest = JSON.parse(fs.readFileSync(path.join(SITE_DIR, '.next/prerender-manifest.json'), 'utf8'))
const headers = { cookie: `__prerender_bypass=${manifest.preview.previewModeId}` }
const duration = Number(args.duration)
try {
  await load({ baseUrl: site.baseUrl, connections: 10, duration: Number(args.warmup), headers, paths: rotation.slice().reverse() })
  const node0 = treeCpuMs(site.child.pid!)
  const pg0 = treeCpuMs(postmaster)
  const many = await load({ baseUrl: site.baseUrl, connections: 10, duration, headers, paths: rotation })
  const nodeMs = treeCpuMs(site.child.pid!) - node0
  const pgMs = treeCpuMs(postmaster) - pg0
  const one = await load({ baseUrl: site.baseUrl, connections: 1, duration, headers, paths: rotation })
  const per = (ms: number) => (ms / Math.max(1, many.requests)).toFixed(1)
  console.log(
    JSON.stringify({
      cpuPerRenderMs: { node: Number(per(nodeMs)), postgres: Number(per(pgMs)) },
      loadAverage: os.loadavg()[0],
      oneConnection: { p50: one.latency.p50, p95: one.latency.p95, requestsPerSec: one.requestsPerSec },
      tenConnections: { non2xx: many.non2xx, p50: many.latency.p50, p95: many.latency.p95, requestsPerSec: many.requestsPerSec },
    }),
  )
} finally {
  await site.stop()
  await server.stop()
}
