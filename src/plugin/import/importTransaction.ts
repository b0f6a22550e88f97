import type { Payload, PayloadRequest, RequestContext, TypedUser } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

/** Who an import runs as: the caller's request, else a user (access applies), else nobody (access is not checked). */
export interface ImportCaller {
  /** Run inside this request (its transaction, user and context). */
  req?: PayloadRequest
  /** Act as this user (access control applies); without `req` or `user` access is not checked. */
  user?: null | TypedUser
  /** Context for the created documents' hooks. */
  context?: RequestContext
}

/**
 * Runs an import's writes in one transaction — the caller's when its request has one — so a
 * failed step leaves nothing half-written. `work` gets the request to write with and whether
 * access is overridden (only when there is no user to check it against).
 */
export async function inImportTransaction<T>(
  payload: Payload,
  caller: ImportCaller,
  work: (req: PayloadRequest, overrideAccess: boolean) => Promise<T>,
): Promise<T> {
  const req = caller.req ?? (await createLocalReq({ context: caller.context, user: caller.user ?? undefined }, payload))
  if (caller.req && caller.context) Object.assign(req.context, caller.context)
  const overrideAccess = !(caller.user ?? req.user)
  const ownsTransaction = await initTransaction(req)
  try {
    const result = await work(req, overrideAccess)
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
