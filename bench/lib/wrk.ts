/**
 * HTTP load with wrk (a C load generator) when it is installed: on a 2-core machine the load
 * generator shares the cores with the server, and autocannon (JavaScript, in the bench's own
 * process) takes about a core at 1,500 req/s, so it would cap a two-process server at what one
 * process does. wrk's Lua hooks rotate the paths, count the statuses and print the result as
 * one JSON line.
 */
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Summary } from './stats'

export interface WrkRun {
  requests: number
  seconds: number
  bytes: number
  /** Socket errors (connect, read, write) and timeouts. */
  errors: number
  statuses: Record<string, number>
  latencyMs: Omit<Summary, 'samples'>
}

/** One load run: `connections` connections for `duration` seconds over `paths` in turn. */
export interface LoadOptions {
  baseUrl: string
  connections: number
  duration: number
  headers?: Record<string, string>
  paths: string[]
}

let found: boolean | undefined

/** Whether a wrk binary is on PATH (`BENCH_LOAD=autocannon` turns it off). */
export function wrkAvailable(): boolean {
  if (process.env.BENCH_LOAD === 'autocannon') return false
  if (found === undefined) {
    try {
      execFileSync('wrk', ['--version'], { stdio: 'ignore' })
      found = true
    } catch (error) {
      // wrk --version exits 1 after printing its version
      found = (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as { status?: number }).status === 1
    }
  }
  return found
}

const luaString = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`

/**
 * The Lua script: path rotation, headers, status counts across threads, a JSON summary. One path
 * needs no per-request Lua: wrk sends its prepared request, and the statuses come from its own
 * count of responses ≥ 400 (a `response` hook would copy every body into Lua, load-generator
 * work that competes with the server for the cores).
 */
export function wrkScript(paths: string[], headers: Record<string, string>): string {
  const headerLines = Object.entries(headers).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`)
  const perRequest =
    paths.length === 1
      ? `wrk.path = ${luaString(paths[0])}
function statusCounts(summary)
  return { ["2xx/3xx"] = summary.requests - summary.errors.status, ["4xx/5xx"] = summary.errors.status }
end`
      : `local paths = { ${paths.map(luaString).join(', ')} }
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function statusCounts(summary)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do counts[tostring(status)] = (counts[tostring(status)] or 0) + count end
  end
  return counts
end`
  return `${headerLines.join('\n')}
local threads = {}
local offset = 0
function setup(thread)
  thread:set("first", offset)
  offset = offset + 1
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
  counter = first
end
${perRequest}
function done(summary, latency, requests)
  local parts = {}
  for status, count in pairs(statusCounts(summary)) do
    if count > 0 then table.insert(parts, string.format('"%s":%d', status, count)) end
  end
  local e = summary.errors
  io.write(string.format('WRK-JSON {"requests":%d,"us":%d,"bytes":%d,"errors":%d,"statuses":{%s},"p50":%d,"p95":%d,"p99":%d,"min":%d,"max":%d,"mean":%f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, table.concat(parts, ","),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.min, latency.max, latency.mean))
end
`
}

const ms = (microseconds: number) => Math.round(microseconds / 10) / 100

/** Parses the JSON line the script's `done` prints. */
export function parseWrkOutput(output: string): WrkRun {
  const line = /^WRK-JSON (.*)$/m.exec(output)
  if (!line) throw new Error(`wrk printed no result:\n${output.slice(-1000)}`)
  const raw = JSON.parse(line[1]) as Record<string, number> & { statuses: Record<string, number> }
  return {
    bytes: raw.bytes,
    errors: raw.errors,
    latencyMs: { max: ms(raw.max), mean: ms(raw.mean), min: ms(raw.min), p50: ms(raw.p50), p95: ms(raw.p95), p99: ms(raw.p99) },
    requests: raw.requests,
    seconds: raw.us / 1e6,
    statuses: raw.statuses,
  }
}

/** Runs wrk with `connections` connections for `duration` seconds over `paths` in turn. */
export async function runWrk({ baseUrl, connections, duration, headers = {}, paths }: LoadOptions): Promise<WrkRun> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-'))
  const script = path.join(directory, 'load.lua')
  fs.writeFileSync(script, wrkScript(paths, headers))
  const threads = Math.max(1, Math.min(2, connections))
  try {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        'wrk',
        ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--timeout', '10s', '-s', script, baseUrl],
        { maxBuffer: 1 << 20 },
        (error, stdout, stderr) => (error ? reject(new Error(`wrk failed: ${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    )
    return parseWrkOutput(output)
  } finally {
    fs.rmSync(directory, { force: true, recursive: true })
  }
}
