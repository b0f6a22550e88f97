/**
 * Lowercase roman numerals for endnote labels (i, ii, …, xlix) and the DOM ids the site
 * derives from them. Hand-written on purpose: the design allows tiny pure helpers.
 */

const NUMERALS: ReadonlyArray<readonly [number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

// Canonical (subtractive) form only, so 'iiii', 'vx', 'ic' or 'mmmm' never parse.
const CANONICAL = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/

const VALUES: Readonly<Record<string, number>> = {
  i: 1,
  v: 5,
  x: 10,
  l: 50,
  c: 100,
  d: 500,
  m: 1000,
}

export const MAX_ROMAN = 3999

/** 1..3999 → 'i'..'mmmcmxcix'. Throws RangeError for anything else. */
export function toRoman(n: number): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_ROMAN) {
    throw new RangeError(
      `toRoman: expected an integer from 1 to ${MAX_ROMAN}, received ${String(n)}`,
    )
  }
  let rest = n
  let out = ''
  for (const [value, symbol] of NUMERALS) {
    while (rest >= value) {
      out += symbol
      rest -= value
    }
  }
  return out
}

/** True when `s` is a well-formed roman numeral (any case, no surrounding spaces). */
export function isRoman(s: string): boolean {
  return typeof s === 'string' && s.length > 0 && CANONICAL.test(s.toLowerCase())
}

/** 'iv' / 'IV' → 4. Strict: malformed numerals throw a RangeError naming the input. */
export function fromRoman(s: string): number {
  if (!isRoman(s)) {
    throw new RangeError(`fromRoman: "${String(s)}" is not a valid roman numeral`)
  }
  const lower = s.toLowerCase()
  let total = 0
  for (let i = 0; i < lower.length; i++) {
    const value = VALUES[lower[i]]
    const next = i + 1 < lower.length ? VALUES[lower[i + 1]] : 0
    // A smaller symbol before a larger one subtracts (the regex already vetted the pairs).
    total += value < next ? -value : value
  }
  return total
}

/** The id of a note in the endnote list, the target of every `[label]` reference. */
export function endnoteAnchorId(label: string): string {
  return `note-${label}`
}

/**
 * The id of the `occurrence`-th reference (1-based) to a note in the body, so each back link
 * from the list can return to the exact place it was cited.
 */
export function endnoteRefId(label: string, occurrence: number): string {
  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw new RangeError(
      `endnoteRefId: occurrence must be an integer ≥ 1, received ${String(occurrence)}`,
    )
  }
  return `ref-${label}-${occurrence}`
}
