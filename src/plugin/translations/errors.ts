import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { PostLike } from './types'

import { canEditLanguage } from '../access/canEditLanguage'
import { errorChain } from '../utilities/errorChain'
import { fieldError } from '../utilities/fieldError'
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

/** "This piece already has a Türkçe version: <title>" as a 400 naming `translationGroup`. */
export function duplicateVersionError(
  options: ResolvedPolicyPostsOptions,
  language: null | string | undefined,
  holder: null | Pick<PostLike, 'title'> | undefined,
  req?: PayloadRequest,
) {
  const title = holder?.title ? `: ${holder.title}` : '.'
  return fieldError(
    options.slugs.posts,
    'translationGroup',
    `This piece already has a ${languageLabel(options, language)} version${title}`,
    req,
  )
}

/** The unique (translationGroup, language) index refused a write. */
export function isGroupLanguageConflict(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const candidate = link as { code?: string; constraint?: string; data?: { errors?: { path?: string }[] }; detail?: string }
    if (candidate.data?.errors?.some((entry) => /translation_?group/i.test(entry.path ?? '') && /language/i.test(entry.path ?? ''))) {
      return true
    }
    return candidate.code === '23505' && /translation_?group/i.test(`${candidate.constraint ?? ''} ${candidate.detail ?? ''}`)
  })
}
