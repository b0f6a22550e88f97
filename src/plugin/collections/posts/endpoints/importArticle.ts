import type { Endpoint } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { hasRole } from '../../../access/roles'
import { importArticle } from '../../../import/importArticle'
import { badRequest } from './params'

/** Longest article text accepted (characters). */
export const MAX_IMPORT_LENGTH = 1_000_000

/**
 * `POST /api/posts/import` with `{ text, language, force? }` (staff only). 201 with
 * `{ ok: true, post, created, problems, warnings }`; 422 with `{ ok: false, problems }` when
 * the text has problems and `force` is not set (nothing is written then).
 */
export const importArticleEndpoint = (options: ResolvedPolicyPostsOptions): Endpoint => ({
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor', 'translator')) {
      return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    }
    await addDataAndFileToRequest(req)
    const data = (req.data ?? {}) as { force?: unknown; language?: unknown; text?: unknown }
    if (typeof data.text !== 'string' || data.text.trim() === '') {
      return badRequest('text', 'Paste the article text or choose a .txt file.')
    }
    if (data.text.length > MAX_IMPORT_LENGTH) {
      return badRequest('text', `The text is longer than ${MAX_IMPORT_LENGTH} characters.`)
    }
    const language = typeof data.language === 'string' ? data.language : ''
    if (!options.languages.some((candidate) => candidate.code === language)) {
      return badRequest('language', `Choose one of the languages: ${options.languages.map((l) => l.code).join(', ')}.`)
    }
    const result = await importArticle(req.payload, {
      force: data.force === true || data.force === 'true',
      language,
      req,
      text: data.text,
    })
    return Response.json(result, { status: result.ok ? 201 : 422 })
  },
  method: 'post',
  path: '/import',
})
