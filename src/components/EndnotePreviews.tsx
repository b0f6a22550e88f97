'use client'

import { useEffect } from 'react'

import { placePreview } from '@/lib/site/previewPlacement'

const REFERENCE = 'a.noteref__link[aria-describedby]'
const OPEN_DELAY_MS = 60
const CLOSE_DELAY_MS = 120

/**
 * One delegated listener set for every endnote reference of the page (the body is plain
 * HTML): the reference's preview (`aria-describedby`, always in the DOM) opens on mouse
 * hover, keyboard focus and tap. On touch the first tap opens the preview and a second tap
 * follows the link; Escape, a tap elsewhere or leaving the reference closes it. The preview
 * is placed above the reference (below when there is no room), inside the viewport, and
 * follows it on scroll and resize.
 */
export function EndnotePreviews() {
  useEffect(() => {
    let open: { link: HTMLAnchorElement; preview: HTMLElement } | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    // the pointer that pressed a reference, and whether its preview was already open then
    let press: { link: Element; touch: boolean; wasOpen: boolean } | null = null

    const referenceOf = (target: EventTarget | null): HTMLAnchorElement | null =>
      target instanceof Element ? target.closest<HTMLAnchorElement>(REFERENCE) : null
    const previewOf = (link: HTMLAnchorElement): HTMLElement | null => document.getElementById(link.getAttribute('aria-describedby') ?? '')

    const place = () => {
      if (!open) return
      const { link, preview } = open
      const rect = link.getBoundingClientRect()
      const spot = placePreview(rect, { height: preview.offsetHeight, width: preview.offsetWidth }, { height: window.innerHeight, width: document.documentElement.clientWidth })
      preview.style.transform = `translate(${Math.round(spot.left)}px, ${Math.round(spot.top)}px)`
      preview.dataset.side = spot.side
    }
    const close = () => {
      clearTimeout(timer)
      if (!open) return
      open.preview.hidden = true
      open = null
    }
    const show = (link: HTMLAnchorElement) => {
      clearTimeout(timer)
      if (open?.link === link) return
      close()
      const preview = previewOf(link)
      if (!preview) return
      preview.hidden = false
      open = { link, preview }
      place()
    }
    const later = (action: () => void, ms: number) => {
      clearTimeout(timer)
      timer = setTimeout(action, ms)
    }
    const isInsideOpen = (target: EventTarget | null) =>
      !!open && target instanceof Node && (open.link.contains(target) || open.preview.contains(target))

    const onPointerOver = (event: PointerEvent) => {
      if (event.pointerType !== 'mouse') return
      const link = referenceOf(event.target)
      if (link) later(() => show(link), open ? 0 : OPEN_DELAY_MS)
      else if (isInsideOpen(event.target)) clearTimeout(timer)
    }
    const onPointerOut = (event: PointerEvent) => {
      if (event.pointerType !== 'mouse' || isInsideOpen(event.relatedTarget)) return
      if (referenceOf(event.target) || isInsideOpen(event.target)) later(close, CLOSE_DELAY_MS)
    }
    const onPointerDown = (event: PointerEvent) => {
      const link = referenceOf(event.target)
      press = link ? { link, touch: event.pointerType !== 'mouse', wasOpen: open?.link === link } : null
      if (!link && !isInsideOpen(event.target)) close()
    }
    const onClick = (event: MouseEvent) => {
      const link = referenceOf(event.target)
      if (!link || press?.link !== link) return
      // Touch has no hover: the first tap shows the note, the second follows the link.
      if (press.touch && !press.wasOpen) {
        event.preventDefault()
        show(link)
        press = { ...press, wasOpen: true }
      }
    }
    const onFocusIn = (event: FocusEvent) => {
      const link = referenceOf(event.target)
      if (link) show(link)
    }
    const onFocusOut = (event: FocusEvent) => {
      if (referenceOf(event.target) && !isInsideOpen(event.relatedTarget)) close()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) close()
    }

    document.addEventListener('pointerover', onPointerOver)
    document.addEventListener('pointerout', onPointerOut)
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('click', onClick)
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', onFocusOut)
    document.addEventListener('keydown', onKeyDown)
    window.addEventListener('scroll', place, { passive: true })
    window.addEventListener('resize', place)
    return () => {
      close()
      document.removeEventListener('pointerover', onPointerOver)
      document.removeEventListener('pointerout', onPointerOut)
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('click', onClick)
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', onFocusOut)
      document.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('scroll', place)
      window.removeEventListener('resize', place)
    }
  }, [])
  return null
}
