// One server process of `npm start` (forked by src/lib/server/cluster.ts): Next's request
// handler on node:http. Under node:cluster every process listens on the same port and the
// primary hands each connection to one of them; a single process listens itself. It counts
// page reads and sends them to the primary, and on SIGTERM/SIGINT stops taking connections,
// finishes the requests under way and exits. Plain JavaScript: it runs on plain Node, without
// the TypeScript loader, with `npm start`'s heap flags.
import http from 'node:http'
import next from 'next'

import { countedRead } from './countedRead.mjs'

const READS_EVERY_MS = 10_000
const SHUTDOWN_MS = 10_000

const dir = process.env.SERVER_DIR || process.cwd()
const hostname = process.env.SERVER_HOSTNAME || '0.0.0.0'
const port = Number(process.env.PORT)

const app = next({ dev: false, dir, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

let reads = new Map()
const sendReads = () => {
  if (reads.size === 0 || !process.send || !process.connected) return
  process.send({ reads: Object.fromEntries(reads), type: 'reads' })
  reads = new Map()
}
setInterval(sendReads, READS_EVERY_MS).unref()

// Tests only: which process answered (test/e2e/server-processes.e2e.test.ts).
const pidHeader = process.env.SERVER_PID_HEADER === 'true'

const server = http.createServer((request, response) => {
  if (pidHeader) response.setHeader('X-Server-Pid', String(process.pid))
  response.once('finish', () => {
    const page = countedRead({
      contentType: response.getHeader('content-type'),
      method: request.method,
      status: response.statusCode,
      url: request.url,
      userAgent: request.headers['user-agent'],
    })
    if (page) reads.set(page, (reads.get(page) ?? 0) + 1)
  })
  void handle(request, response)
})

server.listen(port, hostname, () => process.send?.({ type: 'listening' }))

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  sendReads()
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
    process.exit(0)
  }, SHUTDOWN_MS).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
// The primary is gone (killed): nobody hands out connections or restarts this process.
process.on('disconnect', stop)
