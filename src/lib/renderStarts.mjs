// When the render behind a cache write began. Next's cache handler API does not say:
// `set(key, data, context)` carries no start time. A render of a key begins in the same process
// with a read of that key that missed (or found an entry past its revalidate period), so the
// handler notes those reads and a write takes the oldest one still unanswered. Taking the oldest
// and forgetting the newest can only make a render look older than it is (at worst a write is
// dropped and the page rendered once more), never younger, which would let a stale page pass as
// fresh. Reads never answered by a write (a render that failed or was not cacheable) are
// forgotten after `maxAgeMs`.

export class RenderStarts {
  // key → { times: read times kept, extra: reads past maxPerKey (only counted), last: newest read }
  #pending = new Map()

  constructor({ maxAgeMs = 60_000, maxPerKey = 16, maxKeys = 10_000 } = {}) {
    this.maxAgeMs = maxAgeMs
    this.maxPerKey = maxPerKey
    this.maxKeys = maxKeys
  }

  /** A read of `key` at `now` that will be followed by a render. */
  noteRead(key, now) {
    const reads = this.#current(key, now) ?? { extra: 0, last: now, times: [] }
    // past the cap only the count grows: the oldest reads already bound every later write
    if (reads.times.length < this.maxPerKey) reads.times.push(now)
    else reads.extra++
    reads.last = Math.max(reads.last, now)
    this.#pending.set(key, reads)
    if (this.#pending.size > this.maxKeys) this.#sweep(now)
  }

  /** The start of the render now writing `key`, or undefined when no read of it is pending. */
  takeStart(key, now) {
    const reads = this.#current(key, now)
    if (!reads) return undefined
    const start = Math.min(...reads.times)
    if (reads.extra > 0) reads.extra--
    else reads.times.splice(reads.times.indexOf(Math.max(...reads.times)), 1)
    if (reads.times.length === 0) this.#pending.delete(key)
    return start
  }

  get size() {
    return this.#pending.size
  }

  #current(key, now) {
    const reads = this.#pending.get(key)
    if (!reads) return undefined
    if (now - reads.last > this.maxAgeMs) reads.extra = 0
    reads.times = reads.times.filter((time) => now - time <= this.maxAgeMs)
    if (reads.times.length > 0) return reads
    this.#pending.delete(key)
    return undefined
  }

  #sweep(now) {
    for (const key of [...this.#pending.keys()]) this.#current(key, now)
  }
}
