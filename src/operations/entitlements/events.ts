// Recording membership events: the billing system's orders (POST /api/membership/orders) and
// support's grants and cancellations in the admin share these rules.
import type { PayloadRequest } from 'payload'

import type { BillingPeriod } from '../../domain/catalogue/types'
import { tierAfterPeriod, type EngineCatalogue } from '../../domain/entitlements/engine'
import { membershipAt, type MembershipEventType } from '../../domain/entitlements/membership'
import { orderRefusal, type OrderRefusal, type OrderTier } from '../../domain/entitlements/orders'
import { catalogueOf, ensureStoreLoaded, findMember } from './store'

export function orderTier(catalogue: EngineCatalogue, tierId: string | null): OrderTier | null {
  const plan = tierId ? catalogue.latestPlanByTier.get(tierId) : undefined
  if (!plan || !tierId) return null
  const live = catalogue.liveTierIds.has(tierId)
  return {
    id: tierId,
    name: plan.name,
    rank: plan.rank,
    // A tier that is no longer live cannot be bought.
    kind: live ? plan.kind : 'honorary',
    periods: plan.prices.map((price) => price.period),
  }
}

/** A tier by id or slug among those with a published version. */
export function tierIdFor(catalogue: EngineCatalogue, reference: string): string | null {
  if (catalogue.latestPlanByTier.has(reference)) return reference
  for (const plan of catalogue.latestPlanByTier.values()) {
    if (plan.slug === reference) return plan.tierId
  }
  return null
}

/** Why this event may not be recorded for the member now, or null. */
export async function eventRefusal(
  req: PayloadRequest,
  input: {
    type: MembershipEventType
    memberId: string
    tierId: string | null
    billingPeriod: BillingPeriod | null
    at: Date
  },
): Promise<OrderRefusal | null> {
  if (input.type === 'grant' || input.type === 'expiry') return null
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  const member = findMember(req.payload, input.memberId)
  if (!member) return null
  // While a trial runs, orders are judged against what the member has beneath it (what they pay
  // for): a Silver member on a Diamond trial upgrades from Silver.
  const now = membershipAt(member.membership, input.at, catalogue.settings)
  const membership = now.trial?.after ?? now
  // Renewing an archived tier renews the tier its members move to.
  const successor = (tierId: string | null) =>
    tierId && input.type === 'renewal' ? tierAfterPeriod(catalogue, tierId) : tierId
  return orderRefusal({
    type: input.type,
    membership,
    current: orderTier(catalogue, successor(membership.tierId)),
    lapsed: orderTier(catalogue, successor(membership.lapsedTierId)),
    target: orderTier(catalogue, input.tierId),
    billingPeriod: input.billingPeriod,
  })
}

/** The plan version a new event for `tierId` buys: the tier's latest. */
export async function currentPlanVersion(
  req: PayloadRequest,
  tierId: string | null,
): Promise<number | null> {
  if (!tierId) return null
  const { catalogue } = await catalogueOf(req.payload)
  return catalogue.latestPlanByTier.get(tierId)?.version ?? null
}
