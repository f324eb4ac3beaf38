// REST endpoints of the entitlement API (through Next and Payload). Thin: authorise, parse, call
// the service, answer. The lean HTTP path (src/server/entitlementRoutes.ts) serves the same
// service without Next's routing.
import type { Endpoint, PayloadRequest } from 'payload'

import { endpointPolicy } from '../access/policy'
import { isDocumentId } from '../adapters/memberRef'
import { consumeBenefit } from '../operations/entitlements/consume'
import { tierPublishImpact } from '../operations/entitlements/publishImpact'
import { recordOrder } from '../operations/entitlements/orders'
import {
  checkBatch,
  checkEntitlement,
  memberEntitlements,
  type ServiceAnswer,
} from '../operations/entitlements/service'
import {
  fromObject,
  fromSearchParams,
  isProblem,
  parseBatch,
  parseCheck,
  parseConsume,
  parseMemberOnly,
  parseOrder,
  type InputProblem,
} from './entitlementInput'

export const respond = (answer: ServiceAnswer | InputProblem): Response =>
  answer.status === 304
    ? new Response(null, { status: 304, headers: 'headers' in answer ? answer.headers : undefined })
    : Response.json(answer.body, {
        status: answer.status,
        headers: 'headers' in answer ? answer.headers : undefined,
      })

const unauthorised = (req: PayloadRequest) =>
  Response.json(
    req.user
      ? {
          error: 'forbidden',
          message: { zh: '此密钥无权调用该接口。', en: 'This key may not call this endpoint.' },
        }
      : {
          error: 'unauthorized',
          message: {
            zh: '需要 API 密钥：Authorization: service-accounts API-Key <key>',
            en: 'An API key is required: Authorization: service-accounts API-Key <key>',
          },
        },
    { status: req.user ? 403 : 401 },
  )

async function jsonBody(req: PayloadRequest): Promise<unknown | InputProblem> {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    return {
      status: 400,
      body: {
        error: 'invalid_request',
        field: 'body',
        message: { zh: '请求体必须是 JSON。', en: 'The request body must be JSON.' },
      },
    } satisfies InputProblem
  }
}

/** GET /api/members/{id}/entitlements — `id` is the Payload id or the platform user id. */
export const memberEntitlementsEndpoint: Endpoint = {
  path: '/:id/entitlements',
  method: 'get',
  handler: async (req) => {
    if (!endpointPolicy.entitlements({ req })) return unauthorised(req)
    const input = parseMemberOnly(fromObject({ member: req.routeParams?.id }))
    if (isProblem(input)) return respond(input)
    return respond(
      await memberEntitlements(req.payload, {
        member: input.member,
        ifNoneMatch: req.headers.get('if-none-match'),
      }),
    )
  },
}

export const entitlementEndpoints: Endpoint[] = [
  {
    path: '/entitlements/check',
    method: 'get',
    handler: async (req) => {
      if (!endpointPolicy.entitlements({ req })) return unauthorised(req)
      const input = parseCheck(fromSearchParams(req.searchParams))
      return respond(isProblem(input) ? input : await checkEntitlement(req.payload, input))
    },
  },
  {
    path: '/entitlements/check-batch',
    method: 'post',
    handler: async (req) => {
      if (!endpointPolicy.entitlements({ req })) return unauthorised(req)
      const body = await jsonBody(req)
      if (isProblem(body)) return respond(body)
      const input = parseBatch(fromObject(body))
      return respond(isProblem(input) ? input : await checkBatch(req.payload, input))
    },
  },
  {
    path: '/entitlements/consume',
    method: 'post',
    handler: async (req) => {
      if (!endpointPolicy.entitlements({ req })) return unauthorised(req)
      const body = await jsonBody(req)
      if (isProblem(body)) return respond(body)
      const input = parseConsume(fromObject(body))
      return respond(isProblem(input) ? input : await consumeBenefit(req.payload, input))
    },
  },
  {
    path: '/membership/orders',
    method: 'post',
    handler: async (req) => {
      if (!endpointPolicy.orders({ req })) return unauthorised(req)
      const body = await jsonBody(req)
      if (isProblem(body)) return respond(body)
      const input = parseOrder(fromObject(body))
      return respond(isProblem(input) ? input : await recordOrder(req, input))
    },
  },
]

/**
 * POST /api/tiers/{id}/publish-impact — body: the edited tier fields (optional). For the admin's
 * "impact of publishing" panel; operations and admins only.
 */
export const publishImpactEndpoint: Endpoint = {
  path: '/:id/publish-impact',
  method: 'post',
  handler: async (req) => {
    if (!endpointPolicy.publishImpact({ req })) return unauthorised(req)
    const id = req.routeParams?.id
    if (typeof id !== 'string' || !isDocumentId(id)) {
      return Response.json(
        {
          error: 'invalid_request',
          field: 'id',
          message: { zh: '等级 ID 格式不对。', en: 'Malformed tier id.' },
        },
        { status: 400 },
      )
    }
    const body = await jsonBody(req)
    if (isProblem(body)) return respond(body)
    const edited =
      body && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : null
    const impact = await tierPublishImpact(req, id, edited)
    if (!impact) {
      return Response.json(
        { error: 'tier_unknown', message: { zh: '找不到该等级。', en: 'No such tier.' } },
        { status: 404 },
      )
    }
    return Response.json(impact)
  },
}
