// The one place that turns what the database server can do into Payload Mongo adapter options.
import type { ServerCapabilities } from './serverCapabilities'

export type MongoAdapterTuning = {
  /** `false` turns multi-document transactions off. */
  transactionOptions?: false
  /** `false` populates joins with extra finds instead of `$lookup`. */
  useJoinAggregations: boolean
  /** `false` avoids `$lookup` pipelines when sorting by a relationship. */
  usePipelineInSortLookup: boolean
  /** FerretDB ignores `hint`; skip sending it. */
  disableIndexHints: boolean
  /** One connection on FerretDB: see mongoAdapterTuning. */
  connectOptions?: { maxPoolSize: number }
}

/**
 * A real MongoDB replica set keeps every feature. FerretDB, a stand-alone mongod, or a server that
 * could not be asked get the conservative settings, which also work on MongoDB (only slower joins).
 *
 * FerretDB v1 (SQLite) loses concurrent `$inc`s on one document when they arrive on different
 * connections (measured by bench/ferretdb-atomic-increments.ts: 50 parallel increments ended at
 * 3); on a single connection it applies them one after another and none is lost. So the app talks
 * to it over one connection: single-document updates stay atomic, at the cost of parallelism.
 */
export function mongoAdapterTuning(capabilities: ServerCapabilities): MongoAdapterTuning {
  const fullMongo = capabilities.engine === 'mongodb'
  return {
    ...(fullMongo && capabilities.replicaSet ? {} : { transactionOptions: false as const }),
    useJoinAggregations: fullMongo,
    usePipelineInSortLookup: fullMongo,
    disableIndexHints: !fullMongo,
    ...(fullMongo ? {} : { connectOptions: { maxPoolSize: 1 } }),
  }
}
