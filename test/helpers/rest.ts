import type { Payload } from 'payload'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export interface RestResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

/**
 * Calls Payload's real REST route handlers (the same ones Next mounts under /api) in
 * process, so HTTP status codes, access control and error bodies are the real ones.
 */
export function restClient(payload: Payload) {
  const config = Promise.resolve(payload.config)
  const handlers: Record<string, Handler> = {
    DELETE: REST_DELETE(config) as Handler,
    GET: REST_GET(config) as Handler,
    PATCH: REST_PATCH(config) as Handler,
    POST: REST_POST(config) as Handler,
  }
  const call = async <T = any>(
    method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
    path: string,
    { body, form, headers = {}, raw, token }: { body?: unknown; form?: FormData; headers?: Record<string, string>; raw?: string; token?: string } = {},
  ): Promise<RestResponse<T>> => {
    const url = new URL(`http://localhost/api${path}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const init: RequestInit = { headers: { ...headers }, method }
    if (token) (init.headers as Record<string, string>).Authorization = `JWT ${token}`
    if (form) init.body = form // fetch sets the multipart boundary itself
    else if (raw !== undefined || body !== undefined) {
      ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
      init.body = raw ?? JSON.stringify(body)
    }
    const response = await handlers[method](new Request(url, init), { params: Promise.resolve({ slug }) })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // non-JSON bodies (e.g. BibTeX) stay text
    }
    return { body: parsed as T, headers: response.headers, status: response.status }
  }
  return {
    call,
    delete: <T = any>(path: string, opts?: Parameters<typeof call>[2]) => call<T>('DELETE', path, opts),
    get: <T = any>(path: string, opts?: Parameters<typeof call>[2]) => call<T>('GET', path, opts),
    /** Logs in through REST and returns the JWT. */
    login: async (email: string, password: string, collection = 'users') => {
      const response = await call<{ token: string }>('POST', `/${collection}/login`, { body: { email, password } })
      if (response.status !== 200) throw new Error(`login as ${email} failed: ${JSON.stringify(response.body)}`)
      return response.body.token
    },
    patch: <T = any>(path: string, opts?: Parameters<typeof call>[2]) => call<T>('PATCH', path, opts),
    post: <T = any>(path: string, opts?: Parameters<typeof call>[2]) => call<T>('POST', path, opts),
  }
}
