// What a campaign would reach and cost, for the marketer before publishing (the audience preview)
// and while it runs (the stats): counts of eligible members by tier and of the others by the first
// condition they miss, and the discount the offer gives at its budget. Pure: the caller passes each
// member's facts and the quotes that member would get.
import { memberEligibility, type CompiledCampaign, type Ineligibility } from './audience'
import type { AudienceFacts, CampaignBudget } from './types'

export type AudienceCount = {
  /** Members looked at. */
  members: number
  eligible: number
  /** Eligible members by the tier they hold now (the entry tier for members without one). */
  eligibleByTier: Map<string, number>
  /** The others, by the first condition they miss (kind rules, per-member limit, audience). */
  ineligible: Map<Ineligibility, number>
  /**
   * The saving (分) of the best quote each eligible member would get, largest first; members the
   * campaign has no price for (the tier they would buy is not sold in its periods) give none.
   */
  savings: number[]
}

export type MemberForPreview = {
  facts: AudienceFacts
  /** The saving of the best quote this member would get (分), or null when nothing is quoted. */
  bestSaving: (facts: AudienceFacts) => number | null
}

/** Counts a campaign's audience at `now` over any number of members, in one pass. */
export function countAudience(
  campaign: CompiledCampaign,
  members: Iterable<MemberForPreview>,
  now: Date,
): AudienceCount {
  const count: AudienceCount = {
    members: 0,
    eligible: 0,
    eligibleByTier: new Map(),
    ineligible: new Map(),
    savings: [],
  }
  for (const member of members) {
    count.members += 1
    const answer = memberEligibility(campaign, member.facts, now)
    if (answer !== true) {
      count.ineligible.set(answer, (count.ineligible.get(answer) ?? 0) + 1)
      continue
    }
    count.eligible += 1
    const tier = member.facts.tierId
    count.eligibleByTier.set(tier, (count.eligibleByTier.get(tier) ?? 0) + 1)
    const saving = member.bestSaving(member.facts)
    if (saving !== null) count.savings.push(saving)
  }
  count.savings.sort((a, b) => b - a)
  return count
}

export type BudgetCost = {
  /** How many redemptions the budget allows of those eligible now: min(eligible, total). */
  redemptions: number
  /** The discount given if they all redeem, the largest savings first (分), after the cap. */
  discount: number
  /** The discount cap stopped it short. */
  capped: boolean
  /** Neither a redemption budget nor a discount cap: the cost grows with every redemption. */
  unlimited: boolean
}

/**
 * What the offer costs at its budget, from the eligible members' savings (largest first): the
 * first `totalRedemptions` of them (all when unlimited), no more than the discount cap. One
 * redemption per member is counted; a per-member limit above one is not multiplied in.
 */
export function costAtBudget(savings: readonly number[], budget: CampaignBudget): BudgetCost {
  const redemptions =
    budget.totalRedemptions === null
      ? savings.length
      : Math.min(savings.length, budget.totalRedemptions)
  let discount = 0
  for (let index = 0; index < redemptions; index += 1) discount += savings[index] ?? 0
  const capped = budget.maxDiscount !== null && discount > budget.maxDiscount
  return {
    redemptions,
    discount: capped ? budget.maxDiscount! : discount,
    capped,
    unlimited: budget.totalRedemptions === null && budget.maxDiscount === null,
  }
}

/** Redemptions over the audience at launch, or null without a launch count (or an empty one). */
export function conversion(redemptions: number, audienceAtLaunch: number | null): number | null {
  if (audienceAtLaunch === null || audienceAtLaunch <= 0) return null
  return redemptions / audienceAtLaunch
}
