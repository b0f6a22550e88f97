/** A small seeded PRNG (sfc32 seeded through splitmix32), so a seed always yields one corpus. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number | string) {
    let s = typeof seed === 'number' ? seed >>> 0 : hashString(seed)
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t / 4294967296
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Index in [0, n) with a Zipf-like (1/rank^s) distribution, by inverse-CDF over a cumulative table. */
  zipf(cumulative: Float64Array): number {
    const target = this.next() * cumulative[cumulative.length - 1]
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cumulative[mid] < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** `count` distinct items of `items` (count ≤ items.length), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>()
    const out: T[] = []
    while (out.length < Math.min(count, items.length)) {
      const i = Math.floor(this.next() * items.length)
      if (chosen.has(i)) continue
      chosen.add(i)
      out.push(items[i])
    }
    return out
  }

  /** A 24-hex-digit id like Payload's array row ids. */
  hexId(): string {
    let out = ''
    for (let i = 0; i < 3; i++) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0')
    return out
  }
}

export function hashString(value: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** Cumulative 1/rank^s weights for `n` ranks (for `Random.zipf`). */
export function zipfTable(n: number, s = 1): Float64Array {
  const table = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s)
    table[i] = sum
  }
  return table
}
