import type { AfterErrorHook } from 'payload'

import { errorChain } from '../utilities/errorChain'

/**
 * Postgres errors caused by a value of the wrong shape, which reach the database when Payload
 * skips validation (draft saves) or cannot check the value (a non-numeric ID in a URL):
 * invalid text representation, numeric out of range, bad dates, string too long, foreign key
 * and not-null violations, bytes Postgres cannot store. Anything else stays a 500.
 */
const BAD_INPUT_CODES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05', '23502', '23503', '23514'])

interface PgLikeError {
  code?: string
  column?: string
  detail?: string
  message?: string
}

function pgErrorOf(error: unknown): PgLikeError | undefined {
  return (errorChain(error) as PgLikeError[]).find((link) => typeof link.code === 'string' && BAD_INPUT_CODES.has(link.code))
}

/** The top-level (or group) field of `data` whose value is `token`, to name it in the error. */
function fieldHolding(data: unknown, token: string, prefix = ''): string | undefined {
  if (!data || typeof data !== 'object') return undefined
  for (const [key, value] of Object.entries(data)) {
    if (String(value) === token) return `${prefix}${key}`
    if (Array.isArray(value) && value.some((item) => String(item) === token)) return `${prefix}${key}`
    if (value && typeof value === 'object' && !Array.isArray(value) && !prefix) {
      const nested = fieldHolding(value, token, `${key}.`)
      if (nested) return nested
    }
  }
  return undefined
}

const snake = (name: string) => name.replace(/_id$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

function describe(pg: PgLikeError, data: unknown): { message: string; path?: string } {
  const text = pg.message ?? ''
  const quoted = /"((?:[^"\\]|\\.)*)"\s*$/.exec(text)?.[1]
  const enumName = /enum (enum_[a-z0-9_]+)/.exec(text)?.[1]
  const fk = /Key \(([a-z0-9_]+)\)=\(([^)]*)\) is not present in table "([^"]+)"/.exec(pg.detail ?? '')
  if (fk) {
    const path = fieldHolding(data, fk[2]) ?? snake(fk[1])
    return { message: `${path}: no document with ID ${fk[2]} exists in "${fk[3]}".`, path }
  }
  if (pg.code === '23502' && pg.column) {
    const path = snake(pg.column)
    return { message: `${path} is required.`, path }
  }
  let path = quoted !== undefined ? fieldHolding(data, quoted) : undefined
  if (!path && enumName) path = enumName.split('_').slice(2).join('_') || undefined
  const what = enumName
    ? 'is not one of the allowed values'
    : pg.code === '22001'
      ? 'is too long'
      : pg.code === '22003'
        ? 'is out of range'
        : pg.code === '22P05' || pg.code === '22021'
          ? 'has characters that cannot be stored'
          : 'has the wrong type or format'
  const shown = quoted !== undefined ? `"${quoted.slice(0, 80)}" ` : ''
  return { message: `${path ? `${path}: ` : ''}the value ${shown}${what}.`, path }
}

/**
 * The field paths the request URL's `where` names (`a.b.c` for `where[a.b.c][like]=…`). Read
 * from the URL because Payload adds access constraints to the parsed query in place.
 */
function wherePaths(url: string | undefined): string[] {
  if (!url) return []
  const paths = new Set<string>()
  for (const key of new URL(url, 'http://localhost').searchParams.keys()) {
    if (!key.startsWith('where[')) continue
    const segments = [...key.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1])
    const path = segments.find((segment) => segment !== 'and' && segment !== 'or' && !/^\d+$/.test(segment))
    if (path) paths.add(path)
  }
  return [...paths]
}

/**
 * The database adapter cannot follow some paths a query may name (a join field reached through
 * a relationship, e.g. `translationGroup.posts.title`) and throws a non-public 500.
 */
function unqueryablePath(error: unknown, url: string | undefined): string | undefined {
  const message = (error as { message?: unknown } | undefined)?.message
  if (typeof message !== 'string' || !message.startsWith('Cannot find field for path')) return undefined
  const paths = wherePaths(url)
  const dotted = paths.filter((path) => path.includes('.'))
  return (dotted.length > 0 ? dotted : paths).join(', ') || 'unknown'
}

/**
 * Root `afterError` hook: turns database errors caused by bad input into a 400 (or a 404 for a
 * malformed ID in a read URL) in the shape of Payload's validation errors, instead of "Something
 * went wrong." with a 500. A write body that is JSON but not an object is a 400 as well.
 */
export const explainBadInputHook: AfterErrorHook = ({ error, req }) => {
  const method = req.method?.toUpperCase()
  const data = req.data
  if (
    (method === 'POST' || method === 'PATCH') &&
    data !== undefined &&
    (data === null || typeof data !== 'object' || Array.isArray(data)) &&
    error instanceof TypeError
  ) {
    return {
      response: { errors: [{ message: 'The request body must be a JSON object of field values.' }] },
      status: 400,
    }
  }
  const unqueryable = unqueryablePath(error, req.url)
  if (unqueryable !== undefined) {
    return {
      response: {
        errors: [
          {
            message: `The query cannot filter on "${unqueryable}": that path does not lead to a field that can be queried (the posts of a translation group, a join, cannot be queried through a relationship).`,
          },
        ],
      },
      status: 400,
    }
  }
  const pg = pgErrorOf(error)
  if (!pg) return
  if (method === 'GET' && (pg.code === '22P02' || pg.code === '22003')) {
    return { response: { errors: [{ message: 'Not Found' }] }, status: 404 }
  }
  const { message, path } = describe(pg, data)
  return {
    response: {
      errors: [
        {
          data: { errors: [{ message, path: path ?? '' }] },
          message: `The following field is invalid: ${path ?? 'unknown'}`,
          name: 'ValidationError',
        },
      ],
    },
    status: 400,
  }
}
