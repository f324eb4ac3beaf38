import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  bestOffer,
  compareOffers,
  daysValue,
  offerPrice,
  quoteOffer,
  rankingValue,
  rankOffers,
  saving,
  type RankedOffer,
} from '../../../src/domain/campaigns/pricing'
import type { CampaignDiscount } from '../../../src/domain/campaigns/types'
import {
  discountArbitrary,
  offerListArbitrary,
  percentArbitrary,
  rankedOfferArbitrary,
  sellingPriceArbitrary,
} from './arbitraries'
import { campaign, shanghai } from './fixtures'

const percent = (value: number): CampaignDiscount => ({ kind: 'percent_off', percent: value })

describe('offerPrice', () => {
  it.each<[string, number, CampaignDiscount, number]>([
    ['no discount keeps the selling price', 69900, { kind: 'none' }, 69900],
    ['20 % off ¥699 is ¥559.20', 69900, percent(20), 55920],
    ['15 % off ¥99.99 rounds ¥84.9915 to ¥84.99', 9999, percent(15), 8499],
    ['50 % off ¥0.15 rounds the half 分 up: ¥0.08', 15, percent(50), 8],
    ['50 % off ¥0.13 rounds ¥0.065 up: ¥0.07', 13, percent(50), 7],
    ['33 % off ¥1.00 is ¥0.67', 100, percent(33), 67],
    ['100 % off is free', 69900, percent(100), 0],
    ['a percent above 100 counts as 100', 69900, percent(150), 0],
    ['a negative percent counts as 0', 69900, percent(-5), 69900],
    ['12.5 % off ¥100 is ¥87.50', 10000, percent(12.5), 8750],
    ['¥200 off ¥699 is ¥499', 69900, { kind: 'amount_off', amount: 20000 }, 49900],
    [
      'more off than the price is free, never negative',
      3900,
      { kind: 'amount_off', amount: 5000 },
      0,
    ],
    ['a negative amount off takes nothing off', 3900, { kind: 'amount_off', amount: -100 }, 3900],
    ['a fixed price of ¥499', 69900, { kind: 'fixed_price', price: 49900 }, 49900],
    [
      'a fixed price above the selling price never raises it',
      69900,
      { kind: 'fixed_price', price: 79900 },
      69900,
    ],
    ['a negative fixed price is free', 69900, { kind: 'fixed_price', price: -1 }, 0],
    ['an empty percent (NaN) takes nothing off', 69900, percent(Number.NaN), 69900],
  ])('%s', (_name, selling, discount, expected) => {
    expect(offerPrice(selling, discount)).toBe(expected)
    expect(saving(selling, discount)).toBe(selling - expected)
  })

  it('stays a whole number of 分 between 0 and the selling price', () => {
    fc.assert(
      fc.property(sellingPriceArbitrary, discountArbitrary, (selling, discount) => {
        const price = offerPrice(selling, discount)
        expect(Number.isInteger(price)).toBe(true)
        expect(price).toBeGreaterThanOrEqual(0)
        expect(price).toBeLessThanOrEqual(selling)
      }),
    )
  })

  it('saves exactly the difference between the selling and the offer price', () => {
    fc.assert(
      fc.property(sellingPriceArbitrary, discountArbitrary, (selling, discount) => {
        expect(saving(selling, discount)).toBe(selling - offerPrice(selling, discount))
      }),
    )
  })

  it('never charges more for a deeper percent off', () => {
    fc.assert(
      fc.property(sellingPriceArbitrary, percentArbitrary, percentArbitrary, (selling, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(offerPrice(selling, percent(high))).toBeLessThanOrEqual(
          offerPrice(selling, percent(low)),
        )
      }),
    )
  })

  it('never charges more on a cheaper selling price for the same percent off', () => {
    fc.assert(
      fc.property(sellingPriceArbitrary, sellingPriceArbitrary, percentArbitrary, (a, b, p) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(offerPrice(low, percent(p))).toBeLessThanOrEqual(offerPrice(high, percent(p)))
      }),
    )
  })

  it('rounds a percent off to the nearest 分, half up', () => {
    fc.assert(
      fc.property(sellingPriceArbitrary, percentArbitrary, (selling, p) => {
        const exact = (selling * (100 - p)) / 100
        const price = offerPrice(selling, percent(p))
        expect(Math.abs(price - exact)).toBeLessThanOrEqual(0.5)
        if (Math.abs(price - exact) === 0.5) expect(price).toBeGreaterThan(exact)
      }),
    )
  })
})

describe('rankingValue', () => {
  it.each<[string, Parameters<typeof rankingValue>[0], number]>([
    [
      'is the saving when there are no days',
      { sellingPrice: 69900, period: 'annual', discount: percent(20), bonusDays: 0, trialDays: 0 },
      13980,
    ],
    [
      'values 30 bonus days of a ¥39 month at the whole month',
      {
        sellingPrice: 3900,
        period: 'monthly',
        discount: { kind: 'none' },
        bonusDays: 30,
        trialDays: 0,
      },
      3900,
    ],
    [
      'values 30 bonus days of a ¥699 year at 30/365 of it, rounded: ¥57.45',
      {
        sellingPrice: 69900,
        period: 'annual',
        discount: { kind: 'none' },
        bonusDays: 30,
        trialDays: 0,
      },
      5745,
    ],
    [
      'adds the saving and the days',
      {
        sellingPrice: 18900,
        period: 'quarterly',
        discount: { kind: 'amount_off', amount: 1000 },
        bonusDays: 7,
        trialDays: 0,
      },
      1000 + 1454,
    ],
    [
      'values trial days like bonus days',
      {
        sellingPrice: 6900,
        period: 'monthly',
        discount: { kind: 'none' },
        bonusDays: 0,
        trialDays: 7,
      },
      1610,
    ],
  ])('%s', (_name, input, expected) => {
    expect(rankingValue(input)).toBe(expected)
  })

  it('values a month of bonus days per day of each period', () => {
    expect(daysValue(3900, 'monthly', 1)).toBe(130)
    expect(daysValue(18900, 'quarterly', 91)).toBe(18900)
    expect(daysValue(69900, 'annual', 365)).toBe(69900)
    expect(daysValue(69900, 'annual', -3)).toBe(0)
  })
})

describe('quoteOffer', () => {
  it('quotes the campaign on a price of a billing period it covers', () => {
    const quote = quoteOffer(campaign(), {
      period: 'annual',
      listPrice: 99900,
      sellingPrice: 69900,
    })
    expect(quote).toEqual({
      campaignId: 'c-double-11',
      period: 'annual',
      sellingPrice: 69900,
      price: 49900,
      saving: 20000,
      bonusDays: 0,
      value: 20000,
      priority: 0,
      endsAt: shanghai('2026-11-12T00:00'),
    })
  })

  it('does not quote a billing period the campaign does not cover', () => {
    expect(
      quoteOffer(campaign(), { period: 'monthly', listPrice: 6900, sellingPrice: 6900 }),
    ).toBeNull()
  })
})

describe('rankOffers', () => {
  const offer = (campaignId: string, value: number, priority = 0, day = 12): RankedOffer => ({
    campaignId,
    value,
    priority,
    endsAt: shanghai(`2026-11-${day}T00:00`),
  })

  it('gives the largest value first, then the higher priority, then the earliest end, then the id', () => {
    const ranked = rankOffers([
      offer('c-e', 100, 0, 12),
      offer('c-d', 100, 0, 11),
      offer('c-c', 100, 5, 20),
      offer('c-b', 2000, -1, 30),
      offer('c-a', 100, 0, 12),
    ])
    expect(ranked.map((entry) => entry.campaignId)).toEqual(['c-b', 'c-c', 'c-d', 'c-a', 'c-e'])
  })

  it('does not change its input', () => {
    const offers = [offer('c-b', 1), offer('c-a', 2)]
    rankOffers(offers)
    expect(offers.map((entry) => entry.campaignId)).toEqual(['c-b', 'c-a'])
  })

  it('is a total order: antisymmetric and transitive, equal only for the same campaign keys', () => {
    fc.assert(
      fc.property(rankedOfferArbitrary, rankedOfferArbitrary, rankedOfferArbitrary, (a, b, c) => {
        expect(Math.sign(compareOffers(a, b))).toBe(-Math.sign(compareOffers(b, a)) || 0)
        if (compareOffers(a, b) <= 0 && compareOffers(b, c) <= 0) {
          expect(compareOffers(a, c)).toBeLessThanOrEqual(0)
        }
        if (compareOffers(a, b) === 0) {
          expect([a.campaignId, a.value, a.priority, a.endsAt.getTime()]).toEqual([
            b.campaignId,
            b.value,
            b.priority,
            b.endsAt.getTime(),
          ])
        }
      }),
    )
  })

  it('gives the same order for any permutation of the same offers', () => {
    fc.assert(
      fc.property(
        offerListArbitrary.chain((offers) =>
          fc.tuple(fc.constant(offers), fc.shuffledSubarray(offers, { minLength: offers.length })),
        ),
        ([offers, shuffled]) => {
          expect(rankOffers(shuffled)).toEqual(rankOffers(offers))
        },
      ),
    )
  })

  it('picks as the best offer the first of the ranking', () => {
    fc.assert(
      fc.property(offerListArbitrary, (offers) => {
        expect(bestOffer(offers)).toEqual(rankOffers(offers)[0] ?? null)
      }),
    )
  })
})
