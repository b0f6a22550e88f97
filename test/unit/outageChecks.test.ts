import { describe, expect, it } from 'vitest'

import { type Sample, apiRecoveredMs, outageFailures, phaseOfRequest } from '../../test/faults/outageChecks'

const cached = (phase: Sample['phase'], extra: Partial<Sample> = {}): Sample => ({ kind: 'cached', ms: 80, ok: true, path: '/en', phase, status: 200, ...extra })
const uncachedPage = (phase: Sample['phase'], status: number, extra: Partial<Sample> = {}): Sample => ({ kind: 'uncached', ms: 300, ok: true, path: '/en/x', phase, status, ...extra })
const api = (phase: Sample['phase'], status: number, extra: Partial<Sample> = {}): Sample => ({
  kind: 'api',
  ms: 50,
  ok: status === 200 || status === 503,
  path: '/api/posts',
  phase,
  status,
  ...extra,
})
const write = (phase: Sample['phase'], status: number, extra: Partial<Sample> = {}): Sample => ({
  kind: 'write',
  ms: 120,
  ok: status === 201 || status === 503,
  path: 'POST /api/posts',
  phase,
  status,
  ...extra,
})

/** A run that passes: PostgreSQL refuses while it stops and starts, the API is 503 meanwhile. */
function passingRun(): Sample[] {
  return [
    ...(['before', 'stopping', 'outage', 'recovery', 'after'] as const).map((phase) => cached(phase)),
    api('before', 200),
    write('before', 201),
    api('stopping', 503),
    write('stopping', 503),
    api('outage', 503),
    write('outage', 503),
    uncachedPage('outage', 503),
    api('recovery', 503),
    // A render that began while PostgreSQL started is slow and succeeds: that is recovery.
    uncachedPage('recovery', 200, { ms: 6_000 }),
    write('recovery', 201),
    api('after', 200),
    write('after', 201),
    uncachedPage('after', 200),
  ]
}

describe('outageFailures', () => {
  it('passes a run that held', () => {
    expect(outageFailures(passingRun())).toEqual([])
  })

  it('fails on a 500 before the outage, and on a 503 with PostgreSQL up', () => {
    expect(outageFailures([...passingRun(), write('before', 500, { ok: false, detail: 'boom' })]).join('\n')).toMatch(/write, before: 5xx other than 503: \{"500":1\} POST \/api\/posts: boom/)
    expect(outageFailures([...passingRun(), api('before', 503)]).join('\n')).toMatch(/api, before the outage: \{"503":1\}/)
  })

  it('fails on API 503s after the recovery grace period', () => {
    const failures = outageFailures([...passingRun(), api('after', 503, { detail: '{"errors":[…]}' })])
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/^api, after the outage: \{"503":1\} \/api\/posts: /)
  })

  it('fails when an uncached page renders (200) during the outage or a cached page is not served', () => {
    expect(outageFailures([...passingRun(), uncachedPage('outage', 200)]).join('\n')).toMatch(/uncached pages during the outage: \{"200":1,"503":1\}/)
    expect(outageFailures([...passingRun(), cached('outage', { ok: false, status: 503 })]).join('\n')).toMatch(/cached pages, outage: 1 of 2 not 200/)
  })

  it('fails on a request that hangs over 5 s while PostgreSQL is going or gone, and on a slow cached page at any time', () => {
    expect(outageFailures([...passingRun(), api('stopping', 503, { ms: 5_200 })]).join('\n')).toMatch(/api: a request while stopping took 5200 ms/)
    expect(outageFailures([...passingRun(), cached('after', { ms: 5_100 })]).join('\n')).toMatch(/cached: a request while after took 5100 ms/)
    expect(outageFailures([...passingRun(), uncachedPage('outage', 503, { ms: 0, status: 0, ok: false })]).join('\n')).toMatch(/uncached, outage: 1 request\(s\) got no answer/)
  })

  it('fails when nothing shows the outage or nothing ran after it', () => {
    const run = passingRun().filter((sample) => !(sample.kind === 'api' && sample.phase === 'outage'))
    expect(outageFailures(run)).toContain('the API gave no 503 during the outage')
    expect(outageFailures(passingRun().filter((sample) => sample.kind !== 'uncached' || sample.phase !== 'outage'))).toContain('no uncached page was read during the outage')
    expect(outageFailures(passingRun().filter((sample) => sample.kind !== 'write' || sample.phase !== 'after'))).toContain('write: no request completed after recovery')
  })
})

describe('apiRecoveredMs', () => {
  it('is when the API answered 2xx for good after PostgreSQL was ready', () => {
    const samples = [
      api('outage', 503),
      api('recovery', 503, { sinceReadyMs: -300 }),
      api('recovery', 200, { ms: 40, sinceReadyMs: 200 }),
      api('recovery', 503, { sinceReadyMs: 600 }),
      api('recovery', 200, { ms: 70, sinceReadyMs: 1_100 }),
      api('after', 200, { sinceReadyMs: 6_000 }),
    ]
    expect(apiRecoveredMs(samples)).toBe(1_170)
    expect(apiRecoveredMs([...samples, api('after', 503, { sinceReadyMs: 9_000 })])).toBeUndefined()
  })
})

describe('phaseOfRequest', () => {
  it('puts a request that overlapped the stop or the start with them', () => {
    expect(phaseOfRequest('before', 'before')).toBe('before')
    expect(phaseOfRequest('before', 'stopping')).toBe('stopping')
    expect(phaseOfRequest('before', 'outage')).toBe('stopping')
    expect(phaseOfRequest('stopping', 'outage')).toBe('stopping')
    expect(phaseOfRequest('outage', 'outage')).toBe('outage')
    expect(phaseOfRequest('outage', 'recovery')).toBe('recovery')
    expect(phaseOfRequest('recovery', 'after')).toBe('recovery')
    expect(phaseOfRequest('after', 'after')).toBe('after')
  })
})
