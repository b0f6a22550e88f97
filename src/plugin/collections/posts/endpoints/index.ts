import type { Endpoint } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { citationsEndpoint } from './citations'
import { importArticleEndpoint } from './importArticle'
import { searchPostsEndpoint } from './search'
import { similarPostsEndpoint } from './similar'

/** The posts collection's own REST endpoints (matched before Payload's `/:id`). */
export const postsEndpoints = (options: ResolvedPolicyPostsOptions): Endpoint[] => [
  searchPostsEndpoint(options),
  importArticleEndpoint(options),
  similarPostsEndpoint(options),
  citationsEndpoint(options),
]
