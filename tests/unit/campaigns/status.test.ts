import { describe, expect, it } from 'vitest'

import {
  acceptsRedemptions,
  budgetAllows,
  budgetExhausted,
  campaignStatus,
  termsFrozen,
} from '../../../src/domain/campaigns/status'
import {
  campaignStatuses,
  noUsage,
  type CampaignStatus,
  type CampaignUsage,
} from '../../../src/domain/campaigns/types'
import { campaign, shanghai } from './fixtures'

// The fixture runs 2026-11-11 00:00 to 2026-11-12 00:00 Shanghai, budget 1000 redemptions.
const before = shanghai('2026-11-10T23:59')
const start = shanghai('2026-11-11T00:00')
const during = shanghai('2026-11-11T12:00')
const end = shanghai('2026-11-12T00:00')
const used = (redemptions: number, discountGiven = 0): CampaignUsage => ({
  redemptions,
  discountGiven,
})

describe('campaignStatus', () => {
  it.each<[string, Parameters<typeof campaign>[0], Date, CampaignUsage, CampaignStatus]>([
    [
      'is a draft while unpublished, even during its window',
      { published: false },
      during,
      noUsage,
      'draft',
    ],
    ['is scheduled before the start', {}, before, noUsage, 'scheduled'],
    ['is live from the start instant (inclusive)', {}, start, noUsage, 'live'],
    ['is live during its window', {}, during, noUsage, 'live'],
    ['has ended at the end instant (exclusive)', {}, end, noUsage, 'ended'],
    [
      'has ended once ended by hand',
      { schedule: { endedAt: shanghai('2026-11-11T08:00') } },
      during,
      noUsage,
      'ended',
    ],
    [
      'is still live before a recorded hand end comes',
      { schedule: { endedAt: shanghai('2026-11-11T18:00') } },
      during,
      noUsage,
      'live',
    ],
    ['is exhausted when every redemption is taken', {}, during, used(1000), 'exhausted'],
    [
      'is exhausted when the discount cap is reached',
      { terms: { budget: { totalRedemptions: null, perMember: 1, maxDiscount: 100_000 } } },
      during,
      used(5, 100_000),
      'exhausted',
    ],
    ['is live one redemption short of the budget', {}, during, used(999), 'live'],
    [
      'is paused while paused',
      { schedule: { pausedAt: shanghai('2026-11-11T06:00') } },
      during,
      noUsage,
      'paused',
    ],
    [
      'shows paused rather than scheduled when paused before the start',
      { schedule: { pausedAt: shanghai('2026-11-10T12:00') } },
      before,
      noUsage,
      'paused',
    ],
    [
      'shows draft before anything else',
      { published: false, schedule: { endedAt: start, pausedAt: start } },
      during,
      used(1000),
      'draft',
    ],
    [
      'shows ended before exhausted and paused',
      { schedule: { pausedAt: start } },
      end,
      used(1000),
      'ended',
    ],
    [
      'shows exhausted before paused',
      { schedule: { pausedAt: start } },
      during,
      used(1000),
      'exhausted',
    ],
    [
      'reopens when the budget grows past what is used',
      { terms: { budget: { totalRedemptions: 2000, perMember: 1, maxDiscount: null } } },
      during,
      used(1000),
      'live',
    ],
  ])('%s', (_name, patch, at, usage, expected) => {
    expect(campaignStatus(campaign(patch), at, usage)).toBe(expected)
  })

  it('gives the offer only while live', () => {
    expect(campaignStatuses.filter(acceptsRedemptions)).toEqual(['live'])
  })
})

describe('the budget', () => {
  const budget = { totalRedemptions: 10, perMember: 1, maxDiscount: 50_000 }

  it('is exhausted by redemptions or by the discount cap, whichever comes first', () => {
    expect(budgetExhausted(budget, used(9, 49_999))).toBe(false)
    expect(budgetExhausted(budget, used(10, 0))).toBe(true)
    expect(budgetExhausted(budget, used(0, 50_000))).toBe(true)
    expect(
      budgetExhausted({ ...budget, totalRedemptions: null, maxDiscount: null }, used(1e6, 1e9)),
    ).toBe(false)
  })

  it('allows a redemption whose saving fits what is left of the cap, never a part of one', () => {
    expect(budgetAllows(budget, used(9, 30_000), 20_000)).toBe(true)
    expect(budgetAllows(budget, used(9, 30_001), 20_000)).toBe(false)
    expect(budgetAllows(budget, used(10, 0), 0)).toBe(false)
    expect(budgetAllows({ ...budget, maxDiscount: null }, used(0, 1e9), 1e9)).toBe(true)
  })
})

describe('termsFrozen', () => {
  it('freezes terms from the start of a published campaign, not before and not for a draft', () => {
    expect(termsFrozen(campaign(), before)).toBe(false)
    expect(termsFrozen(campaign(), start)).toBe(true)
    expect(termsFrozen(campaign(), shanghai('2026-12-01T00:00'))).toBe(true)
    expect(termsFrozen(campaign({ published: false }), during)).toBe(false)
  })
})
