/**
 * Payload's Postgres adapter reports a COMMIT that failed as a success: its commitTransaction
 * awaits the Drizzle transaction's promise, whose rejection beginTransaction has already
 * swallowed. When PostgreSQL went away between a write's last statement and its COMMIT, the
 * API answered 201 for a post that was never stored. Here each transaction's outcome is
 * recorded, and commitTransaction throws the COMMIT's error when there was one; the operation
 * then fails like any other (a lost connection is a 503 through the afterError hook).
 */

type Transaction = object

export interface TransactionalAdapter {
  commitTransaction: (id: Promise<number | string> | number | string) => Promise<void>
  drizzle?: { transaction: (callback: (tx: Transaction) => Promise<unknown>, config?: unknown) => Promise<unknown> }
  sessions: Record<number | string, { db?: Transaction } | undefined>
}

const REPORTING = Symbol.for('policy-posts.database-failed-commits')

export function reportFailedCommits(adapter: TransactionalAdapter): void {
  const marked = adapter as TransactionalAdapter & { [REPORTING]?: true }
  const drizzle = adapter.drizzle
  if (marked[REPORTING] || !drizzle) return
  marked[REPORTING] = true
  const failures = new WeakMap<Transaction, unknown>()

  const transaction = drizzle.transaction.bind(drizzle)
  drizzle.transaction = (callback, config) => {
    let tx: Transaction | undefined
    const outcome = transaction((given) => {
      tx = given
      return callback(given)
    }, config)
    // Attached before the adapter's own catch, so it is recorded by the time commit returns.
    outcome.catch((error: unknown) => {
      if (tx) failures.set(tx, error ?? new Error('The transaction was rolled back'))
    })
    return outcome
  }

  const commit = adapter.commitTransaction.bind(adapter)
  adapter.commitTransaction = async (incoming) => {
    const id = incoming instanceof Promise ? await incoming : incoming
    const tx = adapter.sessions[id]?.db
    await commit(id)
    if (!tx || !failures.has(tx)) return
    const error = failures.get(tx)
    failures.delete(tx)
    throw error
  }
}
