import { NextResponse } from 'next/server'

import { databaseReachable } from './lib/database/health'
import { databaseUnavailableResponse } from './lib/database/routes'

/**
 * During a database outage the API answers a fast 503 (JSON) with Retry-After, instead of
 * waiting for the connection timeout and failing with a 500. The check is one TCP probe per
 * second shared by all requests (src/lib/database/health.ts); a query or connection that fails
 * in between marks the database down at once (markDatabaseDown: the API's afterError hook, the
 * pool watcher, src/instrumentation.ts).
 *
 * Pages are not stopped here: one in Next's cache needs no database and is served as usual
 * during an outage; one that is not fails fast (the pool's connect timeout) and gets the
 * "temporarily unavailable" 503 page (src/lib/server/outagePages.ts).
 */
export async function proxy(): Promise<Response> {
  if (await databaseReachable()) return NextResponse.next()
  return databaseUnavailableResponse('json')
}

export const config = {
  matcher: ['/api/:path*'],
}
