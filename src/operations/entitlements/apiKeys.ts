// API-key authentication for the lean HTTP path, the same keys Payload accepts
// (`Authorization: service-accounts API-Key <key>`), without a database query per request: keys are
// matched by the HMAC index Payload stores, from an in-memory table refreshed when service
// accounts change (hook) and at most once every few seconds on an unknown key.
import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import type { Principal } from '../../access/roles'
import { rawCollection } from './store'

export type KeyHolder = Principal & { name: string }

type KeyTable = { byIndex: Map<string, KeyHolder>; loadedAt: number; loading: Promise<void> | null }

const tables = ((globalThis as { __apiKeyTables?: Map<string, KeyTable> }).__apiKeyTables ??=
  new Map<string, KeyTable>())

const retryUnknownAfterMs = 5_000
const prefix = `${slugs.serviceAccounts} API-Key `

async function load(payload: Payload, table: KeyTable): Promise<void> {
  const docs = await rawCollection(payload, slugs.serviceAccounts)
    .find({ enableAPIKey: true }, { projection: { apiKeyIndex: 1, roles: 1, name: 1 } })
    .toArray()
  table.byIndex = new Map(
    docs
      .filter((doc) => typeof doc.apiKeyIndex === 'string')
      .map((doc) => [
        String(doc.apiKeyIndex),
        {
          id: String(doc._id),
          name: String(doc.name ?? ''),
          collection: slugs.serviceAccounts,
          roles: Array.isArray(doc.roles) ? doc.roles.map(String) : [],
        },
      ]),
  )
  table.loadedAt = Date.now()
}

function tableFor(payload: Payload): KeyTable {
  const key = String((payload.db as { url?: unknown }).url ?? 'default')
  let table = tables.get(key)
  if (!table) {
    table = { byIndex: new Map(), loadedAt: 0, loading: null }
    tables.set(key, table)
  }
  return table
}

/** The service account an Authorization header names, or null. */
export async function principalForHeader(
  payload: Payload,
  header: string | undefined,
): Promise<KeyHolder | null> {
  if (!header?.startsWith(prefix)) return null
  const apiKey = header.slice(prefix.length)
  const index = createHmac('sha256', payload.secret).update(apiKey).digest('hex')
  const table = tableFor(payload)
  const known = table.byIndex.get(index)
  if (known) return known
  if (Date.now() - table.loadedAt < retryUnknownAfterMs) return null
  table.loading ??= load(payload, table).finally(() => {
    table.loading = null
  })
  await table.loading
  return table.byIndex.get(index) ?? null
}

/** Service accounts changed (key revoked, role changed): reload on next use. */
export function apiKeysChanged(payload: Payload): void {
  const table = tableFor(payload)
  table.byIndex = new Map()
  table.loadedAt = 0
}
