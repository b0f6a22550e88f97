import { isRoman } from '../endnote/roman'
import type { InlineSegment } from './types'

// Lowercase letters in brackets: "[iv]" is a reference, "[sic]" or "[…]" is just text.
const BRACKETED = /\[([a-z]+)\]/g
const ROMAN_LETTERS = /^[ivxlcdm]+$/

export type MarkerScan = {
  segments: InlineSegment[]
  /** Bracketed runs of roman letters that are not valid numerals, e.g. 'iiii'. */
  malformed: string[]
}

/** Splits one line of body text into text runs and `[roman]` references. */
export function scanMarkers(line: string): MarkerScan {
  const segments: InlineSegment[] = []
  const malformed: string[] = []
  let last = 0
  for (const match of line.matchAll(BRACKETED)) {
    const letters = match[1]
    if (!isRoman(letters)) {
      if (ROMAN_LETTERS.test(letters)) malformed.push(letters)
      continue // stays part of the surrounding text
    }
    const index = match.index ?? 0
    if (index > last) segments.push({ type: 'text', text: line.slice(last, index) })
    segments.push({ type: 'ref', label: letters })
    last = index + match[0].length
  }
  if (last < line.length) segments.push({ type: 'text', text: line.slice(last) })
  return { segments, malformed }
}

/** Appends segments, gluing neighbouring text runs (a paragraph's lines join with a space). */
export function appendSegments(target: InlineSegment[], more: InlineSegment[]): void {
  for (const segment of more) {
    const prev = target[target.length - 1]
    if (segment.type === 'text' && prev?.type === 'text') prev.text += segment.text
    else target.push({ ...segment })
  }
}
