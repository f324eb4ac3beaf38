import { randomUUID } from 'node:crypto'

import type { CollectionBeforeValidateHook } from 'payload'

import { relationId } from '../../src/adapters/catalogue'
import { currentPlanVersion } from '../../src/operations/entitlements/events'
import { nextSequence } from '../../src/operations/entitlements/ledger'
import { tierAfterPeriod } from '../../src/domain/entitlements/engine'
import { catalogueOf, ensureStoreLoaded, findMember } from '../../src/operations/entitlements/store'

/**
 * Fills what a new ledger event needs besides the caller's input: an id when none was given, the
 * time, the order among same-instant events, who recorded it, and the tier version being bought.
 */
export const prepareMembershipEvent: CollectionBeforeValidateHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || !data) return data
  await ensureStoreLoaded(req.payload)
  const user = req.user as { email?: string; name?: string; collection?: string } | null
  // A renewal or grant without a tier is for the tier the member holds (or held, if it lapsed).
  const memberId = relationId(data.member)
  const heldTier =
    memberId && (data.type === 'renewal' || data.type === 'grant')
      ? findMember(req.payload, memberId)?.membership.tierId
      : null
  // Renewing an archived tier renews the successor its editors chose.
  const { catalogue } = await catalogueOf(req.payload)
  const held = heldTier && data.type === 'renewal' ? tierAfterPeriod(catalogue, heldTier) : heldTier
  const tierId = relationId(data.tier) ?? held ?? null
  return {
    ...data,
    tier: tierId ?? undefined,
    id:
      typeof data.id === 'string' && data.id.trim()
        ? data.id.trim()
        : `${data.type}:${randomUUID()}`,
    occurredAt: data.occurredAt ?? new Date().toISOString(),
    sequence: nextSequence(),
    actor: data.actor ?? user?.email ?? user?.name ?? 'system',
    planVersion: data.planVersion ?? (await currentPlanVersion(req, tierId)),
  }
}
