// Adapter-level fixes for gaps FerretDB v1 has and Payload's Mongo adapter assumes away.
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import type { ServerCapabilities } from './serverCapabilities'

/** Adapter methods that run `findAndModify` with a projection when given `select`. */
const findAndModifyMethods = [
  'updateOne',
  'updateGlobal',
  'updateGlobalVersion',
  'updateVersion',
  'updateJobs',
] as const

/**
 * FerretDB v1 rejects `findAndModify` with a `fields` projection ("not implemented yet"); Payload
 * sends one whenever an update passes `select` (login-attempt counting does, so login lockout would
 * answer 500). On such servers the update runs without the projection and returns the whole
 * document; callers read only the fields they selected, and field read-access still applies.
 */
export function withServerWorkarounds<T extends BaseDatabaseAdapter>(
  adapter: DatabaseAdapterObj<T>,
  capabilities: ServerCapabilities,
): DatabaseAdapterObj<T> {
  if (capabilities.engine === 'mongodb') return adapter
  return {
    ...adapter,
    init: (args: { payload: Parameters<DatabaseAdapterObj<T>['init']>[0]['payload'] }) => {
      const instance = adapter.init(args)
      for (const method of findAndModifyMethods) {
        const original = instance[method] as (this: T, options: { select?: unknown }) => unknown
        Object.assign(instance, {
          [method]: function (this: T, options: { select?: unknown }) {
            return original.call(this, { ...options, select: undefined })
          },
        })
      }
      return instance
    },
  }
}
