/* Payload's REST route handlers (as in its template), behind the input guard. */
import config from '@payload-config'
import '@payloadcms/next/css'

import { guardedRestRoutes } from '../../../../endpoints/restGuard'

export const { GET, POST, DELETE, PATCH, PUT, OPTIONS } = guardedRestRoutes(config)
