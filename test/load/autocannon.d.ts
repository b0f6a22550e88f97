// autocannon ships no types and @types/autocannon is not a dependency: the part we use.
declare module 'autocannon' {
  interface Options {
    connections?: number
    duration?: number
    requests?: { body?: string; headers?: Record<string, string>; method?: string; path: string }[]
    timeout?: number
    url: string
  }
  interface Histogram {
    average: number
    p50: number
    p99: number
    total: number
  }
  interface Result {
    errors: number
    latency: Histogram
    requests: Histogram
    statusCodeStats?: Record<string, { count: number }>
    timeouts: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
