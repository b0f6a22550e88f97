import type { Instrumentation } from 'next'

/** Start-up of the Node server: cached pages are sent from their encoded bytes (see encodedResponseBodies). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installEncodedResponseBodies } = await import('./lib/server/encodedResponseBodies')
  installEncodedResponseBodies()
}

/**
 * Next calls this for every error a page, route handler or the proxy did not handle. A page
 * cannot answer 503 itself (App Router renders only set 404/403/401 or redirects), so a page
 * that failed because the database went away marks it down here: the proxy (src/proxy.ts)
 * then answers the next requests with its 503 at once instead of after the next probe.
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { noteDatabaseError } = await import('./lib/database/health')
  noteDatabaseError(error)
}
