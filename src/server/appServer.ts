// One process, one port: node:http answers the hot routes itself and hands every other request
// (admin, Payload REST/GraphQL under /api, pages) to Next, in the same process and the same
// Payload instance.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

import next from 'next'
import { getPayload, type Payload } from 'payload'

import { projectRoot } from '../database/localDatabase'
import { createDispatcher, type RequestListener, type ServerLog } from './hotDispatch'
import type { HotRoute } from './hotRoutes'

export type AppServerOptions = {
  dev: boolean
  /** Interface to listen on; undefined listens on every interface, like `next start`. */
  hostname?: string
  port: number
  /** Called once with the Payload instance Next's route handlers use too. */
  routes: (payload: Payload) => HotRoute[]
  log?: ServerLog
}

export type AppServer = { url: string; payload: Payload; close: () => Promise<void> }

type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>

const defaultLog: ServerLog = (message, error) => {
  if (error === undefined) console.log(`[server] ${message}`)
  else console.error(`[server] ${message}`, error)
}

// Behind a proxy or load balancer that keeps idle upstream connections open for 60 s (nginx,
// ALB), the server must not close them first, or a request races the close and gets a 502.
const KEEP_ALIVE_TIMEOUT_MS = 65_000

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const log = options.log ?? defaultLog
  const server = createServer()
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000

  // Next attaches its own upgrade listener to `httpServer` on the first request it handles. It is
  // given a server that never listens, so that each upgrade is handled once, from the start, by
  // the listener below.
  const upgradeSink = createServer()
  const app = next({
    dev: options.dev,
    hostname: options.hostname ?? 'localhost',
    port: options.port,
    dir: projectRoot(),
    httpServer: upgradeSink,
  })
  await app.prepare()
  const nextHandler = app.getRequestHandler()
  const upgraded = new Set<Duplex>()
  const upgrade = nextUpgradeHandler(app, upgradeSink)
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // An upgraded socket (a dev HMR websocket) is no longer the http server's to close.
    upgraded.add(socket)
    socket.once('close', () => upgraded.delete(socket))
    void upgrade(request, socket, head)
  })

  // Listening before Payload starts: in development Payload opens a websocket to Next's HMR
  // endpoint on this port as it starts. Requests that arrive meanwhile wait for the routes.
  let dispatch: RequestListener | undefined
  let settle!: { resolve: (listener: RequestListener) => void; reject: (error: unknown) => void }
  const ready = new Promise<RequestListener>((resolve, reject) => (settle = { resolve, reject }))
  ready.catch(() => {})
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (dispatch) return dispatch(request, response)
    ready.then(
      (listener) => listener(request, response),
      () => response.writeHead(503).end(),
    )
  })
  await listen(server, options.port, options.hostname)

  let started: Payload | undefined
  const closeAll = async () => {
    await closeServer(server, upgraded)
    await app.close()
    // Stops its crons and closes its connection; Next, which shared it, has stopped by now.
    await started?.destroy()
  }
  let payload: Payload
  try {
    const { default: config } = await import('../../payload.config')
    // Payload caches the instance in `global._payload` under 'default', where Next's route
    // handlers find it: both sides share one instance, one connection pool and one set of crons
    // (started now, not on the first admin or API request).
    payload = started = await getPayload({ config, cron: true })
    dispatch = createDispatcher({
      routes: options.routes(payload),
      fallback: (request, response) => nextHandler(request, response),
      log,
    })
    settle.resolve(dispatch)
  } catch (error) {
    settle.reject(error)
    await closeAll()
    throw error
  }

  const address = server.address() as AddressInfo
  const host = options.hostname ?? 'localhost'
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    payload,
    close: closeAll,
  }
}

/**
 * Next 16's public `app.getUpgradeHandler()` ends in NextNodeServer.handleUpgrade, which does
 * nothing: the development HMR socket (`/_next/hmr`) is served by the router's upgrade handler,
 * the one Next attaches lazily. Use it directly while this Next exposes it; otherwise relay to
 * whatever Next has attached to the sink by then (nothing before its first request).
 */
function nextUpgradeHandler(app: ReturnType<typeof next>, sink: Server): UpgradeHandler {
  const routerHandler = (app as unknown as { upgradeHandler?: unknown }).upgradeHandler
  if (typeof routerHandler === 'function') return routerHandler as UpgradeHandler
  return async (request, socket, head) => {
    if (!sink.emit('upgrade', request, socket, head)) socket.destroy()
  }
}

function listen(server: Server, port: number, hostname: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/**
 * Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts whatever is left
 * (keep-alive connections, upgraded sockets).
 */
function closeServer(server: Server, upgraded: Set<Duplex>, graceMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve()
  for (const socket of upgraded) socket.destroy()
  return new Promise((resolve, reject) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref()
    server.close((error) => {
      clearTimeout(cut)
      if (error) reject(error)
      else resolve()
    })
    server.closeIdleConnections()
  })
}
