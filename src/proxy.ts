import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

import { databaseReachable } from './lib/database/health'
import { databaseUnavailableResponse } from './lib/database/routes'
import { databaseUnavailableHeaders } from './lib/database/unavailable'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head>
<body><main><h1>Temporarily unavailable</h1><p>The site cannot reach its database. Please try again in a few seconds.</p>
<p lang="tr">Site şu anda veritabanına ulaşamıyor. Lütfen birkaç saniye sonra yeniden deneyin.</p></main></body></html>`

/**
 * During a database outage every request gets a fast 503 (HTML for pages, JSON for the API)
 * with Retry-After, instead of waiting for the connection timeout and failing with a 500.
 * The check is one TCP probe per second shared by all requests (src/lib/database/health.ts);
 * a query or connection that fails in between marks the database down at once
 * (markDatabaseDown: the API's afterError hook, the pool watcher, src/instrumentation.ts).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  if (await databaseReachable()) return NextResponse.next()
  if (request.nextUrl.pathname.startsWith('/api/')) return databaseUnavailableResponse('json')
  return new NextResponse(PAGE, { headers: { ...databaseUnavailableHeaders(), 'Content-Type': 'text/html; charset=utf-8' }, status: 503 })
}

export const config = {
  // Static assets never need the database.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
}
