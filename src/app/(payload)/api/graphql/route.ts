/* Payload's GraphQL route handler (as in its template), behind the input guard. */
import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { guardedGraphqlPost } from '../../../../graphql/graphqlGuard'

export const POST = guardedGraphqlPost(config)

export const OPTIONS = REST_OPTIONS(config)
