// Campaigns (营销活动) as plain data: what a campaign offers, to whom, when, and the member facts an
// audience is evaluated against. No framework imports (enforced by ESLint); adapters map documents.
import type { BillingPeriod, Locale, Localized } from '../catalogue/types'
import type { MembershipNow } from '../entitlements/membership'

export const campaignKinds = [
  'upgrade', // 升级：买更高的等级
  'renewal', // 续费：续自己的等级
  'retention', // 挽留：想取消或关闭自动续费的会员
  'winback', // 召回：已到期或已取消的会员
  'trial', // 试用：体验更高的等级
  'referral', // 推荐：邀请好友
] as const
export type CampaignKind = (typeof campaignKinds)[number]

/** Kinds that name the tier they sell; the others apply to the member's own tier. */
export const kindsWithTargetTier = [
  'upgrade',
  'trial',
  'winback',
] as const satisfies readonly CampaignKind[]
/** Kinds that always apply to the member's own tier (no target tier may be set). */
export const kindsOnOwnTier = ['renewal', 'retention'] as const satisfies readonly CampaignKind[]

/** Derived from the definition, the clock and the usage (status.ts); never stored by hand. */
export const campaignStatuses = [
  'draft',
  'scheduled',
  'live',
  'paused',
  'ended',
  'exhausted',
] as const
export type CampaignStatus = (typeof campaignStatuses)[number]

export const campaignChannels = ['email', 'in-app', 'sms'] as const
export type CampaignChannel = (typeof campaignChannels)[number]

/** A member's membership as an audience sees it. `lapsed` = expired or cancelled. */
export const audienceStatuses = ['active', 'grace', 'lapsed', 'never_paid'] as const
export type AudienceStatus = (typeof audienceStatuses)[number]

/**
 * Who a campaign is for: every condition that is set must hold (AND); an empty list or null means
 * "any". Day counts are whole days of 24 h from `now` (see docs/campaigns.md).
 */
export type Audience = {
  /** Tiers held: the tier held now, or for a lapsed member also the tier they lapsed from. */
  tierIds: readonly string[]
  statuses: readonly AudienceStatus[]
  /** The paid period (active or grace) ends within N days (grace: it has already ended). */
  periodEndsWithinDays: number | null
  lapsedWithinDays: number | null
  joinedWithinDays: number | null
  /** The billing period of the period held now. */
  billingPeriods: readonly BillingPeriod[]
  /** Inclusive bounds on the growth value; null for no bound. */
  growthValue: { min: number | null; max: number | null }
  /** Leaves out members who redeemed any campaign of the same kind within N days. */
  excludeRedeemedSameKindWithinDays: number | null
}

export const anyAudience: Audience = {
  tierIds: [],
  statuses: [],
  periodEndsWithinDays: null,
  lapsedWithinDays: null,
  joinedWithinDays: null,
  billingPeriods: [],
  growthValue: { min: null, max: null },
  excludeRedeemedSameKindWithinDays: null,
}

/** Amounts in 分; percent is a whole number of percent off (20 = 8折). */
export type CampaignDiscount =
  | { kind: 'none' }
  | { kind: 'percent_off'; percent: number }
  | { kind: 'amount_off'; amount: number }
  | { kind: 'fixed_price'; price: number }

export type DiscountKind = CampaignDiscount['kind']

/** A benefit given with the offer, delivered as a grant whose source names the campaign. */
export type CampaignGift = { benefitKey: string; amount: number; validDays: number }

export type CampaignOffer = {
  discount: CampaignDiscount
  /** Added to the end of the period bought ("+1 month"): counted from the current period end. */
  bonusDays: number
  /** Trial campaigns only: days of the target tier, free or at the discounted price. */
  trialDays: number
  gifts: readonly CampaignGift[]
}

export type CampaignTarget = {
  /** The tier sold; null = the member's own tier (renewal, retention; referral may use either). */
  tierId: string | null
  /** Billing periods the offer applies to; empty = every period the tier sells. */
  billingPeriods: readonly BillingPeriod[]
}

export type CampaignBudget = {
  /** Redemptions across all members; null = unlimited. */
  totalRedemptions: number | null
  perMember: number
  /** Cap on the total discount given, in 分; null = no cap. */
  maxDiscount: number | null
}

export const defaultPerMember = 1

export type CampaignTerms = {
  audience: Audience
  target: CampaignTarget
  offer: CampaignOffer
  budget: CampaignBudget
  /** Higher wins a tie on value between two campaigns (pricing.ts `compareOffers`). */
  priority: number
}

export type CampaignSchedule = {
  startsAt: Date
  endsAt: Date
  /** IANA zone the schedule is shown and entered in; defaults to the platform's. */
  timeZone: string
  /** Set while paused; cleared on resume. */
  pausedAt: Date | null
  /** Set when ended by hand; never cleared. */
  endedAt: Date | null
}

export type CampaignCopy = { headline: string; body: string; callToAction: string }

export type CampaignDefinition = {
  id: string
  slug: string
  name: Localized
  kind: CampaignKind
  published: boolean
  schedule: CampaignSchedule
  terms: CampaignTerms
  channels: readonly CampaignChannel[]
  copy: Record<Locale, CampaignCopy>
}

/** What has been used of a campaign's budget: redemptions and discount given (分). */
export type CampaignUsage = { redemptions: number; discountGiven: number }

export const noUsage: CampaignUsage = { redemptions: 0, discountGiven: 0 }

/** Bounds from membership settings; the defaults below apply when a setting is empty. */
export type CampaignSettings = {
  maxCampaignDays: number
  maxPercentOff: number
  maxBonusDays: number
  maxTrialDays: number
}

export const defaultMaxCampaignDays = 90
export const defaultMaxPercentOff = 90
export const defaultMaxBonusDays = 92
export const defaultMaxTrialDays = 30

export const defaultCampaignSettings: CampaignSettings = {
  maxCampaignDays: defaultMaxCampaignDays,
  maxPercentOff: defaultMaxPercentOff,
  maxBonusDays: defaultMaxBonusDays,
  maxTrialDays: defaultMaxTrialDays,
}

export type CampaignRedemption = { campaignId: string; kind: CampaignKind; at: Date }

/** Everything an audience and the kind rules read about one member at one instant. */
export type AudienceFacts = {
  /** The tier held now; the entry tier when the member holds none. */
  tierId: string
  /** The tier a lapsed member held before; null otherwise. */
  lapsedTierId: string | null
  /** Rank of `tierId`. */
  rank: number
  status: AudienceStatus
  /** A bought (not granted), non-entry tier in its period or in grace: what renewals renew. */
  holdsPaidPeriod: boolean
  /** End of the period of a non-entry tier held now (in grace: already past); null otherwise. */
  periodEnd: Date | null
  lapsedAt: Date | null
  joinedAt: Date | null
  billingPeriod: BillingPeriod | null
  growthValue: number
  redemptions: readonly CampaignRedemption[]
  /** One trial per member ever, across all trial campaigns. */
  trialUsed: boolean
  /**
   * Attributed to a referrer and no paid order yet: who may take a referral campaign's welcome
   * offer (docs/campaigns.md "Referrals"). Absent = no.
   */
  referredNewMember?: boolean
}

export type AudienceFactsExtra = {
  entryTierId: string
  /** Tier id → rank, for every tier a member may hold. */
  rankOf: ReadonlyMap<string, number>
  joinedAt: Date | null
  growthValue: number
  redemptions: readonly CampaignRedemption[]
  /** Defaults to "a trial campaign appears among the redemptions". */
  trialUsed?: boolean
  /** When the membership ran out, if known exactly (e.g. the ledger's expiry event). */
  lapsedAt?: Date | null
  /** Attributed to a referrer and never paid (`AudienceFacts.referredNewMember`). */
  referredNewMember?: boolean
}

/**
 * The facts from a member's membership now (`membershipAt`). Lapsed = expired or cancelled; never
 * paid = no tier now and none lapsed; lapsedAt = the end of grace, else the period end.
 */
export function audienceFactsOf(
  membership: MembershipNow,
  extra: AudienceFactsExtra,
): AudienceFacts {
  const tierId = membership.tierId ?? extra.entryTierId
  const status: AudienceStatus =
    membership.tierId !== null
      ? membership.status === 'grace'
        ? 'grace'
        : 'active'
      : membership.lapsedTierId !== null
        ? 'lapsed'
        : 'never_paid'
  const lapsed = status === 'lapsed'
  const holdsTier = membership.tierId !== null && membership.tierId !== extra.entryTierId
  return {
    tierId,
    lapsedTierId: lapsed ? membership.lapsedTierId : null,
    rank: extra.rankOf.get(tierId) ?? Number.NEGATIVE_INFINITY,
    status,
    holdsPaidPeriod: holdsTier && membership.billingPeriod !== null,
    periodEnd: holdsTier ? membership.periodEnd : null,
    lapsedAt: lapsed
      ? (extra.lapsedAt ?? membership.graceEndsAt ?? membership.periodEnd ?? null)
      : null,
    joinedAt: extra.joinedAt,
    billingPeriod: membership.tierId !== null ? membership.billingPeriod : null,
    growthValue: extra.growthValue,
    redemptions: extra.redemptions,
    trialUsed:
      extra.trialUsed ?? extra.redemptions.some((redemption) => redemption.kind === 'trial'),
    ...(extra.referredNewMember === true ? { referredNewMember: true } : {}),
  }
}

/** Guard rails a campaign can break (rules.ts); kept apart from the catalogue's codes. */
export const campaignFindingCodes = [
  'campaign-schedule-invalid',
  'campaign-time-zone-invalid',
  'campaign-too-long',
  'campaign-target-missing',
  'campaign-target-not-own-tier',
  'campaign-target-not-purchasable',
  'campaign-target-not-above-audience',
  'campaign-billing-period-not-sold',
  'campaign-offer-empty',
  'campaign-discount-invalid',
  'campaign-offer-not-below-price',
  'campaign-days-out-of-range',
  'campaign-trial-days-not-trial',
  'campaign-gift-invalid',
  'campaign-budget-invalid',
  'campaign-priority-invalid',
  'campaign-audience-invalid',
  'campaign-channels-missing',
  'campaign-copy-missing',
  'campaign-live-terms-frozen',
  'campaign-live-edit-invalid',
] as const
export type CampaignFindingCode = (typeof campaignFindingCodes)[number]

/** Same shape as the catalogue's Finding: `path` is the Payload field path in the campaign. */
export type CampaignFinding = { code: CampaignFindingCode; path: string; message: Localized }
