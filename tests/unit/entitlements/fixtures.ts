// Plain-data fixtures for the entitlement engine: a ladder free < silver < gold (plus a platinum
// tier that is not live), plan versions, ledgers and a fixed clock in Asia/Shanghai (UTC+8, no DST).
import type {
  BenefitDefinition,
  BenefitValue,
  TierPrice,
} from '../../../src/domain/catalogue/types'
import {
  planKey,
  type EngineCatalogue,
  type EngineSettings,
  type MemberRecord,
} from '../../../src/domain/entitlements/engine'
import {
  initialMembership,
  membershipAt,
  replayLedger,
  type MembershipEvent,
  type MembershipNow,
  type MembershipState,
} from '../../../src/domain/entitlements/membership'
import type { OrderTier } from '../../../src/domain/entitlements/orders'
import type { Grant, PlanVersion } from '../../../src/domain/entitlements/plans'
import {
  advanced,
  answers,
  basic,
  community,
  discount,
  downloads,
  flag,
  level,
  limit,
  masterclass,
  percent,
  quota,
  tutoring,
  unlimitedLimit,
  unlimitedQuota,
  video,
  within,
} from '../catalogue/fixtures'

export const timeZone = 'Asia/Shanghai'
export const settings: EngineSettings = { timeZone, graceDays: 3, currency: 'CNY' }

/** A wall-clock time in Shanghai, e.g. `shanghai('2026-01-31T10:00')`. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`)
/** An instant in UTC, e.g. `utc('2026-11-30T16:00:00Z')`. */
export const utc = (iso: string): Date => new Date(iso)

/** Reviews of homework: counted per billing cycle, not per calendar month. */
export const reviews: BenefitDefinition = {
  id: 'b-reviews',
  key: 'reviews',
  name: { zh: '作业批改', en: 'Homework reviews' },
  unit: { zh: '次', en: 'reviews' },
  category: 'usage-quota',
  shape: { kind: 'quota', period: 'billing-period' },
}

export const benefits: readonly BenefitDefinition[] = [
  tutoring,
  video,
  discount,
  answers,
  community,
  downloads,
  reviews,
]
export { advanced, answers, basic, community, discount, downloads, masterclass, tutoring, video }
export { flag, level, limit, percent, quota, unlimitedLimit, unlimitedQuota, within }

const price = (period: TierPrice['period'], sellingPrice: number): TierPrice => ({
  period,
  listPrice: sellingPrice + 1000,
  sellingPrice,
})

export const freeV1: PlanVersion = {
  id: 'p-free-1',
  tierId: 't-free',
  version: 1,
  publishedAt: shanghai('2025-12-01T00:00'),
  slug: 'free',
  name: { zh: '免费', en: 'Free' },
  rank: 0,
  kind: 'entry',
  prices: [],
  values: { [video.id]: level('720p'), [answers.id]: within(48) },
  accessTierIds: [basic.id],
}

export const silverV1: PlanVersion = {
  id: 'p-silver-1',
  tierId: 't-silver',
  version: 1,
  publishedAt: shanghai('2025-12-01T00:00'),
  slug: 'silver',
  name: { zh: '白银', en: 'Silver' },
  rank: 1,
  kind: 'paid',
  // 3900 a month, or 9900 a quarter (3300 a month).
  prices: [price('monthly', 3900), price('quarterly', 9900)],
  values: {
    [tutoring.id]: quota(4),
    [video.id]: level('1080p'),
    [discount.id]: percent(10),
    [answers.id]: within(24),
    [downloads.id]: limit(10),
    [reviews.id]: quota(2),
  },
  accessTierIds: [basic.id, advanced.id],
}

/** Silver's second version: one tutoring session less, but 4K video and more downloads. */
export const silverV2: PlanVersion = {
  ...silverV1,
  id: 'p-silver-2',
  version: 2,
  publishedAt: shanghai('2026-03-01T00:00'),
  values: {
    ...silverV1.values,
    [tutoring.id]: quota(3),
    [video.id]: level('4k'),
    [downloads.id]: limit(20),
  },
}

export const goldV1: PlanVersion = {
  id: 'p-gold-1',
  tierId: 't-gold',
  version: 1,
  publishedAt: shanghai('2025-12-01T00:00'),
  slug: 'gold',
  name: { zh: '黄金', en: 'Gold' },
  rank: 2,
  kind: 'paid',
  // 8900 a month, or 69900 a year (5825 a month).
  prices: [price('monthly', 8900), price('annual', 69900)],
  values: {
    [tutoring.id]: quota(8),
    [video.id]: level('4k'),
    [discount.id]: percent(20),
    [answers.id]: within(2),
    [community.id]: flag(true),
    [downloads.id]: unlimitedLimit,
    [reviews.id]: quota(5),
  },
  accessTierIds: [basic.id, advanced.id, masterclass.id],
}

/** Above gold and cheap, but archived: never offered as an upgrade. */
export const platinumV1: PlanVersion = {
  id: 'p-platinum-1',
  tierId: 't-platinum',
  version: 1,
  publishedAt: shanghai('2025-12-01T00:00'),
  slug: 'platinum',
  name: { zh: '铂金', en: 'Platinum' },
  rank: 3,
  kind: 'paid',
  prices: [price('monthly', 100)],
  values: { ...goldV1.values, [tutoring.id]: unlimitedQuota },
  accessTierIds: [basic.id, advanced.id, masterclass.id],
}

export const allPlans: readonly PlanVersion[] = [freeV1, silverV1, silverV2, goldV1, platinumV1]

/** The catalogue as the engine reads it, built from plan versions (the newest per tier wins). */
export function engineCatalogue(
  plans: readonly PlanVersion[] = allPlans,
  options: {
    live?: readonly string[]
    entryTierId?: string | null
    successorOf?: ReadonlyMap<string, string>
  } = {},
): EngineCatalogue {
  const latestPlanByTier = new Map<string, PlanVersion>()
  for (const plan of plans) {
    const latest = latestPlanByTier.get(plan.tierId)
    if (!latest || latest.version < plan.version) latestPlanByTier.set(plan.tierId, plan)
  }
  return {
    benefits,
    benefitsById: new Map(benefits.map((benefit) => [benefit.id, benefit])),
    benefitsByKey: new Map(benefits.map((benefit) => [benefit.key, benefit])),
    activeBenefitIds: new Set(benefits.map((benefit) => benefit.id)),
    accessTiersById: new Map([basic, advanced, masterclass].map((tier) => [tier.id, tier])),
    plansByKey: new Map(plans.map((plan) => [planKey(plan.tierId, plan.version), plan])),
    latestPlanByTier,
    liveTierIds: new Set(options.live ?? ['t-free', 't-silver', 't-gold']),
    successorOf: options.successorOf ?? new Map(),
    entryTierId: options.entryTierId === undefined ? 't-free' : options.entryTierId,
    settings,
    generation: 1,
  }
}

export type EventInput = Omit<MembershipEvent, 'sequence' | 'orderId'> & { orderId?: string }

/** An event of `type` at `occurredAt`; `sequence` and `orderId` are filled in by `ledger`. */
export const event = (
  type: MembershipEvent['type'],
  occurredAt: Date,
  extra: Partial<EventInput> = {},
): EventInput => ({ type, occurredAt, ...extra })

/** Events in insertion order: sequence 1, 2, 3… and order ids `${type}-${sequence}`. */
export const ledger = (...events: readonly EventInput[]): MembershipEvent[] =>
  events.map((input, index) => ({
    ...input,
    sequence: index + 1,
    orderId: input.orderId ?? `${input.type}-${index + 1}`,
  }))

/** The stored state after these events, in order. */
export const replay = (...events: readonly EventInput[]): MembershipState =>
  replayLedger(ledger(...events), timeZone)

/** What holds at `now` for the stored state. */
export const now = (state: MembershipState, at: Date): MembershipNow =>
  membershipAt(state, at, settings)

export const purchase = (
  tier: PlanVersion,
  at: Date,
  extra: Partial<EventInput> = {},
): EventInput =>
  event('purchase', at, {
    tierId: tier.tierId,
    planVersion: tier.version,
    billingPeriod: 'monthly',
    ...extra,
  })

export const member = (
  membership: MembershipState = initialMembership,
  grants: readonly Grant[] = [],
): MemberRecord => ({ id: 'm-1', externalId: 'user-1', membership, grants })

export const supportGrant = (
  value: BenefitValue,
  benefit: BenefitDefinition,
  startsAt: Date,
  endsAt: Date,
  id = 'g-1',
): Grant => ({ id, benefitId: benefit.id, value, startsAt, endsAt, reason: 'Apology for outage' })

/** A tier as the order rules see it. */
export const orderTier = (plan: PlanVersion): OrderTier => ({
  id: plan.tierId,
  name: plan.name,
  rank: plan.rank,
  kind: plan.kind,
  periods: plan.prices.map((entry) => entry.period),
})

export const honoraryTier: OrderTier = {
  id: 't-honorary',
  name: { zh: '荣誉会员', en: 'Honorary' },
  rank: 100,
  kind: 'honorary',
  periods: [],
}
