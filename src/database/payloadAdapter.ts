// The database adapter payload.config.ts uses. Importing the config starts nothing: the command
// entry points (dev, start, seed, tests, benchmarks) bring the database up and set DATABASE_URI;
// the adapter reads it and asks the server what it is only when Payload connects, so `next build`
// and `payload generate:types` need no database at all.
import { mongooseAdapter, type MongooseAdapter } from '@payloadcms/db-mongodb'
import { type DatabaseAdapterObj, defaultBeginTransaction } from 'payload'

import { mongoAdapterTuning } from './adapterOptions'
import { applyServerWorkarounds, simplifyQueryFilters } from './ferretdbWorkarounds'
import { probeServerCapabilities, type ServerCapabilities } from './serverCapabilities'

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super(
      'DATABASE_URI is not set, so Payload has no database to connect to.\n' +
        '`npm run dev`, `npm start`, `npm run seed`, `npm test` and the benchmarks start the ' +
        'embedded database themselves. For anything else (e.g. `npx payload jobs:run`):\n' +
        '  1. `npm run db -- start` and set DATABASE_URI to the URI it prints, or\n' +
        '  2. set DATABASE_URI to a running MongoDB (local, Docker or Atlas).',
    )
    this.name = 'DatabaseNotConfiguredError'
  }
}

/** The configured connection string, or undefined when no entry point resolved one. */
export const configuredDatabaseUri = (): string | undefined =>
  process.env.DATABASE_URI?.trim() || undefined

/**
 * A Mongo adapter for `uri` (default: DATABASE_URI at the time the config is evaluated) that, on
 * connect, probes the server and sets the options of src/database/adapterOptions.ts on itself
 * (replica set → transactions; FerretDB, stand-alone or unknown → the conservative settings) and
 * FerretDB's workarounds. Without a URI, connecting throws DatabaseNotConfiguredError.
 */
export function databaseAdapter(uri = configuredDatabaseUri()): DatabaseAdapterObj {
  const base = mongooseAdapter({ url: uri ?? false })
  return {
    ...base,
    init: (args) => {
      const instance = base.init(args) as unknown as MongooseAdapter
      const connect = instance.connect!
      instance.connect = async function (this: MongooseAdapter, options) {
        if (!uri) throw new DatabaseNotConfiguredError()
        const capabilities = await probeServerCapabilities(uri)
        tuneToServer(this, capabilities)
        const connected = await connect.call(this, options)
        simplifyQueryFilters(this as never, capabilities)
        return connected
      }
      return instance as unknown as ReturnType<DatabaseAdapterObj['init']>
    },
  }
}

/** Sets on a live adapter what mongooseAdapter() would have been given for this server. */
export function tuneToServer(adapter: MongooseAdapter, capabilities: ServerCapabilities): void {
  const tuning = mongoAdapterTuning(capabilities)
  adapter.useJoinAggregations = tuning.useJoinAggregations
  adapter.usePipelineInSortLookup = tuning.usePipelineInSortLookup
  adapter.disableIndexHints = tuning.disableIndexHints
  if (tuning.connectOptions) {
    adapter.connectOptions = { ...adapter.connectOptions, ...tuning.connectOptions }
  }
  if (tuning.transactionOptions === false) {
    // What mongooseAdapter({ transactionOptions: false }) and its connect() do.
    adapter.transactionOptions = false
    adapter.beginTransaction = defaultBeginTransaction()
  }
  applyServerWorkarounds(adapter, capabilities)
}
