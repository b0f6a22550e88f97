import type { Endpoint } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { MAX_QUERY_LENGTH, searchPosts } from '../../../search/searchPosts'
import { badRequest, intParam } from './params'

/**
 * `GET /api/posts/search?q=…&lang=en&page=1&limit=10` → Payload-style paginated `{ docs,
 * totalDocs, page, totalPages, … }` of published posts, ranked by full-text relevance.
 */
export const searchPostsEndpoint = (options: ResolvedPolicyPostsOptions): Endpoint => ({
  handler: async (req) => {
    const q = req.searchParams?.get('q') ?? ''
    const lang = req.searchParams?.get('lang') ?? undefined
    if (lang !== undefined && lang !== '' && !options.languages.some((language) => language.code === lang)) {
      return badRequest('lang', `"${lang}" is not one of the languages: ${options.languages.map((l) => l.code).join(', ')}`)
    }
    if (q.length > MAX_QUERY_LENGTH * 5) return badRequest('q', `The query is too long (at most ${MAX_QUERY_LENGTH} characters are used).`)
    const result = await searchPosts(req.payload, {
      depth: intParam(req, 'depth', 0, 0, 2),
      language: lang || undefined,
      limit: intParam(req, 'limit', 10, 1, 100),
      locale: (lang || undefined) as never,
      overrideAccess: false,
      page: intParam(req, 'page', 1, 1, 10_000),
      q,
      req,
    })
    return Response.json(result)
  },
  method: 'get',
  path: '/search',
})
