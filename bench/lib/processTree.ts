/**
 * The machine's processes as /proc shows them at one moment: parent, resident memory, CPU time
 * and command line, so the bench can sum or pick a process tree (a server and its workers).
 */
import fs from 'node:fs'

export interface ProcessInfo {
  pid: number
  ppid: number
  /** Resident memory, KB. */
  rssKb: number
  /** User + system CPU time, ms. */
  cpuMs: number
  cmdline: string
}

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** Every process readable now; one that ends while it is read is left out. */
export function readProcesses(): Map<number, ProcessInfo> {
  const processes = new Map<number, ProcessInfo>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8')
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      processes.set(Number(entry), {
        cmdline: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
        pid: Number(entry),
        ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]),
        rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      })
    } catch {
      // the process ended
    }
  }
  return processes
}

/** `root` and every process below it. */
export function processTree(root: number, processes = readProcesses()): ProcessInfo[] {
  const children = new Map<number, number[]>()
  for (const info of processes.values()) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info.pid])
  const tree: ProcessInfo[] = []
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    const info = processes.get(pid)
    if (info) tree.push(info)
    stack.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** Resident memory (MB) of a process and all its descendants. */
export const treeRssMb = (pid: number): number => Math.round(processTree(pid).reduce((sum, info) => sum + info.rssKb, 0) / 1024)

/** CPU time (ms) of a process and all its descendants, the ended ones not counted. */
export const treeCpuMs = (pid: number): number => processTree(pid).reduce((sum, info) => sum + info.cpuMs, 0)
