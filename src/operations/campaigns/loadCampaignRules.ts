// What the campaign guard rails compare against: every tier with its published and archived
// flags, the benefits gifts may name, and the bounds from membership settings.
import type { PayloadRequest } from 'payload'

import { globalSlugs, slugs } from '../../../collections/slugs'
import { benefitFromDoc, tierFromDoc } from '../../adapters/catalogue'
import type { CampaignLookups } from '../../adapters/campaigns'
import type { CampaignTier } from '../../domain/campaigns/rules'
import { defaultCampaignSettings, type CampaignSettings } from '../../domain/campaigns/types'
import type { BenefitDefinition } from '../../domain/catalogue/types'
import { preservingLocale } from '../preserveLocale'

export type CampaignRules = {
  tiers: CampaignTier[]
  /** Benefits that are not archived: what a gift may name. */
  benefits: BenefitDefinition[]
  lookups: CampaignLookups
  settings: CampaignSettings
  currency: string
  /** The platform's zone: a campaign's default. */
  timeZone: string
}

const positiveWhole = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback

/** The campaign bounds and platform zone from `membership-settings`, defaults where empty. */
export async function loadCampaignSettings(
  req: PayloadRequest,
): Promise<Pick<CampaignRules, 'settings' | 'currency' | 'timeZone'>> {
  const stored = (await req.payload.findGlobal({
    slug: globalSlugs.membershipSettings,
    req,
    depth: 0,
    overrideAccess: true,
  })) as unknown as Record<string, unknown>
  const defaults = defaultCampaignSettings
  return {
    settings: {
      maxCampaignDays: positiveWhole(stored.maxCampaignDays, defaults.maxCampaignDays),
      maxPercentOff: positiveWhole(stored.maxPercentOff, defaults.maxPercentOff),
      maxBonusDays: positiveWhole(stored.maxBonusDays, defaults.maxBonusDays),
      maxTrialDays: positiveWhole(stored.maxTrialDays, defaults.maxTrialDays),
    },
    currency: typeof stored.currency === 'string' && stored.currency ? stored.currency : 'CNY',
    timeZone: typeof stored.timeZone === 'string' && stored.timeZone ? stored.timeZone : 'UTC',
  }
}

export async function loadCampaignRules(req: PayloadRequest): Promise<CampaignRules> {
  const common = { req, depth: 0, locale: 'all', pagination: false, overrideAccess: true } as const
  // One preservingLocale around every read: nested ones running at once would restore each
  // other's 'all'.
  const [benefitDocs, tierDocs, configured] = await preservingLocale(req, () =>
    Promise.all([
      req.payload.find({ ...common, collection: slugs.benefits }),
      // Main documents: what members see (a tier never published is a draft here).
      req.payload.find({ ...common, collection: slugs.tiers, sort: 'rank' }),
      loadCampaignSettings(req),
    ]),
  )
  const allBenefits = benefitDocs.docs.map((doc) => benefitFromDoc(doc))
  const benefitKinds = new Map(allBenefits.map((benefit) => [benefit.id, benefit.shape.kind]))
  const activeIds = new Set(
    benefitDocs.docs.filter((doc) => doc.status !== 'archived').map((doc) => String(doc.id)),
  )
  const keyOf = new Map(allBenefits.map((benefit) => [benefit.id, benefit.key]))
  const tiers: CampaignTier[] = tierDocs.docs.map((doc) => ({
    ...tierFromDoc(doc, benefitKinds),
    published: doc._status === 'published',
    archived: doc.status === 'archived',
  }))
  return {
    tiers,
    benefits: allBenefits.filter((benefit) => activeIds.has(benefit.id)),
    lookups: { benefitKeyOf: (id) => keyOf.get(id) },
    ...configured,
  }
}
