// Calls the app's REST and GraphQL route handlers (Payload's, behind the input guard) in-process,
// exactly as Next would.
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { guardedRestRoutes } from '../../src/endpoints/restGuard'
import { guardedGraphqlPost } from '../../src/graphql/graphqlGuard'
import { demoServiceAccount } from '../../seed/data/staff'

export const baseUrl = 'http://localhost:3000'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
const handlers = guardedRestRoutes(config)

export type Credentials = { token: string } | { apiKey: string } | null

export function authHeaders(credentials: Credentials): Record<string, string> {
  if (!credentials) return {}
  if ('token' in credentials) return { Authorization: `JWT ${credentials.token}` }
  return { Authorization: `${slugs.serviceAccounts} API-Key ${credentials.apiKey}` }
}

/** `path` is everything after /api, e.g. `/users?limit=1`. */
export async function rest(
  method: Method,
  path: string,
  options: {
    as?: Credentials
    json?: unknown
    body?: BodyInit
    headers?: Record<string, string>
    /** Also return the response headers. */
    raw?: boolean
  } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers?: Headers }> {
  const url = new URL(`/api${path}`, baseUrl)
  const headers: Record<string, string> = { ...authHeaders(options.as ?? null), ...options.headers }
  let body = options.body
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  const request = new Request(url, { method, headers, body })
  // Next hands the route its path segments decoded.
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment))
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    ...(options.raw ? { headers: response.headers } : {}),
  }
}

const graphqlHandler = guardedGraphqlPost(config)

/**
 * Hands a raw Request to the handler Next would route it to (GraphQL or REST) and returns the
 * raw Response: for requests `rest()` and `graphql()` cannot express (malformed bodies, odd
 * content types) and responses that may not be JSON.
 */
export function send(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/graphql') {
    if (request.method !== 'POST') return Promise.resolve(new Response(null, { status: 405 }))
    return graphqlHandler(request)
  }
  const method = request.method as Method
  // Next hands the route its path segments decoded.
  const slug = pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
  return handlers[method](request, { params: Promise.resolve({ slug }) })
}

/**
 * A GraphQL error as Payload reports it (`extensions.data` holds a ValidationError's field
 * errors), or as an API operation refuses (`extensions` is the REST refusal body plus `status`).
 */
export type GraphqlError = {
  message: string
  extensions?: {
    statusCode?: number
    data?: { reason?: string; errors?: { path: string; message: string }[] }
    [key: string]: unknown
  }
}

export async function graphql(
  query: string,
  options: {
    as?: Credentials
    variables?: Record<string, unknown>
    headers?: Record<string, string>
  } = {},
): Promise<{
  status: number
  data: Record<string, unknown> | null
  errors?: GraphqlError[]
}> {
  const request = new Request(new URL('/api/graphql', baseUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...authHeaders(options.as ?? null),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  })
  const response = await graphqlHandler(request)
  const result = (await response.json()) as {
    data?: Record<string, unknown> | null
    errors?: GraphqlError[]
  }
  return { status: response.status, data: result.data ?? null, errors: result.errors }
}

export const testPayload = (): Promise<Payload> => getPayload({ config })

/** Signs a staff user in through the REST login endpoint and returns their JWT. */
export async function signIn(email: string, password: string): Promise<{ token: string }> {
  const { status, body } = await rest('POST', `/${slugs.users}/login`, {
    json: { email, password },
  })
  if (status !== 200 || typeof body.token !== 'string') {
    throw new Error(`login of ${email} failed with ${status}: ${JSON.stringify(body)}`)
  }
  return { token: body.token }
}

export const demoFrontendKey = { apiKey: demoServiceAccount.apiKey }
