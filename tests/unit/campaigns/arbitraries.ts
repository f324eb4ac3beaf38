// fast-check generators for prices, discounts and ranked offers.
import fc from 'fast-check'

import type { RankedOffer } from '../../../src/domain/campaigns/pricing'
import type { CampaignDiscount } from '../../../src/domain/campaigns/types'
import { billingPeriods, type BillingPeriod } from '../../../src/domain/catalogue/types'

/** Selling prices in 分, up to ¥100 000, small ones often (where rounding bites). */
export const sellingPriceArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 0, max: 10_000_000 }),
)

export const percentArbitrary: fc.Arbitrary<number> = fc.integer({ min: 0, max: 100 })

export const periodArbitrary: fc.Arbitrary<BillingPeriod> = fc.constantFrom(...billingPeriods)

/** Any discount, including amounts above the price and prices above it. */
export const discountArbitrary: fc.Arbitrary<CampaignDiscount> = fc.oneof(
  fc.constant<CampaignDiscount>({ kind: 'none' }),
  percentArbitrary.map((percent): CampaignDiscount => ({ kind: 'percent_off', percent })),
  fc
    .integer({ min: 0, max: 20_000_000 })
    .map((amount): CampaignDiscount => ({ kind: 'amount_off', amount })),
  fc
    .integer({ min: 0, max: 20_000_000 })
    .map((price): CampaignDiscount => ({ kind: 'fixed_price', price })),
)

/** Offers from a few values, priorities, ends and ids, so ties on each key are common. */
export const rankedOfferArbitrary: fc.Arbitrary<RankedOffer> = fc.record({
  campaignId: fc.constantFrom('c-a', 'c-b', 'c-c', 'c-d', 'c-e'),
  value: fc.constantFrom(0, 100, 2_000, 2_001),
  priority: fc.integer({ min: -1, max: 2 }),
  endsAt: fc.constantFrom(0, 1, 2).map((day) => new Date(Date.UTC(2026, 10, 11 + day))),
})

/** Offers with distinct campaign ids (one quote per campaign). */
export const offerListArbitrary: fc.Arbitrary<RankedOffer[]> = fc.uniqueArray(
  rankedOfferArbitrary,
  { selector: (offer) => offer.campaignId, maxLength: 5 },
)
