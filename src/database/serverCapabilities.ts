// Asks the database server what it is, so adapter options follow the server rather than a guess.
import { MongoClient } from 'mongodb'

export type ServerCapabilities = {
  /** `ferretdb` when the server reports a FerretDB version, `mongodb` otherwise. */
  engine: 'ferretdb' | 'mongodb' | 'unknown'
  version: string | null
  /** Replica-set member: multi-document transactions are available. */
  replicaSet: boolean
}

const cache = new Map<string, Promise<ServerCapabilities>>()

/** Probes once per URI and process (Next re-evaluates the config on every hot reload). */
export function probeServerCapabilities(
  uri: string,
  timeoutMs = 3_000,
): Promise<ServerCapabilities> {
  let pending = cache.get(uri)
  if (!pending) {
    pending = probe(uri, timeoutMs)
    cache.set(uri, pending)
  }
  return pending
}

async function probe(uri: string, timeoutMs: number): Promise<ServerCapabilities> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  })
  try {
    await client.connect()
    const admin = client.db('admin')
    const buildInfo = await admin.command({ buildInfo: 1 })
    const hello = await admin.command({ hello: 1 })
    const ferretdbVersion = buildInfo.ferretdbVersion
    return {
      engine: typeof ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb',
      version: typeof ferretdbVersion === 'string' ? ferretdbVersion : String(buildInfo.version),
      replicaSet: typeof hello.setName === 'string',
    }
  } catch {
    cache.delete(uri)
    return { engine: 'unknown', version: null, replicaSet: false }
  } finally {
    await client.close().catch(() => {})
  }
}
