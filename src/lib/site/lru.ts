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
