'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's Live Preview (iframe or popup), re-renders the draft whenever the editor
 * saves: Payload posts `payload-document-event` after each save, and waits for a `ready`
 * message before it sends anything. Same origin only.
 */
export function RefreshOnSave() {
  const router = useRouter()
  useEffect(() => {
    const origin = window.location.origin
    const host = window.parent !== window ? window.parent : window.opener
    if (!host) return
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin) return
      const data = event.data as { type?: string } | null
      if (data && typeof data === 'object' && data.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    ;(host as Window).postMessage({ ready: true, type: 'payload-live-preview' }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
