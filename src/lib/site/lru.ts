/**
 * A small in-process least-recently-used cache bounded by entry count and by a total size
 * the caller measures (e.g. characters of HTML). Map iteration order is insertion order, so
 * re-inserting on every hit keeps the oldest entry first.
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { size: number; value: V }>()
  private total = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size
  }

  /** Sum of the entries' sizes. */
  get totalSize(): number {
    return this.total
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    this.delete(key)
    const size = this.sizeOf(value)
    if (size > this.maxSize) return
    this.entries.set(key, { size, value })
    this.total += size
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxSize) break
      this.entries.delete(oldest)
      this.total -= entry.size
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.size
  }

  clear(): void {
    this.entries.clear()
    this.total = 0
  }
}

/**
 * An upper estimate of the heap bytes a JSON-like value holds: strings at two bytes a character
 * (V8 stores any string with a character above Latin-1 — Turkish text — in two), plus a fixed
 * overhead per object, array and property. For bounding caches by memory, not for accounting.
 */
export function approximateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length
  if (value === null || typeof value !== 'object') return 8
  let bytes = 32
  if (Array.isArray(value)) {
    for (const item of value) bytes += 8 + approximateBytes(item)
    return bytes
  }
  for (const [key, item] of Object.entries(value)) bytes += 8 + 2 * key.length + approximateBytes(item)
  return bytes
}
