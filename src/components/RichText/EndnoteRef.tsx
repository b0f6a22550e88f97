'use client'

import {
  autoUpdate,
  flip,
  offset,
  safePolygon,
  shift,
  useDismiss,
  useFloating,
  useFocus,
  useHover,
  useInteractions,
} from '@floating-ui/react'
import { useEffect, useRef, useState } from 'react'

import styles from './EndnoteRef.module.css'

export interface EndnoteRefProps {
  /** Roman label, e.g. `iii`. */
  label: string
  /** Target in the endnotes list, e.g. `note-iii`. */
  anchorId: string
  /** This reference's own id (on the parent `<sup>`), e.g. `ref-iii-2`. */
  refId: string
  /** The note's citation as plain text. */
  preview: string
}

/**
 * `[iii]` in the body: a link to the note, with a preview of the citation on hover, keyboard
 * focus and tap. On touch the first tap opens the preview and a second tap follows the link;
 * Escape or a tap elsewhere closes it. The preview is always in the DOM (hidden when closed),
 * so `aria-describedby` points at real text even before hydration.
 */
export function EndnoteRef({ anchorId, label, preview, refId }: EndnoteRefProps) {
  const [open, setOpen] = useState(false)
  // After a tap the browser may send mouse events of its own (a mouse leaving the link as the
  // preview's layout shifts): hover must not close what the tap opened.
  const [touched, setTouched] = useState(false)
  const pointer = useRef<{ type: string; wasOpen: boolean }>({ type: '', wasOpen: false })
  const tooltipId = `${refId}-preview`
  const { context, floatingStyles, refs, update } = useFloating({
    middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    onOpenChange: setOpen,
    open,
    placement: 'top',
    // Viewport coordinates: the reference sits in an inline <sup>, a poor offset parent.
    strategy: 'fixed',
  })
  const hover = useHover(context, { delay: { close: 120, open: 60 }, enabled: !touched, handleClose: safePolygon(), mouseOnly: true })
  const focus = useFocus(context)
  const dismiss = useDismiss(context)
  const { getFloatingProps, getReferenceProps } = useInteractions([hover, focus, dismiss])

  // Track position only while open: a long article has dozens of references.
  useEffect(() => {
    const reference = refs.reference.current
    const floating = refs.floating.current
    if (!open || !reference || !floating) return
    return autoUpdate(reference, floating, update)
  }, [open, refs, update])

  if (!preview) {
    return (
      <a className={styles.ref} href={`#${anchorId}`} role="doc-noteref">
        [{label}]
      </a>
    )
  }

  return (
    <>
      <a
        aria-describedby={tooltipId}
        className={styles.ref}
        href={`#${anchorId}`}
        ref={refs.setReference}
        role="doc-noteref"
        {...getReferenceProps({
          onClick(event) {
            // Touch has no hover: the first tap shows the note, the second follows the link.
            if (pointer.current.type === 'touch' && !pointer.current.wasOpen) {
              event.preventDefault()
              setOpen(true)
            }
          },
          onPointerDown(event) {
            pointer.current = { type: event.pointerType, wasOpen: open }
            setTouched(event.pointerType === 'touch')
          },
          onPointerEnter(event) {
            if (event.pointerType === 'mouse') setTouched(false)
          },
        })}
      >
        [{label}]
      </a>
      <span
        className={styles.tooltip}
        hidden={!open}
        id={tooltipId}
        ref={refs.setFloating}
        role="tooltip"
        style={open ? floatingStyles : undefined}
        {...getFloatingProps()}
      >
        <span className={styles.label}>{label}.</span> {preview}
      </span>
    </>
  )
}
