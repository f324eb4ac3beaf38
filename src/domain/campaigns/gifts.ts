// Gift benefits: what value a gift's amount means for its benefit, and the grants a redemption
// delivers, each naming the campaign as its source.
import type { AllowedRange } from '../catalogue/messages'
import type { BenefitDefinition, BenefitValue } from '../catalogue/types'
import { allowedRange, isWithinRange } from '../catalogue/values'
import { addCalendarDays } from './schedule'
import type { CampaignDefinition, CampaignGift } from './types'

/**
 * The amounts a gift of this benefit may take: its benefit's range, but strictly above 0 where 0
 * would give nothing. null for a level benefit (a gift has an amount, not a level) and for a flag
 * (the amount is not read: the gift switches it on).
 */
export function giftRange(benefit: BenefitDefinition): AllowedRange | null {
  const range = allowedRange(benefit.shape)
  if (!range) return null
  return range.min <= 0 && !range.minExclusive ? { ...range, min: 0, minExclusive: true } : range
}

/** The value a gift grants, or null when the amount does not fit (or the benefit takes a level). */
export function giftValue(benefit: BenefitDefinition, amount: number): BenefitValue | null {
  const shape = benefit.shape
  if (shape.kind === 'flag') return { kind: 'flag', enabled: true }
  const range = giftRange(benefit)
  if (!range || !isWithinRange(range, amount)) return null
  switch (shape.kind) {
    case 'quota':
    case 'limit':
      return { kind: shape.kind, unlimited: false, amount }
    case 'percentage':
      return { kind: 'percentage', percent: amount }
    case 'duration':
      return { kind: 'duration', amount }
    case 'level':
      return null
  }
}

/** The reason a campaign's grants carry: support and members read it as the value's source. */
export function campaignGrantReason(campaign: Pick<CampaignDefinition, 'slug' | 'name'>): string {
  return `活动赠品「${campaign.name.zh}」/ Campaign gift: ${campaign.name.en} (${campaign.slug})`
}

export type CampaignGrant = {
  campaignId: string
  benefitId: string
  value: BenefitValue
  startsAt: Date
  endsAt: Date
  reason: string
}

/**
 * The grants one redemption at `at` delivers: one per gift, from `at` for its valid days (calendar
 * days in the platform zone). A gift whose benefit is unknown or whose amount does not fit is left
 * out; publish refuses such gifts (rules.ts), so this only happens if the benefit changed since.
 */
export function campaignGrants(input: {
  campaign: Pick<CampaignDefinition, 'id' | 'slug' | 'name'> & {
    terms: { offer: { gifts: readonly CampaignGift[] } }
  }
  benefitsByKey: ReadonlyMap<string, BenefitDefinition>
  at: Date
  timeZone: string
}): CampaignGrant[] {
  const { campaign, at, timeZone } = input
  const reason = campaignGrantReason(campaign)
  const grants: CampaignGrant[] = []
  for (const gift of campaign.terms.offer.gifts) {
    const benefit = input.benefitsByKey.get(gift.benefitKey)
    const value = benefit ? giftValue(benefit, gift.amount) : null
    if (!benefit || !value || !(gift.validDays >= 1)) continue
    grants.push({
      campaignId: campaign.id,
      benefitId: benefit.id,
      value,
      startsAt: at,
      endsAt: addCalendarDays(at, Math.trunc(gift.validDays), timeZone),
      reason,
    })
  }
  return grants
}
