import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { poolMaxPerProcess } from '../../src/lib/database/poolSize'
import { localOrigin } from '../../src/lib/server/cluster'
import { countedRead, WARM_USER_AGENT } from '../../src/lib/server/countedRead.mjs'
import { addReads, loadReads, MAX_TRACKED_PAGES, mostRead, saveReads } from '../../src/lib/server/pageReads'
import { argValue } from '../../src/lib/server/start'
import { workerCount } from '../../src/lib/server/workerCount'

describe('workerCount (WEB_CONCURRENCY)', () => {
  it('defaults to the core count, "auto" too', () => {
    expect(workerCount(undefined, 8)).toBe(8)
    expect(workerCount('', 2)).toBe(2)
    expect(workerCount(' auto ', 4)).toBe(4)
    expect(workerCount(undefined, 0)).toBe(1)
  })
  it('takes a positive whole number, 1 being a single process', () => {
    expect(workerCount('1', 8)).toBe(1)
    expect(workerCount('3', 2)).toBe(3)
  })
  it('refuses anything else with a message naming the variable', () => {
    for (const bad of ['0', '-2', '1.5', 'two', '2x']) expect(() => workerCount(bad, 2)).toThrow(/WEB_CONCURRENCY/)
  })
})

describe('poolMaxPerProcess', () => {
  it('keeps a single process at 10 connections, as before', () => {
    expect(poolMaxPerProcess({})).toBe(10)
    expect(poolMaxPerProcess({ SERVER_PROCESSES: '1' })).toBe(10)
  })
  it('shares DATABASE_POOL_TOTAL (default 20) among the processes, at least 2 each', () => {
    expect(poolMaxPerProcess({ SERVER_PROCESSES: '2' })).toBe(10)
    expect(poolMaxPerProcess({ SERVER_PROCESSES: '4' })).toBe(5)
    expect(poolMaxPerProcess({ SERVER_PROCESSES: '3' })).toBe(6)
    expect(poolMaxPerProcess({ SERVER_PROCESSES: '16' })).toBe(2)
    expect(poolMaxPerProcess({ DATABASE_POOL_TOTAL: '60', SERVER_PROCESSES: '4' })).toBe(10)
  })
  it('never exceeds DATABASE_POOL_MAX per process', () => {
    expect(poolMaxPerProcess({ DATABASE_POOL_MAX: '4', SERVER_PROCESSES: '2' })).toBe(4)
    expect(poolMaxPerProcess({ DATABASE_POOL_MAX: '30', DATABASE_POOL_TOTAL: '60', SERVER_PROCESSES: '2' })).toBe(30)
  })
  it('refuses values that are not positive whole numbers', () => {
    expect(() => poolMaxPerProcess({ DATABASE_POOL_TOTAL: 'lots' })).toThrow(/DATABASE_POOL_TOTAL/)
    expect(() => poolMaxPerProcess({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/)
  })
})

describe('countedRead', () => {
  const read = { contentType: 'text/html; charset=utf-8', method: 'GET', status: 200, url: '/en/a-post?utm=x' }
  it('counts a reader’s HTML page, without its query', () => {
    expect(countedRead(read)).toBe('/en/a-post')
    expect(countedRead({ ...read, url: '/tr' })).toBe('/tr')
  })
  it('leaves out other methods, statuses, content types, the admin, the API, assets and the warmer', () => {
    expect(countedRead({ ...read, method: 'HEAD' })).toBeUndefined()
    expect(countedRead({ ...read, status: 404 })).toBeUndefined()
    expect(countedRead({ ...read, contentType: 'application/rss+xml' })).toBeUndefined()
    expect(countedRead({ ...read, contentType: undefined })).toBeUndefined()
    expect(countedRead({ ...read, url: '/admin/collections/posts' })).toBeUndefined()
    expect(countedRead({ ...read, url: '/api/posts' })).toBeUndefined()
    expect(countedRead({ ...read, url: '/_next/static/x.js' })).toBeUndefined()
    expect(countedRead({ ...read, url: `/${'x'.repeat(400)}` })).toBeUndefined()
    expect(countedRead({ ...read, userAgent: WARM_USER_AGENT })).toBeUndefined()
  })
  it('keeps pages whose name merely starts like a reserved prefix', () => {
    expect(countedRead({ ...read, url: '/en/apiary' })).toBe('/en/apiary')
    expect(countedRead({ ...read, url: '/administration' })).toBe('/administration')
  })
})

describe('page reads', () => {
  it('adds counts and ranks the most read first, ties by path', () => {
    const reads = addReads({ '/en': 3 }, { '/en': 2, '/en/b': 5, '/tr': 5, '/bad': -1 })
    expect(reads).toEqual({ '/en': 5, '/en/b': 5, '/tr': 5 })
    expect(mostRead(addReads(reads, { '/tr': 1 }))).toEqual(['/tr', '/en', '/en/b'])
    expect(mostRead(reads, 1)).toEqual(['/tr'])
  })
  it('survives a save and a load, keeping the most read pages only', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reads-')), 'sub', 'page-reads.json')
    expect(loadReads(file)).toEqual({})
    const reads: Record<string, number> = {}
    for (let i = 0; i < MAX_TRACKED_PAGES + 5; i++) reads[`/en/p${i}`] = i + 1
    saveReads(file, reads)
    const loaded = loadReads(file)
    expect(Object.keys(loaded)).toHaveLength(MAX_TRACKED_PAGES)
    expect(loaded['/en/p0']).toBeUndefined()
    expect(loaded[`/en/p${MAX_TRACKED_PAGES + 4}`]).toBe(MAX_TRACKED_PAGES + 5)
    fs.writeFileSync(file, '{ not json')
    expect(loadReads(file)).toEqual({})
  })
})

describe('argument parsing and origin', () => {
  it('reads flags with a space or an equals sign', () => {
    expect(argValue(['--port', '4000', '-H', '127.0.0.1'], ['--port', '-p'])).toBe('4000')
    expect(argValue(['--port=4001'], ['--port', '-p'])).toBe('4001')
    expect(argValue(['-H', '::1'], ['--hostname', '-H'])).toBe('::1')
    expect(argValue([], ['--dir'])).toBeUndefined()
  })
  it('reaches a server bound to every interface through 127.0.0.1', () => {
    expect(localOrigin('', 3000)).toBe('http://127.0.0.1:3000')
    expect(localOrigin('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000')
    expect(localOrigin('10.0.0.5', 80)).toBe('http://10.0.0.5:80')
    expect(localOrigin('fd00::5', 80)).toBe('http://[fd00::5]:80')
  })
})

describe('memory budget of a server process', () => {
  it('capped old space and semi-spaces, unless given; two malloc arenas unless the operator chose', async () => {
    const { productionMemoryEnv, productionNodeFlags } = await import('../../src/lib/productionNodeFlags')
    expect(productionNodeFlags()).toEqual(['--max-old-space-size=256', '--max-semi-space-size=16'])
    expect(productionNodeFlags(384, 32)).toEqual(['--max-old-space-size=384', '--max-semi-space-size=32'])
    expect(productionMemoryEnv({})).toEqual({ MALLOC_ARENA_MAX: '2' })
    expect(productionMemoryEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({})
  })
})
