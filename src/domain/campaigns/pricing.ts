// What an offer costs and saves, in whole 分, and which of several offers a member gets.
import type { BillingPeriod, TierPrice } from '../catalogue/types'
import type { CampaignDefinition, CampaignDiscount } from './types'

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
/** Whole 分; amounts are whole already (rules.ts refuses others), this only guards the maths. */
const fen = (amount: number): number => (Number.isFinite(amount) ? Math.round(amount) : 0)

/**
 * The price after the discount, in 分, always within [0, sellingPrice]:
 * - percent_off: sellingPrice × (100 − percent) / 100, rounded half up to the 分 (¥0.15 at 50 %
 *   off pays ¥0.08); percent is clamped to 0–100 and read to two decimals;
 * - amount_off: sellingPrice − amount, never below 0;
 * - fixed_price: the price, never above sellingPrice (a "discount" never raises the price);
 * - none: sellingPrice.
 */
export function offerPrice(sellingPrice: number, discount: CampaignDiscount): number {
  const selling = Math.max(0, fen(sellingPrice))
  switch (discount.kind) {
    case 'none':
      return selling
    case 'percent_off': {
      // In hundredths of a percent, so the arithmetic stays in integers (exact up to ~9e11 分).
      const basisPoints = Math.round(clamp(discount.percent, 0, 100) * 100) || 0
      return Math.floor((selling * (10_000 - basisPoints) + 5_000) / 10_000)
    }
    case 'amount_off':
      return selling - clamp(fen(discount.amount), 0, selling)
    case 'fixed_price':
      return clamp(fen(discount.price), 0, selling)
  }
}

/** What the member saves on the selling price, in 分: sellingPrice − offerPrice. */
export function saving(sellingPrice: number, discount: CampaignDiscount): number {
  return Math.max(0, fen(sellingPrice)) - offerPrice(sellingPrice, discount)
}

/** Days a billing period is worth when valuing bonus or trial days: 30, 91 and 365. */
export const nominalPeriodDays: Record<BillingPeriod, number> = {
  monthly: 30,
  quarterly: 91,
  annual: 365,
}

/** `days` at the period's selling price per day, rounded half up to the 分. */
export function daysValue(sellingPrice: number, period: BillingPeriod, days: number): number {
  const perPeriod = nominalPeriodDays[period]
  const whole = Math.max(0, Math.trunc(days))
  return Math.floor((2 * whole * Math.max(0, fen(sellingPrice)) + perPeriod) / (2 * perPeriod))
}

/**
 * The value an offer is ranked by, in 分: the saving, plus bonus and trial days valued at the
 * period's selling price per day (`daysValue`). Gifts carry no price, so they do not count; two
 * offers that differ only in gifts are told apart by priority.
 */
export function rankingValue(input: {
  sellingPrice: number
  period: BillingPeriod
  discount: CampaignDiscount
  bonusDays: number
  trialDays: number
}): number {
  return (
    saving(input.sellingPrice, input.discount) +
    daysValue(input.sellingPrice, input.period, input.bonusDays + input.trialDays)
  )
}

/** One campaign's offer for one tier price: what rankOffers orders. */
export type OfferQuote = {
  campaignId: string
  period: BillingPeriod
  sellingPrice: number
  price: number
  saving: number
  bonusDays: number
  value: number
  priority: number
  endsAt: Date
}

/**
 * The campaign's offer on a tier's price, or null when the campaign does not apply to that billing
 * period. Which tier's price to pass is the caller's: the target tier, or the member's own.
 */
export function quoteOffer(
  campaign: Pick<CampaignDefinition, 'id' | 'schedule' | 'terms'>,
  price: TierPrice,
): OfferQuote | null {
  const { target, offer, priority } = campaign.terms
  if (target.billingPeriods.length && !target.billingPeriods.includes(price.period)) return null
  return {
    campaignId: campaign.id,
    period: price.period,
    sellingPrice: price.sellingPrice,
    price: offerPrice(price.sellingPrice, offer.discount),
    saving: saving(price.sellingPrice, offer.discount),
    bonusDays: offer.bonusDays,
    value: rankingValue({
      sellingPrice: price.sellingPrice,
      period: price.period,
      discount: offer.discount,
      bonusDays: offer.bonusDays,
      trialDays: offer.trialDays,
    }),
    priority,
    endsAt: campaign.schedule.endsAt,
  }
}

export type RankedOffer = Pick<OfferQuote, 'campaignId' | 'value' | 'priority' | 'endsAt'>

/**
 * The order in which offers are given: larger value first, then higher priority, then the one that
 * ends first (use it before it goes), then campaign id (code-unit order) so the order is total.
 */
export function compareOffers(a: RankedOffer, b: RankedOffer): number {
  if (a.value !== b.value) return b.value - a.value
  if (a.priority !== b.priority) return b.priority - a.priority
  const ends = a.endsAt.getTime() - b.endsAt.getTime()
  if (ends !== 0) return ends
  return a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0
}

/** The offers best first; the input is not changed. */
export function rankOffers<T extends RankedOffer>(offers: readonly T[]): T[] {
  return [...offers].sort(compareOffers)
}

/** The offer the member gets (the first of rankOffers), in one pass; null when there is none. */
export function bestOffer<T extends RankedOffer>(offers: readonly T[]): T | null {
  let best: T | null = null
  for (const offer of offers) if (best === null || compareOffers(offer, best) < 0) best = offer
  return best
}
