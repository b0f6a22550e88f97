import os from 'node:os'
import path from 'node:path'

import type { RunningCluster } from './cluster'

import { productionMemoryEnv, productionNodeFlags } from '../productionNodeFlags'
import { warmPagesOnStart } from '../warmPages'
import { startCluster } from './cluster'
import { pageReadsFile } from './pageReads'
import { workerCount } from './workerCount'

/** The value after `--name` / `-n` (or `--name=value`) in `args`. */
export function argValue(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2)
    if (names.includes(flag)) return inline ?? args[i + 1]
  }
  return undefined
}

/**
 * `npm start`'s server from its arguments (`--port`/`-p`, `--hostname`/`-H`, `--dir`) and the
 * environment: WEB_CONCURRENCY processes, `npm start`'s heap flags unless NODE_OPTIONS is set
 * (then the workers inherit it) and malloc arenas (productionMemoryEnv), the warm-up of
 * WARM_PAGES pages.
 */
export function startServerFromArgs(args: string[], env: Record<string, string | undefined> = process.env): RunningCluster {
  const dir = path.resolve(argValue(args, ['--dir']) ?? process.cwd())
  return startCluster({
    dir,
    env: productionMemoryEnv(env),
    hostname: argValue(args, ['--hostname', '-H']) ?? '',
    nodeArgs: env.NODE_OPTIONS ? [] : productionNodeFlags(),
    port: Number(argValue(args, ['--port', '-p']) ?? env.PORT ?? 3000),
    readsFile: pageReadsFile(env, dir),
    warmPages: warmPagesOnStart(env),
    workers: workerCount(env.WEB_CONCURRENCY, os.availableParallelism()),
  })
}
