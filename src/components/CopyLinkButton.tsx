'use client'

import { useEffect, useRef, useState } from 'react'

function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}

/** Copies the post URL; the result is announced in a visible status line. */
export function CopyLinkButton({ copiedLabel, label, url }: { copiedLabel: string; label: string; url: string }) {
  const [status, setStatus] = useState<'copied' | 'idle'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  async function copy() {
    let ok = false
    try {
      await navigator.clipboard.writeText(url)
      ok = true
    } catch {
      ok = legacyCopy(url)
    }
    if (!ok) return
    setStatus('copied')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setStatus('idle'), 4000)
  }

  return (
    <span className="copy-link">
      <button className="share__link share__button" onClick={copy} type="button">
        {label}
      </button>
      <span aria-live="polite" className="copy-link__status" role="status">
        {status === 'copied' ? copiedLabel : ''}
      </span>
    </span>
  )
}
