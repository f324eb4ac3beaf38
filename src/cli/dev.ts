// `npm run dev`: database up (embedded unless DATABASE_URI), demo data if the database is empty,
// then the app server (hot routes + Next in development mode) on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

import { projectRoot, resolveDatabase } from '../database/localDatabase'

const port = process.env.PORT ?? '3000'
const database = await resolveDatabase()
console.log(`[dev] database: ${database.source} ${database.uri}`)

// No SERVER_URL unless one is given: the admin then works at whatever address it is opened at
// (localhost, 127.0.0.1, this machine's name; src/config/devOrigins.ts).
const env = { ...process.env, DATABASE_URI: database.uri, PORT: port }
// The seed is idempotent: a new database gets the demo data, an existing one what it lacks.
const seeded = spawnSync('npx', ['tsx', 'seed/cli.ts', '--quiet'], { env, stdio: 'inherit' })
if (seeded.status !== 0) {
  console.error('[dev] seeding failed; see the error above.')
  await database.stop()
  process.exit(seeded.status ?? 1)
}

// The server in a child of its own (node itself, not npx, so a signal reaches the server rather
// than a wrapper): it gets DATABASE_URI and so never stops the database; this process does, once
// the server has closed.
const serverEntry = path.join(projectRoot(), 'src', 'cli', 'server.ts')
const server = spawn(process.execPath, ['--import', 'tsx', serverEntry, '--dev'], {
  env,
  stdio: 'inherit',
})
let stopping = false
const shutdown = async (code: number) => {
  if (stopping) return
  stopping = true
  if (database.startedHere) {
    console.log('[dev] stopping the local database it started')
    await database.stop()
  }
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
  })
}
server.on('exit', (code, signal) => void shutdown(code ?? (signal ? 0 : 1)))
