import type { PayloadRequest } from 'payload'

/** A query-string integer clamped to [min, max]; `fallback` when absent or not a number. */
export function intParam(req: PayloadRequest, name: string, fallback: number, min: number, max: number): number {
  const raw = req.searchParams?.get(name)
  if (raw === null || raw === undefined || raw.trim() === '') return fallback
  const value = Number.parseInt(raw, 10)
  if (!Number.isFinite(value)) return fallback
  return Math.min(max, Math.max(min, value))
}

/** The `:id` route parameter when it can be an id of this collection (else undefined → 404). */
export function idParam(req: PayloadRequest, collection: string): number | string | undefined {
  const raw = req.routeParams?.id
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined
  const text = String(raw)
  const numeric = req.payload.collections[collection as 'posts']?.customIDType === undefined && req.payload.db.defaultIDType === 'number'
  if (numeric) return /^\d{1,15}$/.test(text) ? Number(text) : undefined
  return text === '' ? undefined : text
}

export const notFound = (req: PayloadRequest): Response =>
  Response.json({ errors: [{ message: req.t ? req.t('general:notFound') : 'Not Found' }] }, { status: 404 })

/** A 400 in the shape of Payload's validation errors, naming the offending parameter. */
export const badRequest = (path: string, message: string): Response =>
  Response.json(
    { errors: [{ data: { errors: [{ message, path }] }, message: `The following field is invalid: ${path}` }] },
    { status: 400 },
  )
