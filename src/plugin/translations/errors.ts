import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { canEditLanguage } from '../access/canEditLanguage'
import { languageLabel } from './shared'

/** A 403 whose message reaches the client (Payload hides non-public error messages). */
export const forbidden = (message: string): APIError => new APIError(message, 403, null, true)

/** Refuses users who may not write posts in `language` (translators outside their languages). */
export function assertCanEdit(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  language: null | string | undefined,
): void {
  if (canEditLanguage(req.user, language)) return
  if (!req.user) throw forbidden('You must be logged in to manage translations.')
  throw forbidden(`You may not edit ${languageLabel(options, language)} posts.`)
}
