// What both HTTP transports (Payload's REST endpoints and the lean node:http routes) do with a
// request, so they answer the same bytes: decode the body, gather the raw input as the row says,
// perform the operation, and turn its outcome into a status, a body and headers (a refusal by the
// one reason→status table; a value with a revision gets an ETag and may be answered 304).
import type { Principal } from '../access/roles'
import { ok, type Outcome } from '../operations/result'
import { queryInput } from './input'
import { perform, type ApiOperation, type Call } from './operations'
import { refusalBody, refusalStatus, transportRefusals } from './refusals'

export type HttpAnswer = { status: number; body: unknown; headers?: Record<string, string> }

export type HttpRequestParts = {
  /** Path parameters by name, decoded. */
  params: Record<string, string>
  query: URLSearchParams
  /** The decoded JSON body (POST rows), or the refusal of a body that is not JSON. */
  body: Outcome<unknown>
  ifNoneMatch: string | null | undefined
}

/**
 * A request body as JSON: undefined when empty. Behind the REST guard (src/endpoints/restGuard.ts)
 * it is always a JSON object by now; the refusal is for a handler reached without the guard.
 */
export function decodeJsonBody(text: string): Outcome<unknown> {
  if (text.length === 0) return ok(undefined)
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    return { ok: false, refusal: transportRefusals.invalidJson }
  }
}

/** The names of a route's `:name` path segments, in order. */
export const pathParameters = (path: string): string[] =>
  path
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1))

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The input as the request carries it; path parameters win over fields of the same name. */
function rawInput(operation: ApiOperation, parts: HttpRequestParts): unknown {
  const { input } = operation.rest
  if (input === 'query') return { ...queryInput(parts.query), ...parts.params }
  const body = parts.body.ok ? parts.body.value : undefined
  if (input === 'body') {
    // Not an object: the schema refuses the body as a whole.
    if (!isPlainObject(body)) return Object.keys(parts.params).length ? parts.params : body
    return { ...body, ...parts.params }
  }
  return { ...parts.params, [input.bodyAs]: body }
}

const etagMatches = (ifNoneMatch: string, etag: string) =>
  ifNoneMatch.trim() === '*' ||
  ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)

export function httpAnswer(
  operation: ApiOperation,
  outcome: Outcome<unknown>,
  ifNoneMatch?: string | null,
): HttpAnswer {
  if (!outcome.ok) {
    return { status: refusalStatus[outcome.refusal.reason], body: refusalBody(outcome.refusal) }
  }
  const status = operation.rest.status?.(outcome.value) ?? 200
  if (outcome.revision === undefined) return { status, body: outcome.value }
  const etag = `"${outcome.revision}"`
  const headers = { etag, 'cache-control': 'private, no-cache' }
  if (ifNoneMatch && etagMatches(ifNoneMatch, etag)) return { status: 304, body: null, headers }
  return { status, body: outcome.value, headers }
}

/**
 * One request on an HTTP transport. A body that is not JSON is refused first (it is the envelope,
 * like its size), then `perform` authorises, parses and runs.
 */
export async function serveHttp(
  operation: ApiOperation,
  call: Call,
  principal: Principal | null,
  parts: HttpRequestParts,
): Promise<HttpAnswer> {
  if (!parts.body.ok) return httpAnswer(operation, parts.body)
  const outcome = await perform(operation, call, principal, rawInput(operation, parts))
  return httpAnswer(operation, outcome, parts.ifNoneMatch)
}
