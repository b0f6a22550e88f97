import { payloadErrorMessage } from '../../admin/payloadErrorMessage'

/** An answer the caller handles (status and JSON body), or the message to show instead. */
export type ImportAnswer = { body: unknown; status: number } | { error: string }

/**
 * POSTs an import with the session's cookie. Answers that `accepts` come back as they are;
 * any other becomes the server's message (else `failed` with the status), and a request that
 * got no answer becomes `failed` with the reason.
 */
export async function sendImport(
  url: string,
  init: Pick<RequestInit, 'body' | 'headers'>,
  accepts: (status: number, body: unknown) => boolean,
  failed: string,
): Promise<ImportAnswer> {
  try {
    const response = await fetch(url, { ...init, credentials: 'include', method: 'POST' })
    const body: unknown = await response.json().catch(() => ({}))
    if (accepts(response.status, body)) return { body, status: response.status }
    return { error: payloadErrorMessage(body, `${failed} (${response.status})`) }
  } catch (caught) {
    return { error: `${failed}: ${String(caught)}` }
  }
}
