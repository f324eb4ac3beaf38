// The request dispatch of the app server, apart from Next so it can be tested without a build:
// a hot route (exact method + pathname, or a pathname with `:name` segments) is answered here,
// everything else goes to `fallback`. A body is admitted as the REST guard in front of Next admits
// one (a JSON object within the size limit: 400, 413, 415 otherwise, in the guard's shape); another
// method on a hot path (405) and a handler's failure (500) get the API's refusal body.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { refusalBody, refusalStatus, transportRefusals } from '../api/refusals'
import { tooLarge as tooLargeRefusal } from '../domain/input/bodies'
import { inputLimits } from '../domain/input/limits'
import { isRefusal } from '../domain/input/refusal'
import type { Refusal } from '../operations/result'
import type { HotRequest, HotResponse, HotRoute } from './hotRoutes'
import { admitJsonBody, inputRefusalAnswer } from './inputRefusals'

/** The same JSON body limit as the REST and GraphQL guards behind Next. */
export const MAX_BODY_BYTES = inputLimits.jsonBodyBytes

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void
export type FallbackHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>
export type ServerLog = (message: string, error?: unknown) => void

export type DispatchOptions = {
  routes: HotRoute[]
  fallback: FallbackHandler
  log: ServerLog
  maxBodyBytes?: number
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** Statuses that must not carry a body (RFC 9110). */
const bodiless = (status: number) => status === 204 || status === 304

const refused = (refusal: Refusal, headers?: Record<string, string>): HotResponse => ({
  status: refusalStatus[refusal.reason],
  body: refusalBody(refusal),
  ...(headers ? { headers } : {}),
})

class RequestError extends Error {
  constructor(
    readonly response: HotResponse,
    // A refused body may still be arriving; closing is cheaper than reading it to the end.
    readonly closeConnection = false,
  ) {
    super(String((response.body as { reason?: unknown }).reason))
  }
}

type PatternRoutes = { pattern: RegExp; names: string[]; byMethod: Map<string, HotRoute> }

/** `/api/members/:member/entitlements` → a regular expression capturing each `:name` segment. */
function compilePattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = []
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(segment.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return { pattern: new RegExp(`^${source}$`), names }
}

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment // malformed escapes stay as sent; the request schema refuses them
  }
}

export function createDispatcher(options: DispatchOptions): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  // pathname → method → route; built once, so a request costs two Map lookups. Paths with
  // parameters are tried, in order, only when no exact path matches.
  const table = new Map<string, Map<string, HotRoute>>()
  const patterns = new Map<string, PatternRoutes>()
  for (const route of options.routes) {
    const parameterised = route.path.includes('/:')
    let byMethod = parameterised ? patterns.get(route.path)?.byMethod : table.get(route.path)
    if (!byMethod) {
      byMethod = new Map<string, HotRoute>()
      if (parameterised) patterns.set(route.path, { ...compilePattern(route.path), byMethod })
      else table.set(route.path, byMethod)
    }
    if (byMethod.has(route.method)) {
      throw new Error(`hot route ${route.method} ${route.path} is registered twice`)
    }
    byMethod.set(route.method, route)
  }
  const patternList = [...patterns.values()]

  const lookup = (pathname: string) => {
    const exact = table.get(pathname)
    if (exact) return { byMethod: exact, params: {} }
    for (const { pattern, names, byMethod } of patternList) {
      const match = pattern.exec(pathname)
      if (match) {
        const params = Object.fromEntries(names.map((name, at) => [name, decoded(match[at + 1]!)]))
        return { byMethod, params }
      }
    }
    return null
  }

  const fallThrough = (request: IncomingMessage, response: ServerResponse) => {
    options.fallback(request, response).catch((error: unknown) => {
      options.log(`request ${request.method} ${request.url} failed in Next`, error)
      if (!response.headersSent) {
        response.statusCode = 500
        response.end()
      } else {
        response.destroy()
      }
    })
  }

  return (request, response) => {
    const rawUrl = request.url ?? '/'
    const queryAt = rawUrl.indexOf('?')
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt)
    const found = lookup(pathname)
    if (!found) return fallThrough(request, response)

    const method = request.method ?? 'GET'
    const route = found.byMethod.get(method)
    if (!route) {
      const allow = [...found.byMethod.keys()].join(', ')
      writeJson(response, refused(transportRefusals.methodNotAllowed(allow), { allow }))
      return
    }
    if (route.when && !route.when(request.headers)) return fallThrough(request, response)
    void answer(route, found.params, request, response, maxBodyBytes, options.log)
  }
}

async function answer(
  route: HotRoute,
  params: Record<string, string>,
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes: number,
  log: ServerLog,
): Promise<void> {
  // The route's own headers go with every answer it gets, the refusals below included.
  const withRouteHeaders = (result: HotResponse): HotResponse =>
    route.headers ? { ...result, headers: { ...route.headers, ...result.headers } } : result
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
  let hotRequest: HotRequest
  try {
    hotRequest = {
      method: request.method ?? 'GET',
      url,
      headers: request.headers,
      params,
      body: await readJsonBody(request, url, maxBodyBytes),
    }
  } catch (error) {
    if (error instanceof RequestError) {
      if (error.closeConnection) response.setHeader('connection', 'close')
      writeJson(response, withRouteHeaders(error.response))
    } else {
      // The client went away (or the socket broke) while sending: nobody to answer.
      response.destroy()
    }
    return
  }

  let result: HotResponse
  try {
    result = await route.handle(hotRequest)
  } catch (error) {
    log(`hot route ${route.method} ${route.path} failed`, error)
    writeJson(response, withRouteHeaders(refused(transportRefusals.internalError)))
    return
  }
  try {
    writeJson(response, withRouteHeaders(result))
  } catch (error) {
    // JSON.stringify threw (a BigInt, a cycle): the handler's fault, and nothing has been sent yet.
    log(`hot route ${route.method} ${route.path} returned a body that is not JSON`, error)
    if (!response.headersSent) {
      writeJson(response, withRouteHeaders(refused(transportRefusals.internalError)))
    }
  }
}

function writeJson(response: ServerResponse, result: HotResponse): void {
  const payload = bodiless(result.status) ? undefined : (JSON.stringify(result.body) ?? 'null')
  if (payload !== undefined) {
    response.setHeader('content-type', JSON_CONTENT_TYPE)
    response.setHeader('content-length', Buffer.byteLength(payload))
  }
  // After the defaults, so a handler may override them (setHeader ignores the name's case).
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value)
  response.statusCode = result.status
  response.end(payload)
}

/** The parsed JSON body, or undefined when the request has none. */
async function readJsonBody(
  request: IncomingMessage,
  url: URL,
  maxBodyBytes: number,
): Promise<unknown> {
  const { headers } = request
  const declaredLength = headers['content-length']
  // No length and no chunked body: nothing to read (the usual GET), so don't wait for 'end'.
  if (declaredLength === undefined && headers['transfer-encoding'] === undefined) return undefined
  const tooLarge = () =>
    new RequestError(
      inputRefusalAnswer(tooLargeRefusal(maxBodyBytes), headers, url.searchParams),
      true,
    )
  if (declaredLength !== undefined && Number(declaredLength) > maxBodyBytes) throw tooLarge()

  const raw = await readBody(request, maxBodyBytes, tooLarge)
  // Nothing sent is no body, whatever its type says (as behind Next).
  if (raw.length === 0) return undefined
  const body = admitJsonBody(raw, headers['content-type'])
  if (isRefusal(body)) throw new RequestError(inputRefusalAnswer(body, headers, url.searchParams))
  return body.value
}

// Listeners rather than `for await`: leaving an async iterator early destroys the request, and with
// it the socket the 413 has to be written to.
function readBody(
  request: IncomingMessage,
  maxBodyBytes: number,
  tooLarge: () => RequestError,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    const settle = (outcome: () => void) => {
      request.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure)
      outcome()
    }
    const onData = (chunk: Buffer) => {
      received += chunk.length
      // The rest of an oversized body is dropped unread; the 413 closes the connection.
      if (received > maxBodyBytes) settle(() => reject(tooLarge()))
      else chunks.push(chunk)
    }
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, received)))
    const onFailure = () =>
      settle(() => reject(new Error('request closed while its body was read')))
    request.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure)
  })
}
