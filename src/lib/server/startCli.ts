/**
 * `tsx src/lib/server/startCli.ts [--port N] [--hostname H] [--dir D]`: `npm start`'s server on
 * a database that is already prepared (DATABASE_URL), without seeding — for the benchmark, the
 * fault and load scripts and the tests, which prepare their databases themselves.
 */
import { startServerFromArgs } from './start'

const server = startServerFromArgs(process.argv.slice(2))
const shutdown = async (code: number) => {
  await server.stop()
  process.exit(code)
}
process.on('SIGTERM', () => void shutdown(0))
process.on('SIGINT', () => void shutdown(0))
void server.failed.then(shutdown)
