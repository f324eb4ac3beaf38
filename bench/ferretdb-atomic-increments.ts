// Are single-document updates atomic under concurrency on the configured database?
// Fires N parallel `$inc`s at one document, with many connections and with one, and prints how
// many were applied. On MongoDB every row reads N; on FerretDB v1 only the one-connection rows do.
// Usage: npm run bench -- [parallel=50]
import { MongoClient } from 'mongodb'

import { resolveDatabase } from '../src/database/localDatabase'
import { probeServerCapabilities } from '../src/database/serverCapabilities'

const parallel = Number(process.argv[2] ?? 50)
const cap = Math.floor(parallel / 5)
const database = await resolveDatabase({ log: () => {} })
const capabilities = await probeServerCapabilities(database.uri)
const uri = new URL(database.uri)
uri.pathname = `/bench_atomic_${Date.now().toString(36)}`

type Row = {
  poolSize: number
  strategy: string
  expected: number
  applied: number
  succeeded: number
}
const rows: Row[] = []

for (const poolSize of [100, 1]) {
  const client = new MongoClient(uri.toString(), { maxPoolSize: poolSize })
  await client.connect()
  const counters = client.db().collection<{ key: string; used: number }>('counters')
  const reset = async () => {
    await counters.deleteMany({})
    await counters.insertOne({ key: 'k', used: 0 })
  }
  const used = async () => (await counters.findOne({ key: 'k' }))?.used ?? -1
  const times = <T>(run: () => Promise<T>) => Promise.all(Array.from({ length: parallel }, run))

  await reset()
  await times(() => counters.updateOne({ key: 'k' }, { $inc: { used: 1 } }))
  rows.push({
    poolSize,
    strategy: '$inc',
    expected: parallel,
    applied: await used(),
    succeeded: parallel,
  })

  await reset()
  const guarded = await times(() =>
    counters.findOneAndUpdate({ key: 'k', used: { $lte: cap - 1 } }, { $inc: { used: 1 } }),
  )
  rows.push({
    poolSize,
    strategy: `guarded $inc, cap ${cap}`,
    expected: cap,
    applied: await used(),
    succeeded: guarded.filter(Boolean).length,
  })
  await client.db().dropDatabase()
  await client.close()
}

console.log(
  `server: ${capabilities.engine} ${capabilities.version ?? ''}; ${parallel} parallel updates`,
)
console.table(rows)
process.exit(0)
