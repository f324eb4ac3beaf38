import { describe, expect, it } from 'vitest'

import {
  audienceFactsOf,
  type AudienceFactsExtra,
  type CampaignRedemption,
} from '../../../src/domain/campaigns/types'
import { expiredAt, initialMembership } from '../../../src/domain/entitlements/membership'
import {
  event,
  now as membershipNow,
  purchase,
  replay,
  settings as engineSettings,
  shanghai,
  silverV1,
} from '../entitlements/fixtures'

const extra: AudienceFactsExtra = {
  entryTierId: 't-free',
  rankOf: new Map([
    ['t-free', 0],
    ['t-silver', 1],
    ['t-gold', 2],
    ['t-honorary', 100],
  ]),
  joinedAt: shanghai('2025-03-01T09:00'),
  growthValue: 320,
  redemptions: [],
}

const at = shanghai('2026-11-01T10:00')

describe('audienceFactsOf', () => {
  it('reads a member who never bought a tier as never paid, on the entry tier', () => {
    const facts = audienceFactsOf(membershipNow(initialMembership, at), extra)
    expect(facts).toEqual({
      tierId: 't-free',
      lapsedTierId: null,
      rank: 0,
      status: 'never_paid',
      holdsPaidPeriod: false,
      periodEnd: null,
      lapsedAt: null,
      joinedAt: shanghai('2025-03-01T09:00'),
      billingPeriod: null,
      growthValue: 320,
      redemptions: [],
      trialUsed: false,
    })
  })

  it('reads a silver monthly member in their period as active, holding a paid period', () => {
    const state = replay(purchase(silverV1, shanghai('2026-10-15T10:00')))
    const facts = audienceFactsOf(membershipNow(state, at), extra)
    expect(facts).toMatchObject({
      tierId: 't-silver',
      rank: 1,
      status: 'active',
      holdsPaidPeriod: true,
      periodEnd: shanghai('2026-11-15T10:00'),
      billingPeriod: 'monthly',
      lapsedAt: null,
    })
  })

  it('reads an auto-renewing member past their period end, within grace, as in grace', () => {
    const state = replay(purchase(silverV1, shanghai('2026-10-01T10:00'), { autoRenew: true }))
    const facts = audienceFactsOf(membershipNow(state, shanghai('2026-11-02T10:00')), extra)
    expect(facts).toMatchObject({
      tierId: 't-silver',
      status: 'grace',
      holdsPaidPeriod: true,
      periodEnd: shanghai('2026-11-01T10:00'),
    })
  })

  it('reads an expired member as lapsed from their tier, lapsed at the period end', () => {
    const state = replay(purchase(silverV1, shanghai('2026-09-01T10:00'), { autoRenew: false }))
    const facts = audienceFactsOf(membershipNow(state, at), extra)
    expect(facts).toMatchObject({
      tierId: 't-free',
      lapsedTierId: 't-silver',
      rank: 0,
      status: 'lapsed',
      holdsPaidPeriod: false,
      periodEnd: null,
      billingPeriod: null,
      lapsedAt: shanghai('2026-10-01T10:00'),
    })
  })

  it('takes the exact moment a membership ran out when the caller knows it (end of grace)', () => {
    const state = replay(purchase(silverV1, shanghai('2026-09-01T10:00'), { autoRenew: true }))
    const ranOut = expiredAt(state, at, engineSettings)
    expect(ranOut).toEqual(shanghai('2026-10-04T10:00'))
    const facts = audienceFactsOf(membershipNow(state, at), { ...extra, lapsedAt: ranOut })
    expect(facts.lapsedAt).toEqual(shanghai('2026-10-04T10:00'))
  })

  it('reads a member who cancelled at once as lapsed at the cancellation', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-10-10T10:00')),
      event('cancellation', shanghai('2026-10-20T10:00'), { immediate: true }),
    )
    const facts = audienceFactsOf(membershipNow(state, at), extra)
    expect(facts).toMatchObject({
      status: 'lapsed',
      lapsedTierId: 't-silver',
      lapsedAt: shanghai('2026-10-20T10:00'),
    })
  })

  it('does not count a granted tier as a paid period a renewal could renew', () => {
    const state = replay(
      event('grant', shanghai('2026-10-20T10:00'), { tierId: 't-honorary', days: 30 }),
    )
    const facts = audienceFactsOf(membershipNow(state, at), extra)
    expect(facts).toMatchObject({
      tierId: 't-honorary',
      rank: 100,
      status: 'active',
      holdsPaidPeriod: false,
      periodEnd: shanghai('2026-11-19T10:00'),
      billingPeriod: null,
    })
  })

  it('knows a trial was used from a trial redemption, unless told otherwise', () => {
    const redemptions: CampaignRedemption[] = [
      { campaignId: 'c-1', kind: 'renewal', at: shanghai('2026-01-01T10:00') },
      { campaignId: 'c-2', kind: 'trial', at: shanghai('2026-02-01T10:00') },
    ]
    const membership = membershipNow(initialMembership, at)
    expect(audienceFactsOf(membership, { ...extra, redemptions }).trialUsed).toBe(true)
    expect(
      audienceFactsOf(membership, { ...extra, redemptions: redemptions.slice(0, 1) }).trialUsed,
    ).toBe(false)
    expect(audienceFactsOf(membership, { ...extra, trialUsed: true }).trialUsed).toBe(true)
  })
})
