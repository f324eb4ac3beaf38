// Who still points at a catalogue document: the guard against deleting what is referenced.
import type { PayloadRequest, Where } from 'payload'

import { slugs } from '../../collections/slugs'
import { relationId, toLocalized } from '../adapters/catalogue'
import { campaignFromDoc } from '../adapters/campaigns'
import { statusesHoldingTarget } from '../domain/campaigns/references'
import { campaignStatus } from '../domain/campaigns/status'
import { campaignUsage } from './campaigns/campaignUsage'
import { preservingLocale } from './preserveLocale'
import type { BenefitDefinition, Localized } from '../domain/catalogue/types'
import { memberView } from '../domain/entitlements/engine'
import { benefitHoldings, type BenefitHoldingSummary } from '../domain/entitlements/holdings'
import { catalogueOf, ensureStoreLoaded, planCacheOf, storedMembers } from './entitlements/store'

export type References = { count: number; examples: Localized[] }

/**
 * Tiers referencing something, in their published form or their latest draft, so a draft that
 * still uses a benefit also holds it.
 */
export async function tiersReferencing(req: PayloadRequest, where: Where): Promise<References> {
  const common = {
    req,
    collection: slugs.tiers,
    where,
    depth: 0,
    locale: 'all',
    limit: 100,
  } as const
  const [published, drafts] = await preservingLocale(req, () =>
    Promise.all([
      req.payload.find({ ...common, overrideAccess: true }),
      req.payload.find({ ...common, overrideAccess: true, draft: true }),
    ]),
  )
  const byId = new Map<string, Localized>()
  for (const doc of [...published.docs, ...drafts.docs]) {
    byId.set(String(doc.id), toLocalized((doc as { name?: unknown }).name))
  }
  return { count: byId.size, examples: [...byId.values()].slice(0, 5) }
}

export async function coursesReferencing(req: PayloadRequest, where: Where): Promise<References> {
  const found = await preservingLocale(req, () =>
    req.payload.find({
      req,
      collection: slugs.courses,
      where,
      depth: 0,
      locale: 'all',
      limit: 5,
      overrideAccess: true,
    }),
  )
  return {
    count: found.totalDocs,
    examples: found.docs.map((doc) => toLocalized((doc as { title?: unknown }).title)),
  }
}

/** Support grants of a benefit (any, past ones included), named by a few of their members. */
export async function grantsReferencing(
  req: PayloadRequest,
  benefitId: string,
): Promise<{ count: number; examples: string[] }> {
  const found = await req.payload.find({
    req,
    collection: slugs.entitlementGrants,
    where: { benefit: { equals: benefitId } },
    depth: 0,
    limit: 3,
    overrideAccess: true,
  })
  if (found.totalDocs === 0) return { count: 0, examples: [] }
  const memberIds = [
    ...new Set(found.docs.map((doc) => relationId(doc.member)).filter((id) => id !== null)),
  ]
  const members = await req.payload.find({
    req,
    collection: slugs.members,
    where: { id: { in: memberIds } },
    depth: 0,
    limit: memberIds.length,
    overrideAccess: true,
  })
  const externalIds = new Map(members.docs.map((doc) => [String(doc.id), String(doc.externalId)]))
  return {
    count: found.totalDocs,
    examples: memberIds.map((id) => externalIds.get(id) ?? id),
  }
}

/** Paying members who still receive a benefit through the tier version they paid for, at `now`. */
export async function tierVersionsHolding(
  req: PayloadRequest,
  benefit: BenefitDefinition,
  now = new Date(),
): Promise<BenefitHoldingSummary & { timeZone: string }> {
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  const cache = planCacheOf(req.payload)
  const views = (function* () {
    for (const member of storedMembers(req.payload)) yield memberView(member, catalogue, now, cache)
  })()
  return {
    ...benefitHoldings({ views, benefit, plansByKey: catalogue.plansByKey }),
    timeZone: catalogue.settings.timeZone,
  }
}

/**
 * Published campaigns that sell a tier (their target) and are scheduled, live or paused at `now`:
 * while they do, the tier is neither archived nor deleted (docs/rules.md rule 15).
 */
export async function campaignsTargeting(
  req: PayloadRequest,
  tierId: string,
  now = new Date(),
): Promise<References> {
  const found = await preservingLocale(req, () =>
    req.payload.find({
      req,
      collection: slugs.campaigns,
      where: {
        and: [{ 'terms.target.tier': { equals: tierId } }, { _status: { equals: 'published' } }],
      },
      depth: 0,
      locale: 'all',
      pagination: false,
      overrideAccess: true,
    }),
  )
  const holding: Localized[] = []
  for (const doc of found.docs) {
    const campaign = campaignFromDoc(doc, { benefitKeyOf: () => undefined })
    const status = campaignStatus(campaign, now, await campaignUsage(req, campaign.id))
    if (statusesHoldingTarget.includes(status)) holding.push(campaign.name)
  }
  return { count: holding.length, examples: holding.slice(0, 5) }
}
