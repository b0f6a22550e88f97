import { toast } from '@payloadcms/ui'

import { payloadErrorMessage } from './payloadErrorMessage'

/**
 * POSTs an admin action with the session's cookie: a FormData as it is, anything else as JSON.
 * A refused action shows the server's message (else `failed`) in a toast and comes back
 * undefined; an accepted one comes back with its JSON body (null when it has none).
 */
export async function postAdminAction(url: string, body: FormData | object | undefined, failed: string): Promise<undefined | { body: any }> {
  const init: RequestInit =
    body instanceof FormData ? { body } : { body: body === undefined ? undefined : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
  const response = await fetch(url, { ...init, credentials: 'include', method: 'POST' })
  const json = await response.json().catch(() => null)
  if (!response.ok) {
    toast.error(payloadErrorMessage(json, failed))
    return undefined
  }
  return { body: json }
}
