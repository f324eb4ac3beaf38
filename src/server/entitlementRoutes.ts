// The hot routes: check, batch check and consume answered by node:http directly, without Next's
// routing, with the same parsing, service and answers as the Payload endpoints. Requests that do
// not carry a service-account API key (staff sessions, cookies) are handed to Next unchanged.
import type { IncomingHttpHeaders } from 'node:http'

import type { Payload } from 'payload'

import { hasAnyRole } from '../access/roles'
import {
  fromObject,
  fromSearchParams,
  isProblem,
  parseBatch,
  parseCheck,
  parseConsume,
  type InputProblem,
} from '../endpoints/entitlementInput'
import { principalForHeader } from '../operations/entitlements/apiKeys'
import { consumeBenefit } from '../operations/entitlements/consume'
import {
  checkBatch,
  checkEntitlement,
  type ServiceAnswer,
} from '../operations/entitlements/service'
import type { HotRequest, HotResponse, HotRoute } from './hotRoutes'

const apiKeyPrefix = 'service-accounts API-Key '

/** `x-served-by: lean` tells frontends (and tests) which path answered. */
const toResponse = (answer: ServiceAnswer | InputProblem): HotResponse => ({
  status: answer.status,
  body: answer.body,
  headers: { ...('headers' in answer ? answer.headers : {}), 'x-served-by': 'lean' },
})

export function entitlementRoutes(payload: Payload): HotRoute[] {
  const guarded =
    (serve: (request: HotRequest) => Promise<ServiceAnswer | InputProblem>) =>
    async (request: HotRequest): Promise<HotResponse> => {
      const principal = await principalForHeader(payload, request.headers.authorization)
      if (!principal) {
        return {
          status: 401,
          body: {
            error: 'unauthorized',
            message: {
              zh: 'API 密钥无效或已停用。',
              en: 'The API key is not valid or was disabled.',
            },
          },
        }
      }
      if (!hasAnyRole(principal, ['admin', 'support', 'frontend'])) {
        return {
          status: 403,
          body: {
            error: 'forbidden',
            message: { zh: '此密钥无权调用该接口。', en: 'This key may not call this endpoint.' },
          },
        }
      }
      return toResponse(await serve(request))
    }

  // Staff sessions (JWT, cookies) and anonymous calls go on to Next and Payload's own auth.
  const when = (headers: IncomingHttpHeaders) =>
    typeof headers.authorization === 'string' && headers.authorization.startsWith(apiKeyPrefix)
  return [
    {
      method: 'GET',
      path: '/api/entitlements/check',
      when,
      handle: guarded(async (request) => {
        const input = parseCheck(fromSearchParams(request.url.searchParams))
        return isProblem(input) ? input : checkEntitlement(payload, input)
      }),
    },
    {
      method: 'POST',
      path: '/api/entitlements/check-batch',
      when,
      handle: guarded(async (request) => {
        const input = parseBatch(fromObject(request.body))
        return isProblem(input) ? input : checkBatch(payload, input)
      }),
    },
    {
      method: 'POST',
      path: '/api/entitlements/consume',
      when,
      handle: guarded(async (request) => {
        const input = parseConsume(fromObject(request.body))
        return isProblem(input) ? input : consumeBenefit(payload, input)
      }),
    },
  ]
}
