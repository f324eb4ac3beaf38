// Plain-data fixtures for campaigns: a ladder free < silver < gold < platinum (platinum not yet
// published), an archived tier, an honorary tier, a growth-only tier, and a fixed clock in
// Asia/Shanghai (UTC+8, no DST).
import type { CampaignTier } from '../../../src/domain/campaigns/rules'
import {
  anyAudience,
  defaultCampaignSettings,
  type Audience,
  type AudienceFacts,
  type CampaignDefinition,
  type CampaignKind,
  type CampaignOffer,
  type CampaignTerms,
} from '../../../src/domain/campaigns/types'
import type { TierPrice } from '../../../src/domain/catalogue/types'
import { allBenefits } from '../catalogue/fixtures'

export { allBenefits }
export const settings = defaultCampaignSettings
export const timeZone = 'Asia/Shanghai'

/** A wall-clock time in Shanghai, e.g. `shanghai('2026-11-11T00:00')`. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`)
export const utc = (iso: string): Date => new Date(iso)

/** The fixed clock: 2026-11-01 10:00 in Shanghai. */
export const now = shanghai('2026-11-01T10:00')

const price = (period: TierPrice['period'], sellingPrice: number): TierPrice => ({
  period,
  listPrice: sellingPrice,
  sellingPrice,
})

const tier = (
  input: Pick<CampaignTier, 'id' | 'slug' | 'name' | 'rank' | 'kind' | 'prices'> &
    Partial<CampaignTier>,
): CampaignTier => ({
  benefits: [],
  accessTierIds: [],
  published: true,
  archived: false,
  ...input,
})

export const free = tier({
  id: 't-free',
  slug: 'free',
  name: { zh: '免费会员', en: 'Free' },
  rank: 0,
  kind: 'entry',
  prices: [],
})
export const silver = tier({
  id: 't-silver',
  slug: 'silver',
  name: { zh: '白银会员', en: 'Silver' },
  rank: 1,
  kind: 'paid',
  prices: [price('monthly', 3900), price('annual', 39900)],
})
export const gold = tier({
  id: 't-gold',
  slug: 'gold',
  name: { zh: '黄金会员', en: 'Gold' },
  rank: 2,
  kind: 'paid',
  prices: [price('monthly', 6900), price('quarterly', 18900), price('annual', 69900)],
})
export const platinum = tier({
  id: 't-platinum',
  slug: 'platinum',
  name: { zh: '铂金会员', en: 'Platinum' },
  rank: 3,
  kind: 'paid',
  prices: [price('annual', 129900)],
  published: false,
})
export const legacy = tier({
  id: 't-legacy',
  slug: 'legacy',
  name: { zh: '老版黄金', en: 'Legacy gold' },
  rank: 4,
  kind: 'paid',
  prices: [price('annual', 59900)],
  archived: true,
})
export const honorary = tier({
  id: 't-honorary',
  slug: 'honorary',
  name: { zh: '荣誉会员', en: 'Honorary' },
  rank: 100,
  kind: 'honorary',
  prices: [],
})
export const star = tier({
  id: 't-star',
  slug: 'star',
  name: { zh: '成长之星', en: 'Rising star' },
  rank: 5,
  kind: 'growth',
  prices: [],
  growth: { reach: 1000, keep: 800 },
})

export const tiers: readonly CampaignTier[] = [free, silver, gold, platinum, legacy, honorary, star]
export const rankOf: ReadonlyMap<string, number> = new Map(tiers.map((t) => [t.id, t.rank]))

export const noOffer: CampaignOffer = {
  discount: { kind: 'none' },
  bonusDays: 0,
  trialDays: 0,
  gifts: [],
}

export const audience = (patch: Partial<Audience> = {}): Audience => ({ ...anyAudience, ...patch })

type CampaignPatch = Partial<Omit<CampaignDefinition, 'terms' | 'schedule'>> & {
  schedule?: Partial<CampaignDefinition['schedule']>
  terms?: Partial<Omit<CampaignTerms, 'offer'>> & { offer?: Partial<CampaignOffer> }
}

/**
 * 双十一 upgrade: free and silver members buy gold annual at ¥499, 11-11 00:00 to 11-12 00:00
 * in Shanghai. Valid as it stands (campaignFindings finds nothing); patches change a part.
 */
export function campaign(patch: CampaignPatch = {}): CampaignDefinition {
  const base: CampaignDefinition = {
    id: 'c-double-11',
    slug: 'double-11',
    name: { zh: '双十一年卡特惠', en: 'Double 11 annual deal' },
    kind: 'upgrade',
    published: true,
    schedule: {
      startsAt: shanghai('2026-11-11T00:00'),
      endsAt: shanghai('2026-11-12T00:00'),
      timeZone,
      pausedAt: null,
      endedAt: null,
    },
    terms: {
      audience: audience({ tierIds: [free.id, silver.id] }),
      target: { tierId: gold.id, billingPeriods: ['annual'] },
      offer: { ...noOffer, discount: { kind: 'fixed_price', price: 49900 } },
      budget: { totalRedemptions: 1000, perMember: 1, maxDiscount: null },
      priority: 0,
    },
    channels: ['in-app', 'email'],
    copy: {
      zh: { headline: '黄金年卡 ¥499', body: '仅限双十一当天。', callToAction: '立即升级' },
      en: { headline: 'Gold for a year, ¥499', body: 'Double 11 only.', callToAction: 'Upgrade' },
    },
  }
  const { schedule, terms, ...rest } = patch
  return {
    ...base,
    ...rest,
    schedule: { ...base.schedule, ...schedule },
    terms: {
      ...base.terms,
      ...terms,
      offer: { ...base.terms.offer, ...terms?.offer },
    },
  }
}

/** A campaign of `kind` on the member's own tier (renewal, retention) or a target tier. */
export function campaignOfKind(kind: CampaignKind, patch: CampaignPatch = {}): CampaignDefinition {
  const ownTier = kind === 'renewal' || kind === 'retention' || kind === 'referral'
  return campaign({
    id: `c-${kind}`,
    slug: kind,
    kind,
    ...patch,
    terms: {
      audience: audience(),
      target: ownTier
        ? { tierId: null, billingPeriods: [] }
        : { tierId: gold.id, billingPeriods: [] },
      ...patch.terms,
      offer: {
        ...(kind === 'trial'
          ? { discount: { kind: 'none' }, trialDays: 7 }
          : { discount: { kind: 'percent_off', percent: 20 } }),
        ...patch.terms?.offer,
      },
    },
  })
}

/** A silver monthly member in the middle of a period that ends on 2026-11-20. */
export const facts = (patch: Partial<AudienceFacts> = {}): AudienceFacts => ({
  tierId: silver.id,
  lapsedTierId: null,
  rank: silver.rank,
  status: 'active',
  holdsPaidPeriod: true,
  periodEnd: shanghai('2026-11-20T10:00'),
  lapsedAt: null,
  joinedAt: shanghai('2025-01-01T10:00'),
  billingPeriod: 'monthly',
  growthValue: 500,
  redemptions: [],
  trialUsed: false,
  ...patch,
})

/** A lapsed gold member: their period ended on 2026-10-25. */
export const lapsedFacts = (patch: Partial<AudienceFacts> = {}): AudienceFacts =>
  facts({
    tierId: free.id,
    lapsedTierId: gold.id,
    rank: free.rank,
    status: 'lapsed',
    holdsPaidPeriod: false,
    periodEnd: null,
    lapsedAt: shanghai('2026-10-25T10:00'),
    billingPeriod: null,
    ...patch,
  })
