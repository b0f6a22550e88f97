import type { Endpoint } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { hasRole } from '../../access/roles'
import { badRequest } from '../../collections/posts/endpoints/params'
import { importCitations } from './importCitations'
import { CitationLibraryError } from './readCitationLibrary'

/** Largest citation library accepted (bytes). */
export const MAX_LIBRARY_BYTES = 5_000_000

/**
 * `POST /api/footnotes/import` (staff only): a BibTeX, RIS or CSL-JSON library as a multipart
 * `file`, or JSON `{ text, fileName? }`. 201 with `{ format, created: [ids], reused: [ids] }`;
 * 400 naming `file` when it cannot be read (nothing is written then).
 */
export const importCitationsEndpoint = (): Endpoint => ({
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor', 'translator')) {
      return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    }
    await addDataAndFileToRequest(req)
    const data = (req.data ?? {}) as { fileName?: unknown; text?: unknown }
    const bytes = req.file?.data
    const text = bytes ? Buffer.from(bytes).toString('utf8') : typeof data.text === 'string' ? data.text : ''
    const fileName = req.file?.name ?? (typeof data.fileName === 'string' ? data.fileName : '')
    if (!text.trim()) return badRequest('file', 'Choose a BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file.')
    if (Buffer.byteLength(text) > MAX_LIBRARY_BYTES) return badRequest('file', `The file is larger than ${MAX_LIBRARY_BYTES / 1_000_000} MB.`)
    try {
      const result = await importCitations(req.payload, { fileName, req, text })
      return Response.json(result, { status: 201 })
    } catch (error) {
      if (error instanceof CitationLibraryError) return badRequest('file', error.message)
      throw error
    }
  },
  method: 'post',
  path: '/import',
})
