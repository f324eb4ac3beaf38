// Payload REST endpoints generated from the operation table: each one reads the request into the
// parts the row names, hands them to the shared HTTP pipeline (src/api/http.ts) and sends its
// answer. No parsing, authorisation or wording of its own.
import type { Endpoint, PayloadRequest } from 'payload'

import { principalOf } from '../api/authorise'
import { decodeJsonBody, pathParameters, serveHttp, type HttpAnswer } from '../api/http'
import { apiOperations, type ApiOperation } from '../api/operations'
import { ok } from '../operations/result'

const toResponse = (answer: HttpAnswer): Response =>
  answer.status === 304
    ? new Response(null, { status: 304, headers: answer.headers })
    : Response.json(answer.body, { status: answer.status, headers: answer.headers })

function restEndpoint(operation: ApiOperation): Endpoint {
  const { collection, method, path } = operation.rest
  const names = pathParameters(path)
  return {
    method: method === 'GET' ? 'get' : 'post',
    // A collection's endpoints are matched below its slug.
    path: collection ? path.slice(collection.length + 1) : path,
    handler: async (req: PayloadRequest) => {
      const params = Object.fromEntries(
        names.map((name) => [name, String(req.routeParams?.[name] ?? '')]),
      )
      const answer = await serveHttp(
        operation,
        { payload: req.payload, req },
        principalOf(req.user),
        {
          params,
          query: req.searchParams,
          body: method === 'POST' ? decodeJsonBody((await req.text?.()) ?? '') : ok(undefined),
          ifNoneMatch: req.headers.get('if-none-match'),
        },
      )
      return toResponse(answer)
    },
  }
}

const operations: ApiOperation[] = Object.values(apiOperations)

/** Endpoints under /api itself (payload.config.ts). */
export const rootEndpoints: Endpoint[] = operations
  .filter((operation) => !operation.rest.collection)
  .map(restEndpoint)

/** Endpoints a collection serves below its slug (its config's `endpoints`). */
export const collectionEndpoints = (slug: string): Endpoint[] =>
  operations.filter((operation) => operation.rest.collection === slug).map(restEndpoint)
