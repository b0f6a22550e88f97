import type { Instrumentation } from 'next'

/**
 * Start-up of the Node server: cached pages are sent from their encoded bytes (see
 * encodedResponseBodies), and a page that fails to render while the database is down is
 * answered with the "temporarily unavailable" page as a 503 (see outagePages).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installEncodedResponseBodies } = await import('./lib/server/encodedResponseBodies')
  installEncodedResponseBodies()
  const [{ installOutagePages }, { databaseDown }, { databaseUnavailableHeaders }, { UNAVAILABLE_PAGE }] = await Promise.all([
    import('./lib/server/outagePages'),
    import('./lib/database/health'),
    import('./lib/database/unavailable'),
    import('./lib/database/unavailablePage'),
  ])
  installOutagePages({ body: UNAVAILABLE_PAGE, headers: databaseUnavailableHeaders(), isDown: () => databaseDown() })
}

/**
 * Next calls this for every error a page, route handler or the proxy did not handle. A page
 * that failed because the database went away marks it down here (when nothing else did yet):
 * the API's proxy (src/proxy.ts) then answers 503 at once instead of after the next probe.
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { noteDatabaseError } = await import('./lib/database/health')
  noteDatabaseError(error)
}
