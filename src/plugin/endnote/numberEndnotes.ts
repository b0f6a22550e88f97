import { toRoman } from './roman'
import type { ID } from '../utilities/id'


export type NumberedEndnote = {
  /** 1-based, by first appearance in the body. */
  number: number
  /** Lowercase roman numeral of `number` ('i', 'ii', …). */
  label: string
  footnote: ID
  /** How many times the body cites this footnote (≥ 1). */
  occurrences: number
}

// Postgres ids arrive as numbers from the API but as strings from forms and URLs;
// both spellings mean the same footnote, so compare them as strings.
const keyOf = (id: ID): string => String(id)

/**
 * Numbers footnotes by first appearance; citing a footnote again reuses its number and
 * only bumps `occurrences`.
 */
export function numberEndnotes(footnoteIdsInOrder: ReadonlyArray<ID>): NumberedEndnote[] {
  const byKey = new Map<string, NumberedEndnote>()
  const ordered: NumberedEndnote[] = []
  for (const id of footnoteIdsInOrder) {
    const key = keyOf(id)
    const seen = byKey.get(key)
    if (seen) {
      seen.occurrences += 1
      continue
    }
    const entry: NumberedEndnote = {
      number: ordered.length + 1,
      label: toRoman(ordered.length + 1),
      footnote: id,
      occurrences: 1,
    }
    byKey.set(key, entry)
    ordered.push(entry)
  }
  return ordered
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isId = (v: unknown): v is ID =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v))

/** The id behind an endnote node's `footnote`: a raw id or a populated `{ id, … }` document. */
export function footnoteIdOf(value: unknown): ID | undefined {
  if (isId(value)) return value
  if (isRecord(value) && isId(value.id)) return value.id
  return undefined
}

/**
 * Walks Lexical editor state JSON in document order and returns the footnote id of every
 * `endnote` node. Iterative (explicit stack) so pasted, deeply nested content cannot blow the
 * call stack; anything malformed is skipped rather than thrown on.
 */
export function collectEndnoteIds(lexicalState: unknown): ID[] {
  const ids: ID[] = []
  if (!isRecord(lexicalState)) return ids
  const root = isRecord(lexicalState.root) ? lexicalState.root : lexicalState

  const stack: unknown[] = [root]
  const visited = new WeakSet<object>() // guards against shared/cyclic objects built in code
  while (stack.length > 0) {
    const node = stack.pop()
    if (!isRecord(node) || visited.has(node)) continue
    visited.add(node)

    if (node.type === 'endnote') {
      const id = footnoteIdOf(node.footnote)
      if (id !== undefined) ids.push(id)
    }
    const children = node.children
    if (Array.isArray(children)) {
      // Reverse push so the first child is popped (visited) first.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
    }
  }
  return ids
}

/** Convenience for the endnotes field: Lexical state → numbered endnote list. */
export function deriveEndnotes(lexicalState: unknown): NumberedEndnote[] {
  return numberEndnotes(collectEndnoteIds(lexicalState))
}
