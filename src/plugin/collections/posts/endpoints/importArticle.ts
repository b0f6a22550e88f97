import type { Endpoint } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { hasRole } from '../../../access/roles'
import { DocxImportError } from '../../../import/docx/DocxImportError'
import { sniffFile } from '../../../import/docx/sniffFile'
import { importArticle } from '../../../import/importArticle'
import { importDocx } from '../../../import/importDocx'
import { badRequest } from './params'

/** Longest article text accepted (characters). */
const MAX_IMPORT_LENGTH = 1_000_000

const truthy = (value: unknown): boolean => value === true || value === 'true'

/**
 * `POST /api/posts/import` (staff only), either JSON `{ text, language, force? }` or multipart
 * with a .docx `file` and a `_payload` JSON part `{ language, force?, preview? }` (Payload's
 * multipart convention). 201 with
 * `{ ok: true, post, created, problems, warnings }` (a .docx adds `media`); 200 with what would
 * be created for `preview`; 422 with `{ ok: false, problems }` when the content has problems
 * and `force` is not set; 400 naming `file` for a file that is not a readable .docx, too large
 * or with too many notes. Nothing is written unless the import succeeds.
 */
export const importArticleEndpoint = (options: ResolvedPolicyPostsOptions): Endpoint => ({
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor', 'translator')) {
      return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    }
    await addDataAndFileToRequest(req)
    const data = (req.data ?? {}) as { force?: unknown; language?: unknown; preview?: unknown; text?: unknown }
    const language = typeof data.language === 'string' ? data.language : ''
    if (!options.languages.some((candidate) => candidate.code === language)) {
      return badRequest('language', `Choose one of the languages: ${options.languages.map((l) => l.code).join(', ')}.`)
    }
    const force = truthy(data.force)

    if (req.file) {
      try {
        const result = await importDocx(req.payload, { file: req.file.data, force, language, preview: truthy(data.preview), req })
        return Response.json(result, { status: 'preview' in result ? 200 : result.ok ? 201 : 422 })
      } catch (error) {
        if (error instanceof DocxImportError) return badRequest('file', error.message)
        throw error
      }
    }

    if (typeof data.text !== 'string' || data.text.trim() === '') {
      return badRequest('text', 'Paste the article text or choose a .txt or .docx file.')
    }
    if (data.text.length > MAX_IMPORT_LENGTH) {
      return badRequest('text', `The text is longer than ${MAX_IMPORT_LENGTH} characters.`)
    }
    // A binary file read as text (a .docx or PDF renamed .txt) arrives full of NUL characters.
    if (sniffFile(Buffer.from(data.text, 'utf8')) !== 'text') {
      return badRequest('text', 'This is not plain text but the content of a binary file; choose a .docx as a file, or paste the text.')
    }
    const result = await importArticle(req.payload, { force, language, req, text: data.text })
    return Response.json(result, { status: result.ok ? 201 : 422 })
  },
  method: 'post',
  path: '/import',
})
