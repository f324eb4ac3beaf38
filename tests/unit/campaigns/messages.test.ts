import { describe, expect, it } from 'vitest'

import * as messages from '../../../src/domain/campaigns/messages'
import { campaignFindingCodes, type CampaignFindingCode } from '../../../src/domain/campaigns/types'
import type { Localized } from '../../../src/domain/catalogue/types'

const deal = { zh: '双十一年卡特惠', en: 'Double 11 annual deal' }
const gold = { zh: '黄金会员', en: 'Gold' }
const tutoring = { zh: '1对1辅导', en: '1:1 tutoring' }
const time = '2026-11-11 00:00 (Asia/Shanghai)'

/** One sample per code; a code without a sample does not compile. */
const samples: Record<CampaignFindingCode, () => Localized> = {
  'campaign-schedule-invalid': () =>
    messages.campaignScheduleInvalid({
      campaign: deal,
      problem: 'end-not-after-start',
      start: time,
      end: time,
    }),
  'campaign-time-zone-invalid': () =>
    messages.campaignTimeZoneInvalid({ campaign: deal, timeZone: 'Mars/Olympus' }),
  'campaign-too-long': () =>
    messages.campaignTooLong({ campaign: deal, start: time, end: time, days: 120, maxDays: 90 }),
  'campaign-target-missing': () =>
    messages.campaignTargetMissing({ campaign: deal, kind: 'trial' }),
  'campaign-target-not-own-tier': () =>
    messages.campaignTargetNotOwnTier({ campaign: deal, kind: 'retention', tier: gold }),
  'campaign-target-not-purchasable': () =>
    messages.campaignTargetNotPurchasable({ campaign: deal, tier: gold, reason: 'entry' }),
  'campaign-target-not-above-audience': () =>
    messages.campaignTargetNotAboveAudience({
      campaign: deal,
      kind: 'upgrade',
      tier: gold,
      rank: 2,
      notBelow: [gold],
    }),
  'campaign-billing-period-not-sold': () =>
    messages.campaignBillingPeriodNotSold({ problem: 'not-sold', period: 'quarterly', tier: gold }),
  'campaign-offer-empty': () => messages.campaignOfferEmpty({ campaign: deal }),
  'campaign-discount-invalid': () =>
    messages.campaignDiscountInvalid({ problem: 'percent', entered: Number.NaN, max: 90 }),
  'campaign-offer-not-below-price': () =>
    messages.campaignOfferNotBelowPrice({
      discount: { kind: 'fixed_price', price: 69900 },
      tier: gold,
      period: 'annual',
      sellingPrice: 69900,
      offerPrice: 69900,
      currency: 'CNY',
    }),
  'campaign-days-out-of-range': () =>
    messages.campaignDaysOutOfRange({ field: 'bonusDays', entered: 100, min: 0, max: 92 }),
  'campaign-trial-days-not-trial': () =>
    messages.campaignTrialDaysNotTrial({ campaign: deal, kind: 'renewal', days: 7 }),
  'campaign-gift-invalid': () =>
    messages.campaignGiftInvalid({ row: 1, problem: 'valid-days', benefit: tutoring, entered: 0 }),
  'campaign-budget-invalid': () =>
    messages.campaignBudgetInvalid({ field: 'perMember', entered: 0 }),
  'campaign-priority-invalid': () => messages.campaignPriorityInvalid({ entered: 1.5 }),
  'campaign-audience-invalid': () =>
    messages.campaignAudienceInvalid({ campaign: deal, problem: 'tier-unknown', tierId: 't-x' }),
  'campaign-channels-missing': () => messages.campaignChannelsMissing({ campaign: deal }),
  'campaign-copy-missing': () => messages.campaignCopyMissing({ locale: 'en', field: 'headline' }),
  'campaign-live-terms-frozen': () =>
    messages.campaignLiveTermsFrozen({
      campaign: deal,
      status: 'live',
      field: { zh: '折扣', en: 'discount' },
    }),
  'campaign-live-edit-invalid': () =>
    messages.campaignLiveEditInvalid({ campaign: deal, status: 'paused', problem: 'unended' }),
}

const hasChinese = (text: string) => /\p{Script=Han}/u.test(text)

describe('campaign finding messages', () => {
  it('have one builder per finding code', () => {
    expect(Object.keys(messages.campaignFindingMessages).sort()).toEqual(
      [...campaignFindingCodes].sort(),
    )
  })

  it.each(campaignFindingCodes)('say what is wrong with %s in Chinese and in English', (code) => {
    const message = samples[code]()
    expect(hasChinese(message.zh)).toBe(true)
    expect(hasChinese(message.en)).toBe(false)
    expect(message.zh).toMatch(/。$/)
    expect(message.en).toMatch(/\.$/)
  })

  it('say the frozen-terms rule the way the product issue words it', () => {
    expect(samples['campaign-live-terms-frozen']().en).toBe(
      'Double 11 annual deal is live: its terms cannot change under members (the discount changed). End it and start a new campaign.',
    )
  })

  it('show money as the admin enters it, in each language', () => {
    expect(messages.shownMoney(69900, 'CNY')).toEqual({ zh: '¥699', en: 'CN¥699' })
    expect(messages.shownMoney(55920, 'CNY')).toEqual({ zh: '¥559.20', en: 'CN¥559.20' })
  })

  it('word every reason a target cannot be sold differently', () => {
    const reasons: messages.NotPurchasable[] = [
      'unknown',
      'unpublished',
      'archived',
      'honorary',
      'growth-only',
      'entry',
    ]
    const texts = reasons.map(
      (reason) => messages.campaignTargetNotPurchasable({ campaign: deal, tier: gold, reason }).en,
    )
    expect(new Set(texts).size).toBe(reasons.length)
  })
})
