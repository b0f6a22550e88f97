export interface Box {
  left: number
  top: number
  width: number
  height: number
}

export interface Placement {
  left: number
  top: number
  side: 'bottom' | 'top'
}

/**
 * Where a note's preview goes, in viewport coordinates (`position: fixed`): centred above
 * the reference, `gap` pixels away; below it when there is not room above but there is
 * below; shifted sideways (and, if need be, vertically) to keep `padding` pixels from the
 * viewport's edges.
 */
export function placePreview(reference: Box, preview: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, padding = 8): Placement {
  const above = reference.top - gap - preview.height
  const below = reference.top + reference.height + gap
  const fitsAbove = above >= padding
  const fitsBelow = below + preview.height <= viewport.height - padding
  const side = fitsAbove || !fitsBelow ? 'top' : 'bottom'
  const centred = reference.left + reference.width / 2 - preview.width / 2
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)))
  return {
    left: clamp(centred, padding, viewport.width - padding - preview.width),
    side,
    top: clamp(side === 'top' ? above : below, padding, viewport.height - padding - preview.height),
  }
}
