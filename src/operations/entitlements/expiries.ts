// Expiry needs no write to take effect (answers derive it from the period end and grace days),
// but the ledger should say it happened: this records an `expiry` event for each member whose
// membership has run out, once (the event id names the member and the period it ends).
import type { PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { expiredAt } from '../../domain/entitlements/membership'
import { catalogueOf, ensureStoreLoaded, storedMembers } from './store'

export async function recordExpiries(req: PayloadRequest, now = new Date()): Promise<number> {
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  let recorded = 0
  // A copy: recording an expiry refreshes the member in the store while we iterate.
  for (const member of [...storedMembers(req.payload)]) {
    const { periodEnd } = member.membership
    const expired = expiredAt(member.membership, now, catalogue.settings)
    if (!expired || !periodEnd) continue
    const id = `expiry:${member.id}:${periodEnd.toISOString()}`
    const existing = await req.payload.findByID({
      collection: slugs.membershipEvents,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (existing) continue
    await req.payload.create({
      collection: slugs.membershipEvents,
      data: {
        id,
        member: member.id,
        type: 'expiry',
        occurredAt: (expired < now ? expired : now).toISOString(),
        reason: 'period ended',
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    recorded += 1
  }
  return recorded
}
