import type { PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { duplicateVersionError, isGroupLanguageConflict } from './errors'
import { languageHolder } from './members'

/**
 * Runs `work` in the request's transaction (starting one when the request has none), so a
 * failed step leaves nothing half-written. A refusal by the unique (translationGroup,
 * language) index becomes the same clear 400 as the hooks' own check.
 */
export async function inTransaction<T>(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  work: () => Promise<T>,
  conflict?: () => { group?: ID; language?: null | string },
): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await work()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    if (conflict && isGroupLanguageConflict(error)) {
      const { group, language } = conflict()
      // The transaction is aborted: look the holder up on a fresh connection.
      const fresh = await createLocalReq({}, req.payload)
      const holder = group !== undefined && language ? await languageHolder(fresh, options, group, language) : undefined
      throw duplicateVersionError(options, language, holder, req)
    }
    throw error
  }
}
