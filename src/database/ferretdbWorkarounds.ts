// Adapter-level fixes for gaps FerretDB v1 has and Payload's Mongo adapter assumes away.
import type { BaseDatabaseAdapter } from 'payload'

import type { ServerCapabilities } from './serverCapabilities'

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
