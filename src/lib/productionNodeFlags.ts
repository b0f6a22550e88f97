/**
 * V8 flags `npm start` runs the production server with (unless NODE_OPTIONS is set), also used
 * by the benchmark's capped-heap measurement. Each server process keeps to a memory budget
 * (README, Performance: "Memory per process"): a capped old space, semi-spaces large enough
 * that most of a render's short-lived objects die young but small enough that the young
 * generation does not dominate the resident memory, and the in-process caches bounded by bytes
 * (Next's `cacheMaxMemorySize`, src/lib/site/lru.ts users).
 */
export const DEFAULT_HEAP_CAP_MB = 256
export const DEFAULT_SEMI_SPACE_MB = 16

export function productionNodeFlags(heapCapMb = DEFAULT_HEAP_CAP_MB, semiSpaceMb = DEFAULT_SEMI_SPACE_MB): string[] {
  return [`--max-old-space-size=${heapCapMb}`, `--max-semi-space-size=${semiSpaceMb}`]
}

/**
 * Environment of the server processes for their memory: glibc gives each thread that allocates
 * its own malloc arena, which a Node server's few threads mostly leave empty but resident; two
 * arenas are enough. Kept when the operator sets MALLOC_ARENA_MAX.
 */
export function productionMemoryEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: '2' }
}
