import { noteDatabaseError } from './health'
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableHeaders, isDatabaseUnavailableError } from './unavailable'
import { DATABASE_UNAVAILABLE_HEADER } from './unavailableHook'

/** The 503 of a route handler whose database went away: JSON like the API's, or plain text. */
export function databaseUnavailableResponse(format: 'json' | 'text' = 'json'): Response {
  const headers = databaseUnavailableHeaders()
  if (format === 'json') return Response.json({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }, { headers, status: 503 })
  return new Response(DATABASE_UNAVAILABLE_MESSAGE, { headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, status: 503 })
}

/**
 * Wraps a route handler so that an unavailable database is a 503 with `Retry-After` instead of
 * a 500: when the handler throws such an error (isDatabaseUnavailableError), and when Payload's
 * GraphQL handler answered 200 with errors that the afterError hook flagged as an outage
 * (GraphQL puts resolver errors in the body, so the hook cannot set the status itself).
 */
export function answer503WhenDatabaseUnavailable<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
  format: 'json' | 'text' = 'json',
): (...args: A) => Promise<Response> {
  return async (...args: A): Promise<Response> => {
    let response: Response
    try {
      response = await handler(...args)
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) throw error
      noteDatabaseError(error)
      return databaseUnavailableResponse(format)
    }
    if (!response.headers.has(DATABASE_UNAVAILABLE_HEADER)) return response
    const headers = new Headers(response.headers)
    headers.delete(DATABASE_UNAVAILABLE_HEADER)
    return new Response(response.body, { headers, status: 503, statusText: 'Service Unavailable' })
  }
}
