import { describe, expect, it } from 'vitest'

import { campaignGrants, giftValue } from '../../../src/domain/campaigns/gifts'
import type { BenefitValue } from '../../../src/domain/catalogue/types'
import { answers, community, discount, downloads, tutoring, video } from '../catalogue/fixtures'
import { allBenefits, campaign, shanghai, timeZone } from './fixtures'

describe('giftValue', () => {
  it.each<[string, Parameters<typeof giftValue>[0], number, BenefitValue | null]>([
    ['2 tutoring sessions', tutoring, 2, { kind: 'quota', unlimited: false, amount: 2 }],
    ['0 sessions give nothing', tutoring, 0, null],
    ['31 sessions exceed the benefit’s 30', tutoring, 31, null],
    ['1.5 sessions are not whole', tutoring, 1.5, null],
    ['100 more downloads', downloads, 100, { kind: 'limit', unlimited: false, amount: 100 }],
    ['a 10 % course discount', discount, 10, { kind: 'percentage', percent: 10 }],
    ['60 % is above the benefit’s 50', discount, 60, null],
    ['answers within 2 h', answers, 2, { kind: 'duration', amount: 2 }],
    [
      'the community, switched on whatever the amount',
      community,
      0,
      { kind: 'flag', enabled: true },
    ],
    ['a video level cannot be given by amount', video, 1, null],
  ])('%s', (_name, benefit, amount, expected) => {
    expect(giftValue(benefit, amount)).toEqual(expected)
  })
})

describe('campaignGrants', () => {
  it('delivers each gift as a grant naming the campaign, for its valid calendar days', () => {
    const subject = campaign({
      terms: {
        offer: {
          gifts: [
            { benefitKey: 'tutoring', amount: 2, validDays: 30 },
            { benefitKey: 'community', amount: 1, validDays: 7 },
            { benefitKey: 'gone', amount: 1, validDays: 7 },
          ],
        },
      },
    })
    const at = shanghai('2026-11-11T00:05')
    const grants = campaignGrants({
      campaign: subject,
      benefitsByKey: new Map(allBenefits.map((benefit) => [benefit.key, benefit])),
      at,
      timeZone,
    })
    const reason = '活动赠品「双十一年卡特惠」/ Campaign gift: Double 11 annual deal (double-11)'
    expect(grants).toEqual([
      {
        campaignId: 'c-double-11',
        benefitId: 'b-tutoring',
        value: { kind: 'quota', unlimited: false, amount: 2 },
        startsAt: at,
        endsAt: shanghai('2026-12-11T00:05'),
        reason,
      },
      {
        campaignId: 'c-double-11',
        benefitId: 'b-community',
        value: { kind: 'flag', enabled: true },
        startsAt: at,
        endsAt: shanghai('2026-11-18T00:05'),
        reason,
      },
    ])
  })
})
