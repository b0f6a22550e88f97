import type { Endpoint } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { hasRole } from '../access/roles'
import { idParam, notFound } from '../collections/posts/endpoints/params'
import { forbidden } from '../translations/errors'
import { compareTranslation } from './compare'
import { translationDashboard } from './dashboard'

const staffOnly = (user: unknown) => {
  if (!hasRole(user as never, 'admin', 'editor', 'translator')) {
    throw forbidden(user ? 'Only newsroom staff see translation work.' : 'You must be logged in to see translation work.')
  }
}

/** `GET /translation-dashboard` and `GET /:id/compare` on the posts collection (staff only). */
export const translatorDeskEndpoints = (options: ResolvedPolicyPostsOptions): Endpoint[] => [
  {
    handler: async (req) => {
      staffOnly(req.user)
      return Response.json(await translationDashboard(req, options))
    },
    method: 'get',
    path: '/translation-dashboard',
  },
  {
    handler: async (req) => {
      staffOnly(req.user)
      const id = idParam(req, options.slugs.posts)
      if (id === undefined) return notFound(req)
      return Response.json(await compareTranslation(req, options, id))
    },
    method: 'get',
    path: '/:id/compare',
  },
]
