// A campaign's status is derived from its definition, the clock and its usage; nobody sets it.
import type { CampaignBudget, CampaignDefinition, CampaignStatus, CampaignUsage } from './types'

/** The budget is used up: every redemption taken, or the discount cap reached. */
export function budgetExhausted(budget: CampaignBudget, usage: CampaignUsage): boolean {
  return (
    (budget.totalRedemptions !== null && usage.redemptions >= budget.totalRedemptions) ||
    (budget.maxDiscount !== null && usage.discountGiven >= budget.maxDiscount)
  )
}

/**
 * Whether one more redemption saving `saving` 分 fits the budget: a redemption left, and the saving
 * within what remains of the discount cap (a redemption is never cut down to fit the cap).
 */
export function budgetAllows(
  budget: CampaignBudget,
  usage: CampaignUsage,
  saving: number,
): boolean {
  if (budget.totalRedemptions !== null && usage.redemptions + 1 > budget.totalRedemptions) {
    return false
  }
  return budget.maxDiscount === null || usage.discountGiven + saving <= budget.maxDiscount
}

/**
 * The status at `now`. The first that applies wins:
 * 1. draft — not published;
 * 2. ended — ended by hand (`endedAt` reached) or past `endsAt`;
 * 3. exhausted — the budget is used up (growing the budget reopens it);
 * 4. paused — paused (`pausedAt` reached), even before it starts;
 * 5. scheduled — before `startsAt`;
 * 6. live.
 * Start is inclusive, end exclusive: live on [startsAt, endsAt).
 */
export function campaignStatus(
  definition: Pick<CampaignDefinition, 'published' | 'schedule' | 'terms'>,
  now: Date,
  usage: CampaignUsage,
): CampaignStatus {
  const { schedule } = definition
  const time = now.getTime()
  if (!definition.published) return 'draft'
  if (
    (schedule.endedAt !== null && schedule.endedAt.getTime() <= time) ||
    time >= schedule.endsAt.getTime()
  ) {
    return 'ended'
  }
  if (budgetExhausted(definition.terms.budget, usage)) return 'exhausted'
  if (schedule.pausedAt !== null && schedule.pausedAt.getTime() <= time) return 'paused'
  if (time < schedule.startsAt.getTime()) return 'scheduled'
  return 'live'
}

/** Only a live campaign gives its offer; scheduled, paused, ended and exhausted ones do not. */
export const acceptsRedemptions = (status: CampaignStatus): boolean => status === 'live'

/**
 * Whether members may already hold the terms: published and started (live, paused, exhausted or
 * ended after its start). Edits of such a campaign go through liveEditFindings; before that, terms
 * may change freely and only campaignFindings applies.
 */
export const termsFrozen = (
  definition: Pick<CampaignDefinition, 'published' | 'schedule'>,
  now: Date,
): boolean => definition.published && now.getTime() >= definition.schedule.startsAt.getTime()
