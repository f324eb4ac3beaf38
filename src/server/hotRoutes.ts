// Routes answered by plain node:http in front of Next (see appServer.ts): the checks that run on
// every page load, where Next's per-request overhead costs more than the work itself.
import type { IncomingHttpHeaders } from 'node:http'

export type HotRequest = { method: string; url: URL; headers: IncomingHttpHeaders; body: unknown } // body = parsed JSON or undefined
export type HotResponse = { status: number; body: unknown; headers?: Record<string, string> } // body JSON-serialised by the server; status 304 => no body
export type HotRoute = {
  method: 'GET' | 'POST'
  path: string
  /** When given and false, the request goes to Next untouched (decided before the body is read). */
  when?: (headers: IncomingHttpHeaders) => boolean
  handle: (request: HotRequest) => Promise<HotResponse> | HotResponse
}

/** Liveness without Next or the database: the floor every other hot route is measured against. */
export function probeRoutes(): HotRoute[] {
  return [{ method: 'GET', path: '/livez', handle: () => ({ status: 200, body: { ok: true } }) }]
}
