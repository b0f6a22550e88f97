import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'

export interface GraphQLResponse<T = any> {
  status: number
  body: { data?: T; errors?: { extensions?: { statusCode?: number }; message: string; path?: string[] }[] }
}

/** Payload's real GraphQL route handler (the one Next mounts at /api/graphql), in process. */
export function graphqlClient(payload: Payload) {
  const handler = GRAPHQL_POST(Promise.resolve(payload.config))
  return async <T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers.Authorization = `JWT ${token}`
    const response = await handler(
      new Request('http://localhost/api/graphql', { body: JSON.stringify({ query, variables }), headers, method: 'POST' }),
    )
    const text = await response.text()
    let body: GraphQLResponse<T>['body']
    try {
      body = JSON.parse(text)
    } catch {
      body = { errors: [{ message: text }] }
    }
    return { body, status: response.status }
  }
}

/** The HTTP-like status of the first GraphQL error (403, 404 …), or 200 without errors. */
export const graphqlStatus = (response: GraphQLResponse): number =>
  response.body.errors?.length ? (response.body.errors[0].extensions?.statusCode ?? 500) : response.status
