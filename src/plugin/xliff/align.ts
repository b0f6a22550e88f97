import { diffArrays } from 'diff'

/**
 * Pairs the blocks of two versions of one text (a source and its translation) by endnote
 * markers and position: blocks citing the same first endnote are anchors; between two anchors,
 * blocks pair by position when both sides have as many, and stay unpaired otherwise (a
 * paragraph added or removed there cannot be placed without reading the text).
 * Returns, for each block of `a`, the index of its counterpart in `b`.
 */
export function alignByMarkers(a: readonly { endnotes: readonly number[] }[], b: readonly { endnotes: readonly number[] }[]): (number | undefined)[] {
  const pairs: (number | undefined)[] = a.map(() => undefined)
  const anchors: [number, number][] = []
  let from = 0
  a.forEach((block, i) => {
    const first = block.endnotes[0]
    if (first === undefined) return
    const j = b.findIndex((candidate, index) => index >= from && candidate.endnotes[0] === first)
    if (j === -1) return
    anchors.push([i, j])
    from = j + 1
  })
  let previous: [number, number] = [-1, -1]
  for (const anchor of [...anchors, [a.length, b.length] as [number, number]]) {
    const gapA = anchor[0] - previous[0] - 1
    const gapB = anchor[1] - previous[1] - 1
    if (gapA === gapB) for (let k = 1; k <= gapA; k++) pairs[previous[0] + k] = previous[1] + k
    if (anchor[0] < a.length) pairs[anchor[0]] = anchor[1]
    previous = anchor
  }
  return pairs
}

/**
 * Pairs the blocks of an earlier version with the current one by content (a longest common
 * subsequence of their signatures): equal blocks are `same`; within a run where blocks were
 * replaced, they pair by position as `changed`; blocks only in the current version are `new`.
 */
export function alignVersions(
  previous: readonly string[],
  current: readonly string[],
): { index?: number; state: 'changed' | 'new' | 'same' }[] {
  const result: { index?: number; state: 'changed' | 'new' | 'same' }[] = []
  let p = 0
  let removed: number[] = []
  for (const part of diffArrays(previous as string[], current as string[])) {
    const count = part.count ?? part.value.length
    if (part.removed) {
      removed = Array.from({ length: count }, (_, k) => p + k)
      p += count
    } else if (part.added) {
      for (let k = 0; k < count; k++) {
        const index = removed.shift()
        result.push(index === undefined ? { state: 'new' } : { index, state: 'changed' })
      }
      removed = []
    } else {
      for (let k = 0; k < count; k++) result.push({ index: p + k, state: 'same' })
      p += count
      removed = []
    }
  }
  return result
}
