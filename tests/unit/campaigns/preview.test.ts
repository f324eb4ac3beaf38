import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { compileCampaign } from '../../../src/domain/campaigns/audience'
import {
  conversion,
  costAtBudget,
  countAudience,
  previewInstant,
  membershipStableUntil,
  redemptionFigures,
  type BestSaving,
} from '../../../src/domain/campaigns/preview'
import type { AudienceFacts, CampaignBudget } from '../../../src/domain/campaigns/types'
import {
  audience,
  campaign,
  facts,
  free,
  gold,
  lapsedFacts,
  now,
  rankOf,
  shanghai,
  silver,
} from './fixtures'

const budget = (patch: Partial<CampaignBudget> = {}): CampaignBudget => ({
  totalRedemptions: null,
  perMember: 1,
  maxDiscount: null,
  ...patch,
})

describe('costAtBudget', () => {
  it('is saving × min(eligible, totalRedemptions) for one saving', () => {
    expect(costAtBudget([500, 500, 500], budget({ totalRedemptions: 2 }))).toEqual({
      redemptions: 2,
      discount: 1000,
      capped: false,
      unlimited: false,
    })
    expect(costAtBudget([500, 500], budget({ totalRedemptions: 10 }))).toEqual({
      redemptions: 2,
      discount: 1000,
      capped: false,
      unlimited: false,
    })
  })

  it('takes the largest savings first when they differ (the worst case)', () => {
    expect(costAtBudget([900, 400, 100], budget({ totalRedemptions: 2 })).discount).toBe(1300)
  })

  it('stops at the discount cap and says so', () => {
    expect(
      costAtBudget([500, 500, 500], budget({ totalRedemptions: 3, maxDiscount: 1200 })),
    ).toEqual({ redemptions: 3, discount: 1200, capped: true, unlimited: false })
    // Exactly at the cap is not capped.
    expect(costAtBudget([600, 600], budget({ maxDiscount: 1200 }))).toMatchObject({
      discount: 1200,
      capped: false,
      unlimited: false,
    })
  })

  it('is unlimited only with neither a redemption budget nor a cap', () => {
    expect(costAtBudget([500, 300], budget())).toEqual({
      redemptions: 2,
      discount: 800,
      capped: false,
      unlimited: true,
    })
    expect(costAtBudget([500, 300], budget({ maxDiscount: 100000 })).unlimited).toBe(false)
    expect(costAtBudget([500, 300], budget({ totalRedemptions: 1 })).unlimited).toBe(false)
  })

  it('costs nothing with nobody eligible or a budget of 0', () => {
    expect(costAtBudget([], budget({ totalRedemptions: 100 }))).toMatchObject({
      redemptions: 0,
      discount: 0,
    })
    expect(costAtBudget([500], budget({ totalRedemptions: 0 }))).toMatchObject({
      redemptions: 0,
      discount: 0,
    })
  })

  it('never exceeds the cap, the budget or the sum of savings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 50 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        (raw, totalRedemptions, maxDiscount) => {
          const savings = [...raw].sort((a, b) => b - a)
          const cost = costAtBudget(savings, budget({ totalRedemptions, maxDiscount }))
          const sum = savings.reduce((total, value) => total + value, 0)
          expect(cost.redemptions).toBeLessThanOrEqual(totalRedemptions ?? savings.length)
          expect(cost.discount).toBeLessThanOrEqual(sum)
          if (maxDiscount !== null) expect(cost.discount).toBeLessThanOrEqual(maxDiscount)
          if (totalRedemptions === null && maxDiscount === null) expect(cost.discount).toBe(sum)
        },
      ),
    )
  })
})

describe('countAudience', () => {
  // Active free and silver members may buy Gold annual at ¥499 (Gold annual sells at ¥699).
  const upgrade = campaign({
    schedule: { startsAt: now },
    terms: { audience: audience({ tierIds: [free.id, silver.id], statuses: ['active'] }) },
  })
  const compiled = compileCampaign(upgrade, rankOf)
  const savings = new Map<AudienceFacts, number | null>()
  const bestSaving: BestSaving = (f) => savings.get(f) ?? null
  const member = (f: AudienceFacts, best: number | null = 20000): AudienceFacts => {
    savings.set(f, best)
    return f
  }
  const freeFacts = (patch: Partial<AudienceFacts> = {}) =>
    facts({
      tierId: free.id,
      rank: free.rank,
      holdsPaidPeriod: false,
      periodEnd: null,
      billingPeriod: null,
      ...patch,
    })

  it('counts the eligible by tier and the others by the first condition they miss', () => {
    const counted = countAudience(
      compiled,
      [
        member(facts()),
        member(facts()),
        member(freeFacts()),
        member(facts({ tierId: gold.id, rank: gold.rank })),
        member(lapsedFacts()),
        member(facts({ redemptions: [{ campaignId: upgrade.id, kind: 'upgrade', at: now }] })),
      ],
      now,
      bestSaving,
    )
    expect(counted.members).toBe(6)
    expect(counted.eligible).toBe(3)
    expect(Object.fromEntries(counted.eligibleByTier)).toEqual({ [silver.id]: 2, [free.id]: 1 })
    expect(Object.fromEntries(counted.ineligible)).toEqual({
      rank_not_below_target: 1,
      // The lapsed Gold member is on the entry tier now: below Gold, but not active.
      status_not_in_audience: 1,
      member_limit_reached: 1,
    })
    expect(counted.savings).toEqual([20000, 20000, 20000])
  })

  it('keeps the savings largest first and leaves out members with no price', () => {
    const counted = countAudience(
      compiled,
      [member(facts(), 100), member(facts(), null), member(facts(), 900), member(facts(), 500)],
      now,
      bestSaving,
    )
    expect(counted.eligible).toBe(4)
    expect(counted.savings).toEqual([900, 500, 100])
  })

  it('counts at the instant it is given (a period ending within 3 days of the start)', () => {
    const renewal = compileCampaign(
      campaign({
        id: 'c-renew',
        kind: 'renewal',
        terms: {
          audience: audience({ periodEndsWithinDays: 3 }),
          target: { tierId: null, billingPeriods: [] },
        },
      }),
      rankOf,
    )
    const members = [member(facts({ periodEnd: shanghai('2026-11-20T10:00') }))]
    expect(countAudience(renewal, members, now, bestSaving).eligible).toBe(0)
    expect(countAudience(renewal, members, shanghai('2026-11-18T10:00'), bestSaving).eligible).toBe(
      1,
    )
  })

  it('counts those who redeemed as in the audience when asked (the audience at launch)', () => {
    const taken = facts({
      tierId: gold.id,
      rank: gold.rank,
      redemptions: [{ campaignId: upgrade.id, kind: 'upgrade', at: now }],
    })
    const members = [member(taken), member(facts()), member(facts({ tierId: gold.id, rank: 2 }))]
    expect(countAudience(compiled, members, now, bestSaving).eligible).toBe(1)
    expect(
      countAudience(compiled, members, now, bestSaving, { redeemersInAudience: true }).eligible,
    ).toBe(2)
  })
})

describe('membershipStableUntil', () => {
  const state = {
    tierId: silver.id,
    planVersion: 1,
    billingPeriod: 'monthly' as const,
    periodStart: shanghai('2026-10-20T10:00'),
    periodEnd: shanghai('2026-11-20T10:00'),
    status: 'active' as const,
    autoRenew: true,
    pendingChange: null,
    trial: null,
    eventCount: 1,
  }
  const membership = {
    tierId: silver.id,
    lapsedTierId: null,
    planVersion: 1,
    status: 'active' as const,
    billingPeriod: 'monthly' as const,
    periodStart: state.periodStart,
    periodEnd: state.periodEnd,
    graceEndsAt: null,
    inPaidPeriod: true,
    autoRenew: true,
    pendingChange: null,
    trial: null,
  }

  it('is the next instant the membership changes by itself, or never', () => {
    expect(membershipStableUntil(state, membership, now)).toBe(state.periodEnd.getTime())
    const grace = shanghai('2026-11-27T10:00')
    expect(
      membershipStableUntil(
        state,
        { ...membership, status: 'grace', graceEndsAt: grace },
        shanghai('2026-11-21T10:00'),
      ),
    ).toBe(grace.getTime())
    expect(
      membershipStableUntil(
        { ...state, tierId: null, periodEnd: null },
        { ...membership, periodEnd: null },
        now,
      ),
    ).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('previewInstant', () => {
  it('counts at the start while it is ahead, else now', () => {
    const start = shanghai('2026-11-11T00:00')
    expect(previewInstant(start, now)).toEqual({ at: start, countedAt: 'start' })
    expect(previewInstant(shanghai('2026-10-01T00:00'), now)).toEqual({
      at: now,
      countedAt: 'now',
    })
    expect(previewInstant(now, now)).toEqual({ at: now, countedAt: 'now' })
    expect(previewInstant(new Date(Number.NaN), now)).toEqual({ at: now, countedAt: 'now' })
  })
})

describe('conversion', () => {
  it('is redemptions over the audience at launch, null without one', () => {
    expect(conversion(25, 100)).toBe(0.25)
    expect(conversion(0, 100)).toBe(0)
    expect(conversion(3, null)).toBeNull()
    expect(conversion(3, 0)).toBeNull()
  })
})

describe('redemptionFigures', () => {
  it('sums revenue and discount, and by tier and billing period', () => {
    const figures = redemptionFigures([
      { tierId: gold.id, billingPeriod: 'annual', amountPaid: 49900, discount: 20000 },
      { tierId: gold.id, billingPeriod: 'monthly', amountPaid: 5500, discount: 1400 },
      { tierId: gold.id, billingPeriod: 'annual', amountPaid: 49900, discount: 20000 },
      { tierId: null, billingPeriod: null, amountPaid: 1, discount: 0 },
    ])
    expect(figures).toMatchObject({ redemptions: 4, revenue: 105301, discountGiven: 41400 })
    expect(figures.byTierAndPeriod).toEqual([
      {
        tierId: gold.id,
        billingPeriod: 'annual',
        redemptions: 2,
        revenue: 99800,
        discountGiven: 40000,
      },
      { tierId: null, billingPeriod: null, redemptions: 1, revenue: 1, discountGiven: 0 },
      {
        tierId: gold.id,
        billingPeriod: 'monthly',
        redemptions: 1,
        revenue: 5500,
        discountGiven: 1400,
      },
    ])
  })

  it('is all zeros without redemptions', () => {
    expect(redemptionFigures([])).toEqual({
      redemptions: 0,
      revenue: 0,
      discountGiven: 0,
      byTierAndPeriod: [],
    })
  })
})
