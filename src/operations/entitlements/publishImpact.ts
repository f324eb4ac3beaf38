// Before an editor publishes a tier: the impact on its current members (admin preview), from the
// edited form values or, without them, the tier's current draft.
import type { PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { tierFromDoc } from '../../adapters/catalogue'
import { memberView } from '../../domain/entitlements/engine'
import { publishImpact, type PublishImpact } from '../../domain/entitlements/impact'
import { planChange, planSnapshot } from '../../domain/entitlements/plans'
import { ok, refuse, type Outcome } from '../result'
import { catalogueOf, ensureStoreLoaded, planCacheOf, storedMembers } from './store'

export type PublishImpactInput = {
  /** The tier's Payload id. */
  id: string
  /** The editor's unsaved form values; without them, the tier's current draft. */
  fields?: Record<string, unknown>
}

export async function tierPublishImpact(
  req: PayloadRequest,
  input: PublishImpactInput,
  now = new Date(),
): Promise<Outcome<PublishImpact>> {
  const { id: tierId, fields: edited } = input
  const draft = await req.payload.findByID({
    collection: slugs.tiers,
    id: tierId,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!draft) {
    return refuse(
      'tier_unknown',
      {
        zh: `找不到 ID 为 ${tierId} 的等级：它可能已被删除。`,
        en: `There is no tier with id ${tierId}; it may have been deleted.`,
      },
      { field: 'id' },
    )
  }
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  const kinds = new Map(catalogue.benefits.map((benefit) => [benefit.id, benefit.shape.kind]))
  const proposed = planSnapshot(tierFromDoc({ ...draft, ...(edited ?? {}), id: tierId }, kinds))
  const latest = catalogue.latestPlanByTier.get(tierId) ?? null
  // Whoever holds the tier now, as a check would see it (entry-tier members and successors included).
  const cache = planCacheOf(req.payload)
  const holders = []
  for (const member of storedMembers(req.payload)) {
    const view = memberView(member, catalogue, now, cache)
    if (view.tierPlan?.tierId === tierId) holders.push(view.membership)
  }
  return ok(
    publishImpact({
      change: planChange(latest, proposed, catalogue.benefits),
      members: holders,
      benefitsById: catalogue.benefitsById,
      accessTiersById: catalogue.accessTiersById,
    }),
  )
}
