// Who may take a campaign at an instant: its audience (a predicate over AudienceFacts) and the
// rules every campaign of its kind keeps. This runs on the hot check path for every live campaign,
// so the campaign is compiled once (sets, milliseconds, the target's rank) and each evaluation is a
// few comparisons with no allocation; the answer is `true` or the first unmet condition.
import type { BillingPeriod, Localized } from '../catalogue/types'
import type {
  Audience,
  AudienceFacts,
  AudienceStatus,
  CampaignDefinition,
  CampaignKind,
} from './types'

/** Audience conditions, in the order they are evaluated. */
export const audienceMisses = [
  'tier_not_in_audience',
  'status_not_in_audience',
  'period_not_ending_soon',
  'not_lapsed_recently',
  'not_joined_recently',
  'billing_period_not_in_audience',
  'growth_value_out_of_range',
  'redeemed_same_kind_recently',
] as const
export type AudienceMiss = (typeof audienceMisses)[number]

/** Rules of the kind and the budget, evaluated before the audience. */
export const kindMisses = [
  'rank_not_below_target',
  'trial_already_used',
  'no_paid_period',
  'not_lapsed',
  'member_limit_reached',
  'not_referred_new_member',
] as const
export type KindMiss = (typeof kindMisses)[number]

export type Ineligibility = AudienceMiss | KindMiss

const dayMs = 86_400_000
const withinMs = (days: number | null): number | null => (days === null ? null : days * dayMs)

export type CompiledAudience = {
  readonly kind: CampaignKind
  readonly tierIds: ReadonlySet<string> | null
  readonly statuses: ReadonlySet<AudienceStatus> | null
  readonly periodEndsWithinMs: number | null
  readonly lapsedWithinMs: number | null
  readonly joinedWithinMs: number | null
  readonly billingPeriods: ReadonlySet<BillingPeriod> | null
  readonly growthMin: number
  readonly growthMax: number
  readonly excludeSameKindWithinMs: number | null
}

const setOrNull = <T>(values: readonly T[]): ReadonlySet<T> | null =>
  values.length ? new Set(values) : null

/** The audience of a campaign of `kind` (the kind is what the same-kind exclusion compares). */
export function compileAudience(audience: Audience, kind: CampaignKind): CompiledAudience {
  return {
    kind,
    tierIds: setOrNull(audience.tierIds),
    statuses: setOrNull(audience.statuses),
    periodEndsWithinMs: withinMs(audience.periodEndsWithinDays),
    lapsedWithinMs: withinMs(audience.lapsedWithinDays),
    joinedWithinMs: withinMs(audience.joinedWithinDays),
    billingPeriods: setOrNull(audience.billingPeriods),
    growthMin: audience.growthValue.min ?? Number.NEGATIVE_INFINITY,
    growthMax: audience.growthValue.max ?? Number.POSITIVE_INFINITY,
    excludeSameKindWithinMs: withinMs(audience.excludeRedeemedSameKindWithinDays),
  }
}

/**
 * `true` when the member is in the audience at `now`, else the first condition not met. "Within N
 * days" means at most N × 24 h away from `now`, inclusive:
 * - tiers: the tier held now, or for a lapsed member also the tier they lapsed from;
 * - period ends within N days: a non-entry tier is held and its period ends by now + N days (a
 *   member in grace, whose period has already ended, matches);
 * - lapsed within N days: lapsed, at most N days ago; joined within N days likewise;
 * - billing period: of the period held now (a member without one does not match);
 * - growth value: within the inclusive bounds;
 * - same-kind exclusion: no redemption of a campaign of this kind (this one included) in the last
 *   N days.
 */
export function audienceMatches(
  audience: CompiledAudience,
  facts: AudienceFacts,
  now: Date,
): true | AudienceMiss {
  const time = now.getTime()
  if (
    audience.tierIds !== null &&
    !audience.tierIds.has(facts.tierId) &&
    !(facts.lapsedTierId !== null && audience.tierIds.has(facts.lapsedTierId))
  ) {
    return 'tier_not_in_audience'
  }
  if (audience.statuses !== null && !audience.statuses.has(facts.status)) {
    return 'status_not_in_audience'
  }
  if (
    audience.periodEndsWithinMs !== null &&
    (facts.periodEnd === null || facts.periodEnd.getTime() - time > audience.periodEndsWithinMs)
  ) {
    return 'period_not_ending_soon'
  }
  if (
    audience.lapsedWithinMs !== null &&
    (facts.status !== 'lapsed' ||
      facts.lapsedAt === null ||
      time - facts.lapsedAt.getTime() > audience.lapsedWithinMs)
  ) {
    return 'not_lapsed_recently'
  }
  if (
    audience.joinedWithinMs !== null &&
    (facts.joinedAt === null || time - facts.joinedAt.getTime() > audience.joinedWithinMs)
  ) {
    return 'not_joined_recently'
  }
  if (
    audience.billingPeriods !== null &&
    (facts.billingPeriod === null || !audience.billingPeriods.has(facts.billingPeriod))
  ) {
    return 'billing_period_not_in_audience'
  }
  if (facts.growthValue < audience.growthMin || facts.growthValue > audience.growthMax) {
    return 'growth_value_out_of_range'
  }
  if (audience.excludeSameKindWithinMs !== null) {
    const since = time - audience.excludeSameKindWithinMs
    for (const redemption of facts.redemptions) {
      const at = redemption.at.getTime()
      if (redemption.kind === audience.kind && at >= since && at <= time) {
        return 'redeemed_same_kind_recently'
      }
    }
  }
  return true
}

export type CompiledCampaign = {
  readonly id: string
  readonly kind: CampaignKind
  readonly audience: CompiledAudience
  /** Rank of the target tier; null for the member's own tier, or an unknown target. */
  readonly targetRank: number | null
  readonly perMember: number
}

export function compileCampaign(
  campaign: Pick<CampaignDefinition, 'id' | 'kind' | 'terms'>,
  rankOf: ReadonlyMap<string, number>,
): CompiledCampaign {
  const { tierId } = campaign.terms.target
  return {
    id: campaign.id,
    kind: campaign.kind,
    audience: compileAudience(campaign.terms.audience, campaign.kind),
    targetRank: tierId === null ? null : (rankOf.get(tierId) ?? null),
    perMember: campaign.terms.budget.perMember,
  }
}

/**
 * Whether the member may take the campaign at `now` (whether the campaign is live is the caller's
 * part: `acceptsRedemptions`). The kind's own rules come first:
 * - trial: never a member who has used a trial (any trial campaign, ever), checked first;
 * - upgrade, trial: only members ranked below the target tier;
 * - renewal, retention: only members holding a bought, non-entry tier in its period or grace;
 * - winback: only lapsed members;
 * - referral: only a referred member before their first paid order (the welcome offer); the
 *   audience is the referrer's (who may earn rewards, src/operations/campaigns/referral.ts), so it
 *   is not applied here (docs/campaigns.md "Referrals");
 * then the per-member limit, then the audience.
 */
export function memberEligibility(
  campaign: CompiledCampaign,
  facts: AudienceFacts,
  now: Date,
): true | Ineligibility {
  switch (campaign.kind) {
    case 'upgrade':
    case 'trial':
      // A used trial first: a member still on it also holds the target, and "used" says more.
      if (campaign.kind === 'trial' && facts.trialUsed) return 'trial_already_used'
      if (campaign.targetRank === null || !(facts.rank < campaign.targetRank)) {
        return 'rank_not_below_target'
      }
      break
    case 'renewal':
    case 'retention':
      if (!facts.holdsPaidPeriod) return 'no_paid_period'
      break
    case 'winback':
      if (facts.status !== 'lapsed') return 'not_lapsed'
      break
    case 'referral':
      if (facts.referredNewMember !== true) return 'not_referred_new_member'
      break
  }
  let taken = 0
  for (const redemption of facts.redemptions) if (redemption.campaignId === campaign.id) taken += 1
  if (taken >= campaign.perMember) return 'member_limit_reached'
  return campaign.kind === 'referral' ? true : audienceMatches(campaign.audience, facts, now)
}

/** "Why not", for support and the audience preview. */
export const ineligibilityMessages: Record<Ineligibility, Localized> = {
  tier_not_in_audience: {
    zh: '会员当前（或到期前）的等级不在活动人群中。',
    en: "The member's tier (now, or before lapsing) is not in the audience.",
  },
  status_not_in_audience: {
    zh: '会员的会员状态不在活动人群中。',
    en: "The member's membership status is not in the audience.",
  },
  period_not_ending_soon: {
    zh: '会员的会员周期不会在指定天数内结束。',
    en: "The member's period does not end within the audience's days.",
  },
  not_lapsed_recently: {
    zh: '会员没有在指定天数内到期或取消。',
    en: "The member did not lapse within the audience's days.",
  },
  not_joined_recently: {
    zh: '会员不是在指定天数内注册的。',
    en: "The member did not join within the audience's days.",
  },
  billing_period_not_in_audience: {
    zh: '会员当前的计费周期不在活动人群中。',
    en: "The member's billing period is not in the audience.",
  },
  growth_value_out_of_range: {
    zh: '会员的成长值不在活动人群的范围内。',
    en: "The member's growth value is outside the audience's range.",
  },
  redeemed_same_kind_recently: {
    zh: '会员近期已参加过同类活动。',
    en: 'The member recently redeemed a campaign of the same kind.',
  },
  rank_not_below_target: {
    zh: '会员的等级不低于活动的目标等级。',
    en: "The member's tier is not below the campaign's target tier.",
  },
  trial_already_used: {
    zh: '会员已经用过一次试用，每位会员只能试用一次。',
    en: 'The member has already used a trial; each member gets one trial.',
  },
  no_paid_period: {
    zh: '会员没有正在生效（或宽限期内）的付费等级。',
    en: 'The member holds no paid tier in its period or grace.',
  },
  not_lapsed: {
    zh: '召回活动只面向已到期或已取消的会员。',
    en: 'Win-back campaigns are for lapsed (expired or cancelled) members only.',
  },
  member_limit_reached: {
    zh: '会员已达到本活动的每人参与次数上限。',
    en: "The member has reached this campaign's limit per member.",
  },
  not_referred_new_member: {
    zh: '推荐活动的新人优惠只给已填写推荐码、尚未付费的新会员。',
    en: "A referral campaign's welcome offer is for referred members who have not paid yet.",
  },
}
