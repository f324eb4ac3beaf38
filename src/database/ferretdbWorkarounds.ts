// Adapter-level fixes for gaps FerretDB v1 has and Payload's Mongo adapter assumes away.
import type { BaseDatabaseAdapter } from 'payload'

import type { ServerCapabilities } from './serverCapabilities'
import { simplifyFilter } from './simplifyFilter'

type QueryPrototype = {
  exec: (this: QueryLike, ...args: unknown[]) => unknown
  __filtersSimplified?: boolean
}
type QueryLike = { getFilter: () => unknown; setQuery: (filter: unknown) => void }

/** Adapter methods that run `findAndModify` with a projection when given `select`. */
const findAndModifyMethods = [
  'updateOne',
  'updateGlobal',
  'updateGlobalVersion',
  'updateVersion',
  'updateJobs',
] as const

const patched = new WeakSet<object>()

/**
 * FerretDB v1 rejects `findAndModify` with a `fields` projection ("not implemented yet"); Payload
 * sends one whenever an update passes `select` (login-attempt counting does, so login lockout would
 * answer 500). On such servers the update runs without the projection and returns the whole
 * document; callers read only the fields they selected, and field read-access still applies.
 * Applied to the adapter instance once it knows its server (see payloadAdapter.ts); idempotent.
 */
export function applyServerWorkarounds(
  adapter: BaseDatabaseAdapter,
  capabilities: ServerCapabilities,
): void {
  if (capabilities.engine === 'mongodb' || patched.has(adapter)) return
  patched.add(adapter)
  for (const method of findAndModifyMethods) {
    const original = adapter[method] as (this: unknown, options: { select?: unknown }) => unknown
    Object.assign(adapter, {
      [method]: function (this: unknown, options: { select?: unknown }) {
        return original.call(this, { ...options, select: undefined })
      },
    })
  }
}

/**
 * Every query the adapter's mongoose runs is sent with its filter in plain form
 * (`simplifyFilter`), so FerretDB can answer an `_id` lookup from its index instead of reading
 * the whole collection. Once per mongoose module.
 */
export function simplifyQueryFilters(
  adapter: BaseDatabaseAdapter,
  capabilities: ServerCapabilities,
): void {
  if (capabilities.engine === 'mongodb') return
  // The connection's mongoose (`connection.base`): the one the adapter's models belong to.
  const connection = (adapter as unknown as { connection?: { base?: { Query?: unknown } } })
    .connection
  const prototype = (connection?.base?.Query as { prototype: QueryPrototype } | undefined)
    ?.prototype
  if (!prototype || prototype.__filtersSimplified) return
  prototype.__filtersSimplified = true
  const exec = prototype.exec
  prototype.exec = function (this: QueryLike, ...args: unknown[]) {
    this.setQuery(simplifyFilter(this.getFilter()))
    return exec.apply(this, args)
  }
}
