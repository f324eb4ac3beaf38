// What a campaign would reach and cost, for the marketer before publishing (the audience preview)
// and while it runs (the stats): counts of eligible members by tier and of the others by the first
// condition they miss, the discount the offer gives at its budget, and the figures of the
// redemptions made. Pure: the caller passes each member's facts and the best saving that member
// would get, and the redemptions' gists.
import type { BillingPeriod } from '../catalogue/types'
import type { MembershipNow, MembershipState } from '../entitlements/membership'
import { memberEligibility, type CompiledCampaign, type Ineligibility } from './audience'
import type { AudienceFacts, CampaignBudget } from './types'

export type AudienceCount = {
  /** Members looked at. */
  members: number
  eligible: number
  /** Eligible members by the tier they hold (the entry tier for members without one). */
  eligibleByTier: Map<string, number>
  /** The others, by the first condition they miss (kind rules, per-member limit, audience). */
  ineligible: Map<Ineligibility, number>
  /**
   * The saving (分) of the best quote each eligible member would get, largest first; members the
   * campaign has no price for (the tier they would buy is not sold in its periods) give none.
   */
  savings: number[]
}

/** The saving of the best quote a member would get (分), or null when nothing is quoted. */
export type BestSaving = (facts: AudienceFacts) => number | null

export type CountOptions = {
  /**
   * Count members who have redeemed this campaign as in the audience whatever they are now (the
   * audience at launch, counted after the start: a Silver member who took the Gold upgrade is Gold
   * now and no longer eligible, but was in the audience).
   */
  redeemersInAudience?: boolean
}

/** Counts a campaign's audience at `at` over any number of members' facts, in one pass. */
export function countAudience(
  campaign: CompiledCampaign,
  members: Iterable<AudienceFacts>,
  at: Date,
  bestSaving: BestSaving,
  options: CountOptions = {},
): AudienceCount {
  const count: AudienceCount = {
    members: 0,
    eligible: 0,
    eligibleByTier: new Map(),
    ineligible: new Map(),
    savings: [],
  }
  for (const facts of members) {
    count.members += 1
    const redeemed =
      options.redeemersInAudience === true &&
      facts.redemptions.some((redemption) => redemption.campaignId === campaign.id)
    const answer = redeemed ? true : memberEligibility(campaign, facts, at)
    if (answer !== true) {
      count.ineligible.set(answer, (count.ineligible.get(answer) ?? 0) + 1)
      continue
    }
    count.eligible += 1
    count.eligibleByTier.set(facts.tierId, (count.eligibleByTier.get(facts.tierId) ?? 0) + 1)
    const saving = bestSaving(facts)
    if (saving !== null) count.savings.push(saving)
  }
  count.savings.sort((a, b) => b - a)
  return count
}

/**
 * Until when a member's membership at `at` reads the same (its facts with it): the next instant
 * after `at` at which it changes on its own — the period's end, the end of grace, a pending
 * change, a trial's start or end. Counting many members again and again (the editor's preview
 * follows the form) re-uses facts within that window instead of working the membership out anew.
 */
export function membershipStableUntil(
  stored: MembershipState,
  membership: MembershipNow,
  at: Date,
): number {
  const time = at.getTime()
  let until = Number.POSITIVE_INFINITY
  for (const instant of [
    stored.periodEnd,
    membership.periodEnd,
    membership.graceEndsAt,
    stored.pendingChange?.effectiveAt,
    stored.trial?.startsAt,
    stored.trial?.endsAt,
  ]) {
    const next = instant ? instant.getTime() : Number.NaN
    if (next > time && next < until) until = next
  }
  return until
}

/**
 * The instant a preview counts at: the campaign's start while it is ahead (who will be in the
 * audience when it opens: periods ending by then, members lapsed by then), else now. A draft with
 * no valid start is counted now.
 */
export function previewInstant(
  startsAt: Date,
  now: Date,
): { at: Date; countedAt: 'start' | 'now' } {
  return Number.isFinite(startsAt.getTime()) && startsAt.getTime() > now.getTime()
    ? { at: startsAt, countedAt: 'start' }
    : { at: now, countedAt: 'now' }
}

export type BudgetCost = {
  /** Redemptions the budget allows of those eligible (and quoted): min(eligible, total). */
  redemptions: number
  /** The discount given if they all redeem, the largest savings first (分), after the cap. */
  discount: number
  /** The discount cap stopped it short. */
  capped: boolean
  /**
   * Neither a redemption budget nor a discount cap: `discount` is what those eligible now would
   * cost, and it grows with every member who joins the audience.
   */
  unlimited: boolean
}

/**
 * What the offer costs at its budget, from the eligible members' savings (largest first): the
 * first `totalRedemptions` of them (all when unlimited), no more than the discount cap. With one
 * saving for everyone this is saving × min(eligible, totalRedemptions), capped by maxDiscount; with
 * several (a renewal of each member's own tier, monthly and annual prices) it is the worst case.
 * One redemption per member is counted; a per-member limit above one is not multiplied in.
 */
export function costAtBudget(savings: readonly number[], budget: CampaignBudget): BudgetCost {
  const redemptions =
    budget.totalRedemptions === null
      ? savings.length
      : Math.min(savings.length, Math.max(0, budget.totalRedemptions))
  let discount = 0
  for (let index = 0; index < redemptions; index += 1) discount += savings[index] ?? 0
  const capped = budget.maxDiscount !== null && discount > budget.maxDiscount
  return {
    redemptions,
    discount: capped ? Math.max(0, budget.maxDiscount!) : discount,
    capped,
    unlimited: budget.totalRedemptions === null && budget.maxDiscount === null,
  }
}

/** Redemptions over the audience at launch, or null without a launch count (or an empty one). */
export function conversion(redemptions: number, audienceAtLaunch: number | null): number | null {
  if (audienceAtLaunch === null || audienceAtLaunch <= 0) return null
  return redemptions / audienceAtLaunch
}

/** One redemption as the figures read it (the `campaign-redemptions` document's gist). */
export type RedemptionGist = {
  /** The tier bought (the target, or the member's own tier); null when not recorded. */
  tierId: string | null
  billingPeriod: BillingPeriod | null
  /** 分 paid. */
  amountPaid: number
  /** 分 of discount given. */
  discount: number
}

export type RedemptionFigures = {
  redemptions: number
  /** 分: the sum of amounts paid. */
  revenue: number
  /** 分: the sum of discounts given. */
  discountGiven: number
  /** By tier and billing period, most redemptions first (then tier id, then period). */
  byTierAndPeriod: {
    tierId: string | null
    billingPeriod: BillingPeriod | null
    redemptions: number
    revenue: number
    discountGiven: number
  }[]
}

/** Sums a campaign's redemptions, and by tier and billing period. */
export function redemptionFigures(redemptions: Iterable<RedemptionGist>): RedemptionFigures {
  const figures: RedemptionFigures = {
    redemptions: 0,
    revenue: 0,
    discountGiven: 0,
    byTierAndPeriod: [],
  }
  const rows = new Map<string, RedemptionFigures['byTierAndPeriod'][number]>()
  for (const redemption of redemptions) {
    const paid = Number.isFinite(redemption.amountPaid) ? redemption.amountPaid : 0
    const discount = Number.isFinite(redemption.discount) ? redemption.discount : 0
    figures.redemptions += 1
    figures.revenue += paid
    figures.discountGiven += discount
    const key = `${redemption.tierId ?? ''}|${redemption.billingPeriod ?? ''}`
    let row = rows.get(key)
    if (!row) {
      row = {
        tierId: redemption.tierId,
        billingPeriod: redemption.billingPeriod,
        redemptions: 0,
        revenue: 0,
        discountGiven: 0,
      }
      rows.set(key, row)
    }
    row.redemptions += 1
    row.revenue += paid
    row.discountGiven += discount
  }
  const order = (value: string | null) => value ?? ''
  figures.byTierAndPeriod = [...rows.values()].sort(
    (a, b) =>
      b.redemptions - a.redemptions ||
      (order(a.tierId) < order(b.tierId) ? -1 : order(a.tierId) > order(b.tierId) ? 1 : 0) ||
      (order(a.billingPeriod) < order(b.billingPeriod)
        ? -1
        : order(a.billingPeriod) > order(b.billingPeriod)
          ? 1
          : 0),
  )
  return figures
}
