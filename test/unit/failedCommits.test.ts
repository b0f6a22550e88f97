import { describe, expect, it } from 'vitest'

import { reportFailedCommits } from '../../src/lib/database/failedCommits'

/** The shape of Payload's adapter: begin lifts the callback's resolve/reject, commit swallows. */
function fakeAdapter(commitError?: Error) {
  const adapter = {
    async beginTransaction() {
      let resolve!: () => Promise<unknown>
      let tx!: object
      const ready = new Promise<void>((started) => {
        const done = adapter.drizzle
          .transaction(async (given) => {
            tx = given
            await new Promise<void>((res) => {
              resolve = () => (res(), done)
              started()
            })
          })
          .catch(() => undefined) // what Payload does
      })
      await ready
      adapter.sessions['1'] = { db: tx, resolve }
      return '1'
    },
    async commitTransaction(id: Promise<number | string> | number | string) {
      const session = adapter.sessions[String(await id)]
      delete adapter.sessions[String(await id)]
      await session?.resolve()
    },
    drizzle: {
      async transaction(callback: (tx: object) => Promise<unknown>) {
        await callback({})
        if (commitError) throw commitError
      },
    },
    sessions: {} as Record<string, { db: object; resolve: () => Promise<unknown> } | undefined>,
  }
  return adapter
}

describe('reportFailedCommits', () => {
  it('makes commitTransaction throw the COMMIT error Payload swallowed', async () => {
    const lost = new Error('Connection terminated unexpectedly')
    const adapter = fakeAdapter(lost)
    await expect(adapter.commitTransaction(await adapter.beginTransaction())).resolves.toBeUndefined() // the flaw
    reportFailedCommits(adapter)
    reportFailedCommits(adapter) // once only
    await expect(adapter.commitTransaction(await adapter.beginTransaction())).rejects.toBe(lost)
  })

  it('leaves a commit that worked alone', async () => {
    const adapter = fakeAdapter()
    reportFailedCommits(adapter)
    await expect(adapter.commitTransaction(await adapter.beginTransaction())).resolves.toBeUndefined()
  })
})
