import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { strToU8, zipSync } from 'fflate'
import { addDataAndFileToRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID, XliffVersion } from './types'

import { hasRole } from '../access/roles'
import { badRequest, idParam, notFound } from '../collections/posts/endpoints/params'
import { forbidden } from '../translations/errors'
import { exportXliff } from './exportPost'
import { importXliff } from './importPost'
import { XliffError } from './types'

export const XLIFF_CONTENT_TYPE = 'application/xliff+xml'
/** Largest file accepted for import (bytes). */
export const MAX_XLIFF_BYTES = 10 * 1024 * 1024
/** Most posts in one batch export. */
export const MAX_BATCH = 100

function requireStaff(req: PayloadRequest): void {
  if (!hasRole(req.user, 'admin', 'editor', 'translator')) {
    throw forbidden(req.user ? 'Only newsroom staff exchange XLIFF files.' : 'You must be logged in to exchange XLIFF files.')
  }
}

/** A refusal of the file or a parameter as a 400 naming the unit (or `file`). */
const refused = (error: XliffError): Response => badRequest(error.unit ?? 'file', error.message)

const withXliffErrors =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof XliffError) return refused(error)
      throw error
    }
  }

function versionParam(req: PayloadRequest): XliffVersion {
  const raw = req.searchParams?.get('version') ?? '2.1'
  if (raw === '1.2' || raw === '2.1' || raw === '2.0' || raw === '2') return raw === '1.2' ? '1.2' : '2.1'
  throw new XliffError(`version must be 1.2 or 2.1, not "${raw}".`, 'version', false)
}

function targetParam(req: PayloadRequest): string {
  const target = req.searchParams?.get('target')?.trim() ?? ''
  if (!target) throw new XliffError('Name the target language, e.g. ?target=tr.', 'target', false)
  return target
}

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"`

/** The uploaded document: a multipart `file`, or the request body itself. */
async function uploadedXml(req: PayloadRequest): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  let bytes: Uint8Array | undefined
  if (type.includes('multipart/form-data')) {
    await addDataAndFileToRequest(req)
    bytes = req.file?.data
    if (!bytes) throw new XliffError('The form has no "file" field with the XLIFF document.', 'file', false)
  } else {
    bytes = req.arrayBuffer ? new Uint8Array(await req.arrayBuffer()) : new TextEncoder().encode((await req.text?.()) ?? '')
  }
  if (bytes.byteLength > MAX_XLIFF_BYTES) throw new XliffError(`The file is larger than ${MAX_XLIFF_BYTES / 1024 / 1024} MB.`, 'file', false)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new XliffError('The file is not UTF-8 text.', 'file', false)
  }
}

/**
 * XLIFF exchange on the posts collection: `GET /:id/xliff?target=tr[&version=1.2]` (the file),
 * `POST /:id/xliff` (import into the target-language draft), `GET /xliff?ids=1,2&target=tr`
 * (several posts as one zip).
 */
export function xliffEndpoints(options: ResolvedPolicyPostsOptions): Endpoint[] {
  const collection = options.slugs.posts
  return [
    {
      handler: withXliffErrors(async (req) => {
        requireStaff(req)
        const raw = req.searchParams?.get('ids') ?? ''
        const ids = [...new Set(raw.split(',').map((id) => id.trim()).filter(Boolean))]
        if (ids.length === 0) throw new XliffError('List the posts to export, e.g. ?ids=12,15&target=tr.', 'ids', false)
        if (ids.length > MAX_BATCH) throw new XliffError(`At most ${MAX_BATCH} posts per batch.`, 'ids', false)
        const numeric = req.payload.db.defaultIDType === 'number'
        const bad = numeric ? ids.find((id) => !/^\d{1,15}$/.test(id)) : undefined
        if (bad !== undefined) throw new XliffError(`"${bad}" is not a post id.`, 'ids', false)
        const target = targetParam(req)
        const version = versionParam(req)
        const files: Record<string, Uint8Array> = {}
        for (const id of ids) {
          try {
            const { filename, xml } = await exportXliff(req, options, numeric ? Number(id) : id, target, version)
            files[filename] = strToU8(xml)
          } catch (error) {
            if (error instanceof XliffError) throw new XliffError(`Post ${id}: ${error.message}`, error.unit ?? 'ids', false)
            if ((error as { status?: number }).status === 404) throw new XliffError(`Post ${id} does not exist.`, 'ids', false)
            throw error
          }
        }
        return new Response(zipSync(files, { level: 6 }), {
          headers: {
            'Content-Disposition': attachment(`${collection}-${target}-xliff.zip`),
            'Content-Type': 'application/zip',
          },
        })
      }),
      method: 'get',
      path: '/xliff',
    },
    {
      handler: withXliffErrors(async (req) => {
        requireStaff(req)
        const id = idParam(req, collection)
        if (id === undefined) return notFound(req)
        const { filename, xml } = await exportXliff(req, options, id, targetParam(req), versionParam(req))
        return new Response(xml, {
          headers: { 'Content-Disposition': attachment(filename), 'Content-Type': `${XLIFF_CONTENT_TYPE}; charset=utf-8` },
        })
      }),
      method: 'get',
      path: '/:id/xliff',
    },
    {
      handler: withXliffErrors(async (req) => {
        requireStaff(req)
        const id: ID | undefined = idParam(req, collection)
        if (id === undefined) return notFound(req)
        const result = await importXliff(req, options, id, await uploadedXml(req))
        return Response.json(result, { status: result.created ? 201 : 200 })
      }),
      method: 'post',
      path: '/:id/xliff',
    },
  ]
}
