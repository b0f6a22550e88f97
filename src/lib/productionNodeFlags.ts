/**
 * V8 flags `npm start` runs the production server with (unless NODE_OPTIONS is set), also used
 * by the benchmark's capped-heap measurement. A capped old space bounds the server's memory at
 * little cost in throughput; larger semi-spaces let the short-lived objects of a render die young
 * instead of being promoted (figures in README, Performance).
 */
export function productionNodeFlags(heapCapMb = 384): string[] {
  return [`--max-old-space-size=${heapCapMb}`, '--max-semi-space-size=32']
}
