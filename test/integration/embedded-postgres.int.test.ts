import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '../../src/lib/database/embeddedPostgres'
import { resolveDatabase } from '../../src/lib/database/resolveDatabase'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-embedded-'))
const port = 54000 + Math.floor(Math.random() * 900)

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

afterAll(() => fs.rmSync(dataDir, { force: true, recursive: true }))

describe('embedded PostgreSQL bootstrap', () => {
  it('initialises on first run, keeps data across a restart, and reuses a running server', async () => {
    const saved = process.env.DATABASE_URL
    delete process.env.DATABASE_URL
    try {
      const first = await resolveDatabase({ dataDir, databaseName: 'boot_check', port })
      expect(first.description).toMatch(/embedded PostgreSQL 15 \(started\)/)
      expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true)
      await query(first.url, 'create table kept (v text); insert into kept values (\'still here\')')
      // A second resolver while the first runs reuses it instead of starting another.
      const second = await resolveDatabase({ dataDir, databaseName: 'boot_check', port })
      expect(second.description).toMatch(/already running/)
      await first.stop()

      const restarted = await startEmbeddedPostgres({ dataDir, port })
      expect(restarted.started).toBe(true)
      const rows = await query(restarted.adminUrl.replace(/\/postgres$/, '/boot_check'), 'select v from kept')
      expect(rows).toEqual([{ v: 'still here' }])
      const version = await query(restarted.adminUrl, 'show server_version')
      expect(version[0].server_version).toMatch(/^15\./)
      const configs = await query(restarted.adminUrl, "select cfgname from pg_ts_config where cfgname in ('english','turkish') order by 1")
      expect(configs.map((r) => r.cfgname)).toEqual(['english', 'turkish'])
      await restarted.stop()
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved
    }
  })

  it('uses DATABASE_URL without starting anything when it is set', async () => {
    const saved = process.env.DATABASE_URL
    process.env.DATABASE_URL = 'postgres://someone:secret@db.invalid:5432/app'
    try {
      const resolved = await resolveDatabase({ dataDir: path.join(dataDir, 'never'), port: port + 1 })
      expect(resolved.url).toBe('postgres://someone:secret@db.invalid:5432/app')
      expect(resolved.description).toBe('PostgreSQL at postgres://someone:***@db.invalid:5432/app (DATABASE_URL)')
      expect(fs.existsSync(path.join(dataDir, 'never'))).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = saved
    }
  })
})
