/**
 * V8 flags `npm start` runs the production server with (unless NODE_OPTIONS is set), also used
 * by the benchmark's capped-heap measurement. A capped old space keeps the server under ~400 MB
 * at a few % of throughput; larger semi-spaces let the short-lived objects of a render die young
 * instead of being promoted (≈ 15 % more renders/s at 10 connections, RSS still ≈ 375 MB).
 */
export function productionNodeFlags(heapCapMb = 384): string[] {
  return [`--max-old-space-size=${heapCapMb}`, '--max-semi-space-size=32']
}
