import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

import { processTree, treeCpuMs, treeRssMb } from '../../bench/lib/processTree'

describe('bench processTree', () => {
  it('finds a process and its children with their memory, CPU time and command line', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'])
    try {
      await new Promise((resolve) => child.once('spawn', resolve))
      const tree = processTree(process.pid)
      expect(tree[0]?.pid).toBe(process.pid)
      const found = tree.find((info) => info.pid === child.pid)
      expect(found?.ppid).toBe(process.pid)
      expect(found?.cmdline).toContain('setTimeout')
      expect(treeRssMb(process.pid)).toBeGreaterThan(Math.round(process.memoryUsage().rss / 1024 / 1024) - 1)
      expect(treeCpuMs(process.pid)).toBeGreaterThan(0)
      expect(processTree(child.pid!).map((info) => info.pid)).toEqual([child.pid])
    } finally {
      child.kill()
    }
  })
})
