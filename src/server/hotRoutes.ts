// Routes answered by plain node:http in front of Next (see appServer.ts): the checks that run on
// every page load, where Next's per-request overhead costs more than the work itself.
import type { IncomingHttpHeaders } from 'node:http'

export type HotRequest = {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  /** The values of the route's `:name` path segments, decoded. */
  params: Record<string, string>
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown
}
/** `body` is JSON-serialised by the server; a 304 sends none. */
export type HotResponse = { status: number; body: unknown; headers?: Record<string, string> }
export type HotRoute = {
  method: 'GET' | 'POST'
  /** The exact pathname, or one with `:name` segments (`/api/members/:member/entitlements`). */
  path: string
  /** Sent with every answer of this route, including the dispatcher's refusals (400, 413, 500). */
  headers?: Record<string, string>
  /** When given and false, the request goes to Next untouched (decided before the body is read). */
  when?: (headers: IncomingHttpHeaders) => boolean
  handle: (request: HotRequest) => Promise<HotResponse> | HotResponse
}

/** Liveness without Next or the database: the floor every other hot route is measured against. */
export function probeRoutes(): HotRoute[] {
  return [{ method: 'GET', path: '/livez', handle: () => ({ status: 200, body: { ok: true } }) }]
}
