// Payload's own API-key strategy queries the database on every request; on the embedded FerretDB
// that costs more than an entitlement check. This strategy answers known keys from the in-memory
// key table (refreshed whenever a service account changes) and leaves everything else to
// Payload's strategy, which still runs after it.
import type { AuthStrategy } from 'payload'

import { principalForHeader } from '../operations/entitlements/apiKeys'

export const cachedApiKeyStrategy: AuthStrategy = {
  name: 'service-accounts-api-key-cached',
  authenticate: async ({ headers, payload }) => {
    const holder = await principalForHeader(payload, headers.get('authorization') ?? undefined)
    if (!holder) return { user: null }
    return {
      user: {
        id: String(holder.id),
        name: holder.name,
        roles: holder.roles,
        collection: holder.collection,
        _strategy: 'service-accounts-api-key-cached',
      } as never,
    }
  },
}
