import { describe, expect, it } from 'vitest'

import { parseWrkOutput, wrkScript } from '../../bench/lib/wrk'

describe('bench wrk load', () => {
  it('reads the JSON line the Lua script prints, latencies in ms', () => {
    const output = `Running 2s test @ http://127.0.0.1:8765\n  2 threads and 4 connections\nWRK-JSON {"requests":4274,"us":2100048,"bytes":1274096,"errors":1,"statuses":{"200":2848,"404":1426},"p50":1780,"p95":3084,"p99":4150,"min":270,"max":12290,"mean":1870.5}\n`
    expect(parseWrkOutput(output)).toEqual({
      bytes: 1274096,
      errors: 1,
      latencyMs: { max: 12.29, mean: 1.87, min: 0.27, p50: 1.78, p95: 3.08, p99: 4.15 },
      requests: 4274,
      seconds: 2.100048,
      statuses: { '200': 2848, '404': 1426 },
    })
  })

  it('says when wrk printed no result', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/wrk printed no result/)
  })

  it('quotes paths and header values for Lua', () => {
    const script = wrkScript(['/en/a"b', '/tr/ç'], { cookie: 'x="y\\z"' })
    expect(script).toContain('wrk.headers["cookie"] = "x=\\"y\\\\z\\""')
    expect(script).toContain('local paths = { "/en/a\\"b", "/tr/ç" }')
  })

  it('sends one path without per-request Lua and counts statuses from wrk\'s own error count', () => {
    const script = wrkScript(['/en/a'], {})
    expect(script).toContain('wrk.path = "/en/a"')
    expect(script).not.toMatch(/function (request|response)\(/)
    expect(script).toContain('summary.errors.status')
    expect(wrkScript(['/en/a', '/en/b'], {})).toMatch(/function response\(/)
  })
})
