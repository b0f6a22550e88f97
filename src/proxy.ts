import { type NextRequest, NextResponse } from 'next/server'

import { databaseReachable } from './lib/database/health'
import { databaseUnavailableResponse } from './lib/database/routes'
import { malformedPathProblem, malformedPathResponse } from './lib/server/malformedPath'

/**
 * During a database outage the API answers a fast 503 (JSON) with Retry-After, instead of
 * waiting for the connection timeout and failing with a 500. The check is one probe shared by
 * all requests (src/lib/database/health.ts: whether PostgreSQL would serve a session, so a
 * server still starting up counts as down), repeated often while the database is down so that
 * the API answers again soon after it; a query or connection that fails in between marks the
 * database down at once (markDatabaseDown: the API's afterError hook, the pool watcher,
 * src/instrumentation.ts).
 *
 * Pages are not stopped here: one in Next's cache needs no database and is served as usual
 * during an outage; one that is not fails fast (the pool's connect timeout) and gets the
 * "temporarily unavailable" 503 page (src/lib/server/outagePages.ts).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const pathname = rawPathname(request)
  const problem = malformedPathProblem(pathname)
  if (problem) return malformedPathResponse(pathname, problem)
  if (!pathname.startsWith('/api/')) return NextResponse.next()
  if (await databaseReachable()) return NextResponse.next()
  return databaseUnavailableResponse('json')
}

/** The path as sent (still percent-encoded), which `nextUrl` may already have normalised. */
function rawPathname(request: NextRequest): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(request.url)
  return match?.[1] || request.nextUrl.pathname
}

export const config = {
  // The proxy runs only where it has work: the API (outages) and addresses with a percent-escape,
  // the only way a malformed sequence or control character arrives (Next tries the raw and the
  // decoded path). Every other page request skips it, and with it the per-request Request
  // object and middleware round trip Next makes for a proxy; cached pages are the most frequent.
  matcher: ['/api/:path*', '/(.*%.*)'],
}
