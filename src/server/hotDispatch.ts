// The request dispatch of the app server, apart from Next so it can be tested without a build:
// a hot route (exact method + pathname) is answered here, everything else goes to `fallback`.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { inputLimits } from '../domain/input/limits'
import type { HotRequest, HotResponse, HotRoute } from './hotRoutes'

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

class RequestError extends Error {
  constructor(
    readonly response: HotResponse,
    // A refused body may still be arriving; closing is cheaper than reading it to the end.
    readonly closeConnection = false,
  ) {
    super(String((response.body as { error?: unknown }).error))
  }
}

export function createDispatcher(options: DispatchOptions): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  // pathname → method → route; built once, so a request costs two Map lookups.
  const table = new Map<string, Map<string, HotRoute>>()
  for (const route of options.routes) {
    const byMethod = table.get(route.path) ?? new Map<string, HotRoute>()
    if (byMethod.has(route.method)) {
      throw new Error(`hot route ${route.method} ${route.path} is registered twice`)
    }
    byMethod.set(route.method, route)
    table.set(route.path, byMethod)
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
    const byMethod = table.get(pathname)
    if (!byMethod) return fallThrough(request, response)

    const method = request.method ?? 'GET'
    const route = byMethod.get(method)
    if (!route) {
      const allow = [...byMethod.keys()].join(', ')
      writeJson(response, {
        status: 405,
        body: { error: 'method_not_allowed' },
        headers: { allow },
      })
      return
    }
    if (route.when && !route.when(request.headers)) return fallThrough(request, response)
    void answer(route, request, response, maxBodyBytes, options.log)
  }
}

async function answer(
  route: HotRoute,
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes: number,
  log: ServerLog,
): Promise<void> {
  let hotRequest: HotRequest
  try {
    hotRequest = {
      method: request.method ?? 'GET',
      url: new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`),
      headers: request.headers,
      body: await readJsonBody(request, maxBodyBytes),
    }
  } catch (error) {
    if (error instanceof RequestError) {
      if (error.closeConnection) response.setHeader('connection', 'close')
      writeJson(response, error.response)
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
    writeJson(response, { status: 500, body: { error: 'internal_error' } })
    return
  }
  try {
    writeJson(response, result)
  } catch (error) {
    // JSON.stringify threw (a BigInt, a cycle): the handler's fault, and nothing has been sent yet.
    log(`hot route ${route.method} ${route.path} returned a body that is not JSON`, error)
    if (!response.headersSent)
      writeJson(response, { status: 500, body: { error: 'internal_error' } })
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

function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

/** The parsed JSON body, or undefined when the request has none. */
async function readJsonBody(request: IncomingMessage, maxBodyBytes: number): Promise<unknown> {
  const { headers } = request
  const declaredLength = headers['content-length']
  // No length and no chunked body: nothing to read (the usual GET), so don't wait for 'end'.
  if (declaredLength === undefined && headers['transfer-encoding'] === undefined) return undefined
  if (declaredLength !== undefined && Number(declaredLength) > maxBodyBytes) throw tooLarge()

  const raw = await readBody(request, maxBodyBytes)
  if (raw.length === 0) return undefined

  const contentType = headers['content-type']
  if (contentType !== undefined && !isJsonContentType(contentType)) {
    throw new RequestError({
      status: 415,
      body: { error: 'unsupported_media_type', message: 'send the body as application/json' },
    })
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch (error) {
    throw new RequestError({
      status: 400,
      body: { error: 'invalid_json', message: (error as Error).message },
    })
  }
}

const tooLarge = () => new RequestError({ status: 413, body: { error: 'body_too_large' } }, true)

// Listeners rather than `for await`: leaving an async iterator early destroys the request, and with
// it the socket the 413 has to be written to.
function readBody(request: IncomingMessage, maxBodyBytes: number): Promise<Buffer> {
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
