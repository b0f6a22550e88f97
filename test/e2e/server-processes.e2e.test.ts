/**
 * `npm start` with WEB_CONCURRENCY=2 (src/lib/server/startCli.ts: two server processes on one
 * port, the shared file cache of src/lib/sharedFileCache.mjs, no Redis) on the production build:
 * both processes answer; the Turkish version published through the API shows in the English
 * page's language switch on the very next read whichever process answers, although both had
 * the page cached, and is gone again after unpublishing; a killed process is replaced; the page
 * reads survive the stop in the reads file; the warm-up after the start reports its count.
 */
import type { IncomingHttpHeaders } from 'node:http'

import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteServer } from '../helpers/siteServer'

import { startSiteServer } from '../helpers/siteServer'

const ALSO_AVAILABLE = 'This post is also available in'

/** A GET on a new connection each time: node:cluster hands connections to the processes in turn. */
function get(url: string): Promise<{ body: string; headers: IncomingHttpHeaders; status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, timeout: 15_000 }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () => resolve({ body, headers: response.headers, status: response.statusCode ?? 0 }))
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`GET ${url} timed out`))
      })
      .on('error', reject)
  })
}

/**
 * At least `count` reads of `url`, with the process that answered each, until both processes
 * answered (20 at most): node:cluster skips a process busy with a long task (a render) for the
 * next connection.
 */
async function reads(url: string, count = 6) {
  const answers = []
  for (let i = 0; i < 20 && (i < count || new Set(answers.map((answer) => answer.pid)).size < 2); i++) {
    const answer = await get(url)
    answers.push({ ...answer, cache: answer.headers['x-nextjs-cache'], pid: Number(answer.headers['x-server-pid']) })
  }
  return answers
}

describe('npm start with two server processes and the shared file cache', () => {
  const readsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'page-reads-')), 'page-reads.json')
  let site: SiteServer
  const customs = { en: '', tr: '', trId: 0 }

  beforeAll(async () => {
    site = await startSiteServer('server_processes', {
      env: { PAGE_READS_FILE: readsFile, REDIS_URL: undefined, SERVER_PID_HEADER: 'true', WARM_PAGES: '3' },
      processes: 2,
    })
    const find = async (where: Record<string, unknown>) => {
      const { docs } = await site.payload.find({ collection: 'posts', depth: 0, draft: true, limit: 1, overrideAccess: true, where: where as never })
      if (!docs[0]?.slug) throw new Error(`seeded customs-union post not found (${JSON.stringify(where)})`)
      return docs[0]
    }
    // the seeded customs-union piece: English published, Turkish a draft
    const en = await find({ and: [{ title: { equals: 'A Thirty-Year-Old Customs Union Meets the Carbon Border' } }, { language: { equals: 'en' } }] })
    const group = typeof en.translationGroup === 'object' ? en.translationGroup?.id : en.translationGroup
    const tr = await find({ and: [{ translationGroup: { equals: group } }, { language: { equals: 'tr' } }] })
    expect(tr._status).toBe('draft')
    customs.en = en.slug!
    customs.tr = tr.slug!
    customs.trId = tr.id
    // the warm-up after the start keeps the processes busy for a moment
    const deadline = Date.now() + 60_000
    while (!/\[cache\] warm-up done/.test(site.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
  })

  afterAll(async () => {
    await site?.stop()
  })

  it('serves from both processes and shows a publish on the next read, whichever process answers', async () => {
    const page = `${site.baseUrl}/en/${customs.en}`
    const before = await reads(page)
    expect(before.map((answer) => answer.status)).toEqual(before.map(() => 200))
    expect(new Set(before.map((answer) => answer.pid)).size, `${before.map((answer) => answer.pid)}\n${site.output().slice(-3000)}`).toBe(2)
    for (const answer of before) expect(answer.body).not.toContain(ALSO_AVAILABLE)
    // both processes have the page cached (in memory and in the shared files)
    expect(before.slice(-2).map((answer) => answer.cache)).toEqual(['HIT', 'HIT'])

    const login = await fetch(`${site.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-demo-2025' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const patch = async (status: 'draft' | 'published') => {
      const response = await fetch(`${site.baseUrl}/api/posts/${customs.trId}`, {
        body: JSON.stringify({ _status: status }),
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        method: 'PATCH',
      })
      await response.arrayBuffer()
      return response.status
    }

    expect(await patch('published')).toBe(200)
    const published = await reads(page)
    expect(new Set(published.map((answer) => answer.pid)).size).toBe(2)
    for (const answer of published) {
      expect(answer.status).toBe(200)
      expect(answer.body).toContain(ALSO_AVAILABLE)
      expect(answer.body).toContain(`href="/tr/${customs.tr}"`)
    }
    for (const answer of await reads(`${site.baseUrl}/tr/${customs.tr}`, 2)) expect(answer.status).toBe(200)

    expect(await patch('draft')).toBe(200)
    const unpublished = await reads(page)
    expect(new Set(unpublished.map((answer) => answer.pid)).size).toBe(2)
    for (const answer of unpublished) expect(answer.body).not.toContain(ALSO_AVAILABLE)
    const gone = await reads(`${site.baseUrl}/tr/${customs.tr}`, 2)
    const seen = gone.map((answer) => `${answer.pid}: ${answer.status} ${answer.cache ?? '-'}`).join(', ')
    for (const answer of gone) expect(answer.status, `${seen}\n${site.output().slice(-2000)}`).toBe(404)
  })

  it('reported the warm-up after the start', () => {
    expect(site.output()).toMatch(/\[cache\] warm-up done: 3\/3 page\(s\) in \d+\.\d s/)
  })

  it('replaces a process that dies, and keeps serving meanwhile', { timeout: 120_000 }, async () => {
    const pids = new Set((await reads(`${site.baseUrl}/en`, 4)).map((answer) => answer.pid))
    expect(pids.size).toBe(2)
    const [victim] = pids
    process.kill(victim, 'SIGKILL')
    const deadline = Date.now() + 90_000
    let now = new Set<number>()
    while (Date.now() < deadline) {
      const answers = await reads(`${site.baseUrl}/en`, 4).catch(() => [])
      now = new Set(answers.filter((answer) => answer.status === 200).map((answer) => answer.pid))
      if (now.size === 2 && !now.has(victim)) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(now.size, site.output().slice(-3000)).toBe(2)
    expect(now.has(victim)).toBe(false)
    expect(site.output()).toMatch(/worker \d \(pid \d+\) exited \(SIGKILL\); starting a new one/)
  })

  it('stops every process on SIGTERM and keeps the page reads for the next start', async () => {
    // reads of the killed process were lost with it; these are all counted (sent on SIGTERM)
    const workers = new Set((await reads(`${site.baseUrl}/tr`, 6)).map((answer) => answer.pid))
    expect(workers.size).toBe(2)
    await site.stop()
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
    const saved = JSON.parse(fs.readFileSync(readsFile, 'utf8')) as { reads: Record<string, number> }
    expect(saved.reads['/tr']).toBeGreaterThanOrEqual(6)
    expect(saved.reads[`/en/${customs.en}`]).toBeGreaterThan(0)
    expect(Object.keys(saved.reads).every((page) => !page.startsWith('/api'))).toBe(true)
  })
})
