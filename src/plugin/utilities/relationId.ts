import type { ID } from './id'

/** The id of a relationship value, whether it is a raw id or a populated document. */
export function relationId(value: unknown): ID | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    if (typeof id === 'number' || typeof id === 'string') return id
  }
  return undefined
}
