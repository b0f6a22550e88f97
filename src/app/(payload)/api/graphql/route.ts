import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { answer503WhenDatabaseUnavailable } from '@/lib/database/routes'
import { refuseMalformedGraphQLBody } from '@/lib/server/graphqlRequestBody'

// An unavailable database is a 503 here too (GraphQL would answer 200 with errors); a body
// that is not a JSON object is a 400.
export const POST = refuseMalformedGraphQLBody(answer503WhenDatabaseUnavailable(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
