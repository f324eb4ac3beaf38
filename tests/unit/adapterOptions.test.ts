import { describe, expect, it } from 'vitest'

import { mongoAdapterTuning } from '../../src/database/adapterOptions'
import type { ServerCapabilities } from '../../src/database/serverCapabilities'

const cases: {
  name: string
  server: ServerCapabilities
  expected: ReturnType<typeof mongoAdapterTuning>
}[] = [
  {
    name: 'FerretDB: no transactions, joins or index hints',
    server: { engine: 'ferretdb', version: 'v1.24.2', replicaSet: false },
    expected: {
      transactionOptions: false,
      useJoinAggregations: false,
      usePipelineInSortLookup: false,
      disableIndexHints: true,
      connectOptions: { maxPoolSize: 1 },
    },
  },
  {
    name: 'a MongoDB replica set: every feature on',
    server: { engine: 'mongodb', version: '8.0.4', replicaSet: true },
    expected: {
      useJoinAggregations: true,
      usePipelineInSortLookup: true,
      disableIndexHints: false,
    },
  },
  {
    name: 'a stand-alone mongod: joins yes, transactions no',
    server: { engine: 'mongodb', version: '7.0.1', replicaSet: false },
    expected: {
      transactionOptions: false,
      useJoinAggregations: true,
      usePipelineInSortLookup: true,
      disableIndexHints: false,
    },
  },
  {
    name: 'a server that could not be asked: the settings that work everywhere',
    server: { engine: 'unknown', version: null, replicaSet: false },
    expected: {
      transactionOptions: false,
      useJoinAggregations: false,
      usePipelineInSortLookup: false,
      disableIndexHints: true,
      connectOptions: { maxPoolSize: 1 },
    },
  },
]

describe('mongoAdapterTuning', () => {
  it.each(cases)('$name', ({ server, expected }) => {
    expect(mongoAdapterTuning(server)).toEqual(expected)
  })
})
