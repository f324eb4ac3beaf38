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
}

/**
 * A real MongoDB replica set keeps every feature. FerretDB, a stand-alone mongod, or a server that
 * could not be asked get the conservative settings, which also work on MongoDB (only slower joins).
 */
export function mongoAdapterTuning(capabilities: ServerCapabilities): MongoAdapterTuning {
  const fullMongo = capabilities.engine === 'mongodb'
  return {
    ...(fullMongo && capabilities.replicaSet ? {} : { transactionOptions: false as const }),
    useJoinAggregations: fullMongo,
    usePipelineInSortLookup: fullMongo,
    disableIndexHints: !fullMongo,
  }
}
