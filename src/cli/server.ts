// `npm start`: the production server (run `npm run build` first). With `--dev` it is the server
// `npm run dev` starts: Next in development mode behind the same hot routes.
// PORT (default 3000), HOSTNAME (default: every interface), LEAN_ROUTES=off (everything to Next).
import { existsSync } from 'node:fs'
import path from 'node:path'

import { projectRoot, resolveDatabase } from '../database/localDatabase'

const dev = process.argv.includes('--dev')
// Before Next and React load: both pick their build by NODE_ENV when first imported.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' })

const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`[server] PORT must be a TCP port number, got "${process.env.PORT}"`)
  process.exit(2)
}
const leanRoutes = process.env.LEAN_ROUTES ?? 'on'
if (leanRoutes !== 'on' && leanRoutes !== 'off') {
  console.error(`[server] LEAN_ROUTES must be "on" or "off", got "${leanRoutes}"`)
  process.exit(2)
}
if (!dev && !existsSync(path.join(projectRoot(), '.next', 'BUILD_ID'))) {
  console.error('[server] no production build in .next; run `npm run build` first.')
  process.exit(1)
}

const database = await resolveDatabase()
// Both copies of the config (this process's and the one bundled into Next) read it.
process.env.DATABASE_URI = database.uri

const { startAppServer } = await import('../server/appServer')
const { probeRoutes } = await import('../server/hotRoutes')
const { diagnosticRoutes } = await import('../server/diagnostics')
const { apiRoutes } = await import('../server/apiRoutes')
const { ensureStoreLoaded } = await import('../operations/entitlements/store')
const { warmAudienceFacts } = await import('../operations/campaigns/audiencePreview')

let server: Awaited<ReturnType<typeof startAppServer>>
try {
  server = await startAppServer({
    dev,
    hostname: process.env.HOSTNAME || undefined,
    port,
    routes: (payload) => {
      if (leanRoutes === 'off') return []
      // Warm the entitlement store now rather than on the first check, then the members' audience
      // facts, so the first audience preview after a start is as quick as a later one.
      ensureStoreLoaded(payload)
        .then(() => warmAudienceFacts(payload))
        .catch((error) => console.error('[server] store load failed', error))
      return [
        ...probeRoutes(),
        ...apiRoutes(payload),
        ...(process.env.APP_SERVER_DIAGNOSTICS === '1' ? diagnosticRoutes(payload) : []),
      ]
    },
  })
} catch (error) {
  console.error('[server] failed to start', error)
  if (database.startedHere) await database.stop()
  process.exit(1)
}
console.log(
  `[server] ${dev ? 'development' : 'production'} on ${server.url} ` +
    `(hot routes ${leanRoutes}, database: ${database.source})`,
)

let stopping = false
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) return
  stopping = true
  console.log(`[server] ${signal}: closing`)
  // In-flight requests get 10 s (appServer); should Next or Payload then hang, exit anyway.
  setTimeout(() => {
    console.error('[server] still closing after 20 s; exiting')
    process.exit(1)
  }, 20_000).unref()
  let code = 0
  try {
    await server.close()
  } catch (error) {
    console.error('[server] error while closing', error)
    code = 1
  }
  if (database.startedHere) {
    console.log('[server] stopping the local database it started')
    await database.stop()
  }
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(signal))
}
