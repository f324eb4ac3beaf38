// Test-only evidence that Next's route handlers use the app server's Payload instance. Mounted
// only with APP_SERVER_DIAGNOSTICS=1 (the end-to-end test sets it); never in a deployment.
import type { Payload } from 'payload'

import type { HotRoute } from './hotRoutes'

export const DIAGNOSTICS_PATH = '/__app-server/payload'

export type PayloadDiagnostics = {
  /** Keys of Payload's process-wide instance cache (`global._payload`). */
  cacheKeys: string[]
  /** The cached 'default' instance is the very object the server started. */
  cachedIsServerInstance: boolean
  /** Set by the admin's getPayload({ importMap }) on the instance it received. */
  adminImportMapSet: boolean
  /** `db.find` calls on the server's instance (REST reads made by Next's handlers land here). */
  serverInstanceDbFinds: number
  /** Connections opened through the process's one mongoose; one per Payload instance. */
  mongooseConnections: number | null
}

type PayloadCache = Map<string, { payload: Payload | null }>
type MongooseAdapterShape = { connection?: { base?: { connections?: unknown[] } } }

export function diagnosticRoutes(payload: Payload): HotRoute[] {
  let finds = 0
  // Counting at the adapter: every read path (REST, GraphQL, admin, Local API) ends here.
  const adapter = payload.db
  const find = adapter.find.bind(adapter)
  adapter.find = (args) => {
    finds += 1
    return find(args)
  }

  const report = (): PayloadDiagnostics => {
    const cache = (globalThis as { _payload?: PayloadCache })._payload
    const base = (payload.db as unknown as MongooseAdapterShape).connection?.base
    return {
      cacheKeys: cache ? [...cache.keys()] : [],
      cachedIsServerInstance: cache?.get('default')?.payload === payload,
      adminImportMapSet: payload.importMap !== undefined,
      serverInstanceDbFinds: finds,
      mongooseConnections: base?.connections?.length ?? null,
    }
  }
  return [
    { method: 'GET', path: DIAGNOSTICS_PATH, handle: () => ({ status: 200, body: report() }) },
  ]
}
