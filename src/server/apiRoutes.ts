// The lean path: the operation rows marked `lean` answered by node:http directly, without Next's
// routing, through the same HTTP pipeline as the Payload endpoints (src/api/http.ts), and with the
// input guard's checks of query and body (src/server/inputRefusals.ts), so they send the same
// statuses, bodies and headers. Requests that do not carry a service-account API key (staff
// sessions, cookies, anonymous calls) are handed to Next unchanged.
import type { IncomingHttpHeaders } from 'node:http'

import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { requestShapes } from '../adapters/requestShape'
import { pathParameters, serveHttp } from '../api/http'
import { apiOperations, type ApiOperation } from '../api/operations'
import { principalForHeader } from '../operations/entitlements/apiKeys'
import { ok } from '../operations/result'
import type { HotRoute } from './hotRoutes'
import { inputRefusalAnswer, queryRefusal } from './inputRefusals'

const apiKeyPrefix = `${slugs.serviceAccounts} API-Key `

// Staff sessions (JWT, cookies) and anonymous calls go on to Next and Payload's own auth.
const hasApiKey = (headers: IncomingHttpHeaders) =>
  typeof headers.authorization === 'string' && headers.authorization.startsWith(apiKeyPrefix)

function leanRoute(payload: Payload, operation: ApiOperation): HotRoute {
  const { collection, method, path } = operation.rest
  const names = pathParameters(path)
  // What the REST guard checks the query against on the same path behind Next.
  const shapes = requestShapes(payload.config)
  const target = {
    shape: collection ? shapes.collections[collection] : undefined,
    locales: shapes.locales,
  }
  return {
    method,
    path: `/api${path}`,
    when: hasApiKey,
    // Tells frontends (and tests) which path answered.
    headers: { 'x-served-by': 'lean' },
    handle: async (request) => {
      const refused = queryRefusal(request.url.searchParams, target)
      if (refused) return inputRefusalAnswer(refused, request.headers, request.url.searchParams)
      const principal = await principalForHeader(payload, request.headers.authorization)
      const answer = await serveHttp(operation, { payload }, principal, {
        params: Object.fromEntries(names.map((name) => [name, request.params[name] ?? ''])),
        query: request.url.searchParams,
        body: ok(request.body),
        ifNoneMatch: request.headers['if-none-match'],
      })
      return answer
    },
  }
}

export const apiRoutes = (payload: Payload): HotRoute[] =>
  (Object.values(apiOperations) as ApiOperation[])
    .filter((operation) => operation.lean)
    .map((operation) => leanRoute(payload, operation))
