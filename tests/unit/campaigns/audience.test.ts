import { describe, expect, it } from 'vitest'

import {
  audienceMatches,
  audienceMisses,
  compileAudience,
  compileCampaign,
  ineligibilityMessages,
  kindMisses,
  memberEligibility,
  type Ineligibility,
} from '../../../src/domain/campaigns/audience'
import type { Audience, AudienceFacts, CampaignKind } from '../../../src/domain/campaigns/types'
import {
  audience,
  campaignOfKind,
  facts,
  free,
  gold,
  lapsedFacts,
  now,
  rankOf,
  shanghai,
  silver,
} from './fixtures'

const days = (count: number) => count * 86_400_000
const ago = (count: number) => new Date(now.getTime() - days(count))
const ahead = (count: number) => new Date(now.getTime() + days(count))

describe('audienceMatches', () => {
  it('matches everyone when no condition is set', () => {
    const compiled = compileAudience(audience(), 'upgrade')
    expect(audienceMatches(compiled, facts(), now)).toBe(true)
    expect(audienceMatches(compiled, lapsedFacts(), now)).toBe(true)
  })

  it.each<[string, Partial<Audience>, AudienceFacts, true | Ineligibility]>([
    ['a tier held', { tierIds: [silver.id] }, facts(), true],
    ['a tier not held', { tierIds: [gold.id] }, facts(), 'tier_not_in_audience'],
    ['the tier a lapsed member held', { tierIds: [gold.id] }, lapsedFacts(), true],
    ['the entry tier a lapsed member is on now', { tierIds: [free.id] }, lapsedFacts(), true],
    ['a status held', { statuses: ['active', 'grace'] }, facts(), true],
    ['a status not held', { statuses: ['lapsed'] }, facts(), 'status_not_in_audience'],
    ['never paid', { statuses: ['never_paid'] }, facts({ status: 'never_paid' }), true],
    [
      'a period ending within 19 days (ends in exactly 19)',
      { periodEndsWithinDays: 19 },
      facts({ periodEnd: ahead(19) }),
      true,
    ],
    [
      'a period ending a minute too late',
      { periodEndsWithinDays: 19 },
      facts({ periodEnd: new Date(ahead(19).getTime() + 60_000) }),
      'period_not_ending_soon',
    ],
    [
      'a period already ended, in grace',
      { periodEndsWithinDays: 7 },
      facts({ status: 'grace', periodEnd: ago(1) }),
      true,
    ],
    [
      'no period at all',
      { periodEndsWithinDays: 30 },
      facts({ periodEnd: null }),
      'period_not_ending_soon',
    ],
    [
      'lapsed 7 days ago, within 7',
      { lapsedWithinDays: 7 },
      lapsedFacts({ lapsedAt: ago(7) }),
      true,
    ],
    [
      'lapsed 8 days ago, not within 7',
      { lapsedWithinDays: 7 },
      lapsedFacts({ lapsedAt: ago(8) }),
      'not_lapsed_recently',
    ],
    ['not lapsed at all', { lapsedWithinDays: 365 }, facts(), 'not_lapsed_recently'],
    ['joined 3 days ago, within 7', { joinedWithinDays: 7 }, facts({ joinedAt: ago(3) }), true],
    [
      'joined long ago',
      { joinedWithinDays: 7 },
      facts({ joinedAt: shanghai('2025-01-01T10:00') }),
      'not_joined_recently',
    ],
    ['a billing period held', { billingPeriods: ['monthly'] }, facts(), true],
    [
      'a billing period not held',
      { billingPeriods: ['annual'] },
      facts(),
      'billing_period_not_in_audience',
    ],
    [
      'no billing period (lapsed)',
      { billingPeriods: ['monthly'] },
      lapsedFacts(),
      'billing_period_not_in_audience',
    ],
    ['growth value at the lower bound', { growthValue: { min: 500, max: 900 } }, facts(), true],
    ['growth value at the upper bound', { growthValue: { min: null, max: 500 } }, facts(), true],
    [
      'growth value below the range',
      { growthValue: { min: 501, max: null } },
      facts(),
      'growth_value_out_of_range',
    ],
    [
      'growth value above the range',
      { growthValue: { min: 0, max: 499 } },
      facts(),
      'growth_value_out_of_range',
    ],
    [
      'a same-kind redemption 10 days ago, excluded within 30',
      { excludeRedeemedSameKindWithinDays: 30 },
      facts({ redemptions: [{ campaignId: 'c-other', kind: 'upgrade', at: ago(10) }] }),
      'redeemed_same_kind_recently',
    ],
    [
      'a same-kind redemption 31 days ago, excluded within 30',
      { excludeRedeemedSameKindWithinDays: 30 },
      facts({ redemptions: [{ campaignId: 'c-other', kind: 'upgrade', at: ago(31) }] }),
      true,
    ],
    [
      'another kind redeemed yesterday',
      { excludeRedeemedSameKindWithinDays: 30 },
      facts({ redemptions: [{ campaignId: 'c-other', kind: 'renewal', at: ago(1) }] }),
      true,
    ],
  ])('%s', (_name, patch, member, expected) => {
    expect(audienceMatches(compileAudience(audience(patch), 'upgrade'), member, now)).toBe(expected)
  })

  it('answers with the first unmet condition, in a fixed order', () => {
    const compiled = compileAudience(
      audience({ tierIds: [gold.id], statuses: ['lapsed'], billingPeriods: ['annual'] }),
      'upgrade',
    )
    expect(audienceMatches(compiled, facts(), now)).toBe('tier_not_in_audience')
    expect(audienceMatches(compiled, facts({ tierId: gold.id }), now)).toBe(
      'status_not_in_audience',
    )
  })

  it('evaluates one compiled audience for many members and instants', () => {
    const compiled = compileAudience(audience({ periodEndsWithinDays: 5 }), 'renewal')
    const member = facts({ periodEnd: shanghai('2026-11-20T10:00') })
    expect(audienceMatches(compiled, member, shanghai('2026-11-14T10:00'))).toBe(
      'period_not_ending_soon',
    )
    expect(audienceMatches(compiled, member, shanghai('2026-11-15T10:00'))).toBe(true)
  })
})

describe('memberEligibility', () => {
  const eligibility = (kind: CampaignKind, member: AudienceFacts, patch = {}) =>
    memberEligibility(compileCampaign(campaignOfKind(kind, patch), rankOf), member, now)

  it.each<[string, CampaignKind, AudienceFacts, true | Ineligibility]>([
    ['upgrade: a silver member to gold', 'upgrade', facts(), true],
    [
      'upgrade: a gold member is not below gold',
      'upgrade',
      facts({ tierId: gold.id, rank: 2 }),
      'rank_not_below_target',
    ],
    ['trial: a free member tries gold', 'trial', facts({ tierId: free.id, rank: 0 }), true],
    ['trial: never twice', 'trial', facts({ trialUsed: true }), 'trial_already_used'],
    [
      'trial: a gold member is not below gold',
      'trial',
      facts({ tierId: gold.id, rank: 2 }),
      'rank_not_below_target',
    ],
    ['renewal: a member in their paid period', 'renewal', facts(), true],
    ['renewal: a member in grace', 'renewal', facts({ status: 'grace' }), true],
    ['renewal: nothing to renew for a lapsed member', 'renewal', lapsedFacts(), 'no_paid_period'],
    [
      'retention: nothing to keep for a member on a granted tier',
      'retention',
      facts({ holdsPaidPeriod: false, billingPeriod: null }),
      'no_paid_period',
    ],
    ['winback: a lapsed member', 'winback', lapsedFacts(), true],
    ['winback: not an active member', 'winback', facts(), 'not_lapsed'],
    [
      'winback: not a member who never paid',
      'winback',
      facts({ status: 'never_paid' }),
      'not_lapsed',
    ],
    [
      'referral: not a member nobody referred',
      'referral',
      facts({ status: 'never_paid' }),
      'not_referred_new_member',
    ],
    [
      "referral: a referred new member, whatever the audience (it is the referrer's)",
      'referral',
      lapsedFacts({ referredNewMember: true }),
      true,
    ],
  ])('%s', (_name, kind, member, expected) => {
    expect(eligibility(kind, member)).toBe(expected)
  })

  it('refuses an upgrade whose target tier is unknown', () => {
    const compiled = compileCampaign(
      campaignOfKind('upgrade', { terms: { target: { tierId: 't-gone', billingPeriods: [] } } }),
      rankOf,
    )
    expect(compiled.targetRank).toBeNull()
    expect(memberEligibility(compiled, facts(), now)).toBe('rank_not_below_target')
  })

  it('stops a member at the per-member limit, counting only this campaign', () => {
    const kind: CampaignKind = 'renewal'
    const own = { campaignId: 'c-renewal', kind, at: ago(100) }
    const other = { campaignId: 'c-other', kind, at: ago(100) }
    const limitTwo = {
      terms: { budget: { totalRedemptions: null, perMember: 2, maxDiscount: null } },
    }
    expect(eligibility(kind, facts({ redemptions: [own] }))).toBe('member_limit_reached')
    expect(eligibility(kind, facts({ redemptions: [other] }))).toBe(true)
    expect(eligibility(kind, facts({ redemptions: [own] }), limitTwo)).toBe(true)
    expect(eligibility(kind, facts({ redemptions: [own, own] }), limitTwo)).toBe(
      'member_limit_reached',
    )
  })

  it('checks the kind before the audience', () => {
    const patch = { terms: { audience: audience({ tierIds: [gold.id] }) } }
    expect(eligibility('winback', facts(), patch)).toBe('not_lapsed')
    expect(eligibility('winback', lapsedFacts({ lapsedTierId: silver.id }), patch)).toBe(
      'tier_not_in_audience',
    )
  })

  it('applies the same-kind exclusion to this campaign’s own earlier redemptions too', () => {
    const patch = {
      terms: {
        audience: audience({ excludeRedeemedSameKindWithinDays: 30 }),
        budget: { totalRedemptions: null, perMember: 5, maxDiscount: null },
      },
    }
    const member = facts({
      redemptions: [{ campaignId: 'c-renewal', kind: 'renewal', at: ago(2) }],
    })
    expect(eligibility('renewal', member, patch)).toBe('redeemed_same_kind_recently')
  })
})

describe('ineligibilityMessages', () => {
  it('explain every reason in Chinese and English', () => {
    const reasons = [...audienceMisses, ...kindMisses]
    expect(Object.keys(ineligibilityMessages).sort()).toEqual([...reasons].sort())
    for (const reason of reasons) {
      expect(ineligibilityMessages[reason].zh).toMatch(/\p{Script=Han}.*。$/u)
      expect(ineligibilityMessages[reason].en).toMatch(/^[^\p{Script=Han}]+\.$/u)
    }
  })
})
