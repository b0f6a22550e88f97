import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { canEditLanguage } from '../access/canEditLanguage'
import { languageLabel } from '../utilities/languageLabel'

/**
 * A 403 whose message reaches the client (Payload hides non-public error messages). The name
 * is set by hand: Payload's error formatter only passes on the message of an error with a
 * `name`, which APIError takes from its class name — and a minified production build can
 * leave that empty, so the admin showed "An unknown error occurred." instead of the reason.
 */
export const forbidden = (message: string): APIError => {
  const error = new APIError(message, 403, null, true)
  error.name = 'Forbidden'
  return error
}

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
