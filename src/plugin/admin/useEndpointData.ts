'use client'

import { useCallback, useEffect, useState } from 'react'

import { payloadErrorMessage } from './payloadErrorMessage'

export interface EndpointData<T> {
  data: null | T
  /** Why the last load failed; null after a successful one. */
  error: null | string
  /** Loads again (the data shown stays until the answer is in). */
  reload: () => Promise<void>
}

/**
 * The JSON of a GET endpoint for an admin view, loaded with the session's cookie when `url`
 * is set, and again whenever it or `reloadKey` (e.g. the document's last save) changes. A
 * failure keeps the server's message, else `failed`.
 */
export function useEndpointData<T>(url: null | string, failed: string, reloadKey?: unknown): EndpointData<T> {
  const [data, setData] = useState<null | T>(null)
  const [error, setError] = useState<null | string>(null)

  const reload = useCallback(async () => {
    if (url === null) return
    try {
      const response = await fetch(url, { credentials: 'include' })
      const body = await response.json().catch(() => null)
      if (!response.ok) throw new Error(payloadErrorMessage(body, failed))
      setData(body as T)
      setError(null)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : failed)
    }
  }, [url, failed])

  useEffect(() => {
    void reload()
  }, [reload, reloadKey])

  return { data, error, reload }
}
