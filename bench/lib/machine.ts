import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGb: number
  os: string
  node: string
  commit: string
  /** Files changed against the commit when the run was made (the tree was not clean). */
  uncommittedChanges: number
}

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return ''
  }
}

export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'))
    if (line) cpuModel = line.split(':')[1].trim()
  } catch {
    // not Linux
  }
  const status = git('status', '--porcelain')
  return {
    commit: git('rev-parse', 'HEAD') || 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    uncommittedChanges: status ? status.split('\n').length : 0,
  }
}
