// `npm run db -- start|stop|status|build`: manage the embedded local database by hand.
import {
  ensureFerretdbBinary,
  ensureLocalDatabase,
  localDatabaseStatus,
  stopLocalDatabase,
} from '../database/localDatabase'

const command = process.argv[2] ?? 'status'

switch (command) {
  case 'start': {
    const database = await ensureLocalDatabase()
    console.log(`${database.startedHere ? 'started' : 'already running'}: ${database.uri}`)
    break
  }
  case 'stop':
    console.log((await stopLocalDatabase()) ? 'stopped' : 'not running')
    break
  case 'status': {
    const status = await localDatabaseStatus()
    console.log(
      status ? `running (${status.source}, pid ${status.pid}): ${status.uri}` : 'not running',
    )
    break
  }
  case 'build':
    // Builds (or finds) the cached FerretDB binary without starting it; CI uses it to warm up.
    console.log(await ensureFerretdbBinary())
    break
  default:
    console.error(`unknown command "${command}"; use start, stop, status or build`)
    process.exit(2)
}
process.exit(0)
