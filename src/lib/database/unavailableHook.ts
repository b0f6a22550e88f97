import type { AfterErrorHook, PayloadRequest } from 'payload'

import { hasLoginCredentials } from '../requestCredentials'
import { databaseFailedRecently, noteDatabaseError } from './health'
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableHeaders, isDatabaseUnavailableError } from './unavailable'

/**
 * Set on a GraphQL answer whose errors came from an unavailable database; the GraphQL route
 * (src/app/(payload)/api/graphql/route.ts) turns that answer into a 503 and drops the header.
 */
export const DATABASE_UNAVAILABLE_HEADER = 'x-policy-posts-database-unavailable'

/**
 * A login that could not be checked because the database went away leaves the request
 * anonymous (Payload's auth strategies swallow the error), which then ends in a 401/403. That
 * is the outage too, not a wrong password: say 503 when the request had credentials, nobody
 * is signed in and the database failed a moment ago.
 */
function isLoginLostToOutage(error: Error, req: PayloadRequest): boolean {
  const status = (error as { status?: unknown }).status
  return (status === 401 || status === 403) && !req.user && hasLoginCredentials(req.headers, req.payload?.config.cookiePrefix) && databaseFailedRecently()
}

/**
 * Root `afterError` hook: an error that says the database is unreachable, shutting down,
 * starting up or out of connections (isDatabaseUnavailableError) is a 503 with `Retry-After`,
 * not a 500, over REST and GraphQL; it also marks the database down (markDatabaseDown) so the
 * proxy answers the next requests with its 503 at once. These are the requests already past
 * the proxy when the database went away.
 */
export const databaseUnavailableHook: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const unavailable = isDatabaseUnavailableError(error)
  if (unavailable) noteDatabaseError(error)
  else if (!isLoginLostToOutage(error, req)) return
  const headers = new Headers(req.responseHeaders)
  for (const [name, value] of Object.entries(databaseUnavailableHeaders())) headers.set(name, value)
  if (graphqlResult) {
    headers.set(DATABASE_UNAVAILABLE_HEADER, '1')
    req.responseHeaders = headers
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, name: 'DatabaseUnavailable', statusCode: 503 },
        message: DATABASE_UNAVAILABLE_MESSAGE,
      },
    }
  }
  req.responseHeaders = headers
  return { response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }, status: 503 }
}
