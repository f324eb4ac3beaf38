import { describe, expect, it } from 'vitest'

import { liveEditFindings } from '../../../src/domain/campaigns/rules'
import type { CampaignDefinition, CampaignUsage } from '../../../src/domain/campaigns/types'
import { audience, campaign, free, gold, settings, shanghai, silver } from './fixtures'

const during = shanghai('2026-11-11T12:00')
const previous = campaign()
const usage: CampaignUsage = { redemptions: 400, discountGiven: 8_000_000 }

const edit = (next: CampaignDefinition, options: { at?: Date; before?: CampaignDefinition } = {}) =>
  liveEditFindings({
    previous: options.before ?? previous,
    next,
    usage,
    settings,
    now: options.at ?? during,
  })

const frozen = (field: { zh: string; en: string }, status = { zh: '已上线', en: 'is live' }) => ({
  zh: `「双十一年卡特惠」${status.zh}：会员已按现有条款参与，条款不能再改（${field.zh}已修改）。请结束该活动并新建一个活动。`,
  en: `Double 11 annual deal ${status.en}: its terms cannot change under members (the ${field.en} changed). End it and start a new campaign.`,
})

describe('liveEditFindings: what a live campaign may still change', () => {
  it.each<[string, CampaignDefinition]>([
    ['nothing', campaign()],
    ['the end, moved later', campaign({ schedule: { endsAt: shanghai('2026-11-13T00:00') } })],
    ['a pause', campaign({ schedule: { pausedAt: shanghai('2026-11-11T11:00') } })],
    ['ending it by hand', campaign({ schedule: { endedAt: during } })],
    [
      'the budget, grown',
      campaign({ terms: { budget: { totalRedemptions: 2000, perMember: 2, maxDiscount: null } } }),
    ],
    [
      'the budget, made unlimited',
      campaign({ terms: { budget: { totalRedemptions: null, perMember: 1, maxDiscount: null } } }),
    ],
    [
      'the copy',
      campaign({
        copy: {
          zh: { headline: '最后 12 小时！', body: '', callToAction: '马上升级' },
          en: { headline: 'Last 12 hours!', body: '', callToAction: 'Upgrade now' },
        },
      }),
    ],
    ['the channels', campaign({ channels: ['sms'] })],
    ['its name', campaign({ name: { zh: '双十一黄金年卡', en: 'Double 11 Gold' } })],
  ])('allows %s', (_name, next) => {
    expect(edit(next)).toEqual([])
  })

  it('allows resuming a paused campaign', () => {
    const paused = campaign({ schedule: { pausedAt: shanghai('2026-11-11T11:00') } })
    expect(edit(campaign(), { before: paused })).toEqual([])
  })

  it('allows anything before the start (only the publish guard rails apply)', () => {
    const next = campaign({ terms: { offer: { discount: { kind: 'percent_off', percent: 30 } } } })
    expect(edit(next, { at: shanghai('2026-11-10T12:00') })).toEqual([])
  })

  it('allows anything on a draft', () => {
    const draft = campaign({ published: false })
    expect(edit({ ...draft, kind: 'renewal' }, { before: draft })).toEqual([])
  })
})

describe('liveEditFindings: what a live campaign may not change', () => {
  it.each<[string, CampaignDefinition, string, { zh: string; en: string }]>([
    [
      'the fixed price',
      campaign({ terms: { offer: { discount: { kind: 'fixed_price', price: 39900 } } } }),
      'terms.offer.discount.price',
      { zh: '折扣', en: 'discount' },
    ],
    [
      'the kind of discount (reported once, at the kind)',
      campaign({ terms: { offer: { discount: { kind: 'percent_off', percent: 30 } } } }),
      'terms.offer.discount.kind',
      { zh: '折扣', en: 'discount' },
    ],
    [
      'the bonus days',
      campaign({ terms: { offer: { bonusDays: 30 } } }),
      'terms.offer.bonusDays',
      { zh: '赠送天数', en: 'bonus days' },
    ],
    [
      'a gift',
      campaign({
        terms: { offer: { gifts: [{ benefitKey: 'tutoring', amount: 2, validDays: 30 }] } },
      }),
      'terms.offer.gifts',
      { zh: '赠品', en: 'gifts' },
    ],
    [
      'the audience’s tiers',
      campaign({ terms: { audience: audience({ tierIds: [silver.id] }) } }),
      'terms.audience.tiers',
      { zh: '人群', en: 'audience' },
    ],
    [
      'one of the audience’s tiers',
      campaign({ terms: { audience: audience({ tierIds: [free.id, gold.id] }) } }),
      'terms.audience.tiers.1',
      { zh: '人群', en: 'audience' },
    ],
    [
      'the audience’s growth range',
      campaign({
        terms: {
          audience: audience({
            tierIds: previous.terms.audience.tierIds,
            growthValue: { min: 100, max: null },
          }),
        },
      }),
      'terms.audience.growthValue.min',
      { zh: '人群', en: 'audience' },
    ],
    [
      'the target tier',
      campaign({ terms: { target: { tierId: silver.id, billingPeriods: ['annual'] } } }),
      'terms.target.tier',
      { zh: '目标等级', en: 'target tier' },
    ],
    [
      'a billing period',
      campaign({ terms: { target: { tierId: gold.id, billingPeriods: ['annual', 'monthly'] } } }),
      'terms.target.billingPeriods',
      { zh: '计费周期', en: 'billing periods' },
    ],
    [
      'the priority',
      campaign({ terms: { priority: 5 } }),
      'terms.priority',
      { zh: '优先级', en: 'priority' },
    ],
    [
      'the start',
      campaign({ schedule: { startsAt: shanghai('2026-11-10T00:00') } }),
      'schedule.startsAt',
      { zh: '开始时间', en: 'start' },
    ],
    [
      'the time zone',
      campaign({ schedule: { timeZone: 'UTC' } }),
      'schedule.timeZone',
      { zh: '时区', en: 'time zone' },
    ],
    ['the kind', campaign({ kind: 'winback' }), 'kind', { zh: '活动类型', en: 'kind' }],
    ['the slug', campaign({ slug: 'double-eleven' }), 'slug', { zh: '标识', en: 'slug' }],
    [
      'being published',
      campaign({ published: false }),
      'published',
      { zh: '发布状态', en: 'published state' },
    ],
  ])(
    'refuses a change of %s at its field, saying to end it and start a new one',
    (_name, next, path, field) => {
      expect(edit(next)).toEqual([
        { code: 'campaign-live-terms-frozen', path, message: frozen(field) },
      ])
    },
  )

  it('points at the gift field that changed', () => {
    const gift = { benefitKey: 'tutoring', amount: 2, validDays: 30 }
    const before = campaign({ terms: { offer: { gifts: [gift] } } })
    const paths = (next: typeof gift) =>
      edit(campaign({ terms: { offer: { gifts: [next] } } }), { before }).map((entry) => entry.path)
    expect(paths({ ...gift, amount: 3 })).toEqual(['terms.offer.gifts.0.amount'])
    expect(paths({ ...gift, benefitKey: 'downloads' })).toEqual(['terms.offer.gifts.0.benefit'])
    expect(paths({ ...gift, validDays: 60 })).toEqual(['terms.offer.gifts.0.validDays'])
  })

  it('says a paused campaign is still live for its members', () => {
    const paused = campaign({ schedule: { pausedAt: shanghai('2026-11-11T11:00') } })
    const next = campaign({
      schedule: { pausedAt: shanghai('2026-11-11T11:00') },
      terms: { priority: 1 },
    })
    expect(edit(next, { before: paused })).toEqual([
      {
        code: 'campaign-live-terms-frozen',
        path: 'terms.priority',
        message: frozen(
          { zh: '优先级', en: 'priority' },
          { zh: '已上线（暂停中）', en: 'is live (paused)' },
        ),
      },
    ])
  })

  it('keeps the terms of an ended campaign as they were', () => {
    const next = campaign({ terms: { offer: { bonusDays: 1 } } })
    expect(edit(next, { at: shanghai('2026-11-20T00:00') })).toEqual([
      {
        code: 'campaign-live-terms-frozen',
        path: 'terms.offer.bonusDays',
        message: frozen({ zh: '赠送天数', en: 'bonus days' }, { zh: '已结束', en: 'has ended' }),
      },
    ])
  })

  it('refuses moving the end earlier, and says how to stop it now', () => {
    expect(edit(campaign({ schedule: { endsAt: shanghai('2026-11-11T18:00') } }))).toEqual([
      {
        code: 'campaign-live-edit-invalid',
        path: 'schedule.endsAt',
        message: {
          zh: '「双十一年卡特惠」已上线，结束时间只能推后，不能提前（原为 2026-11-12 00:00 (Asia/Shanghai)，现为 2026-11-11 18:00 (Asia/Shanghai)）。如需现在停止，请使用“结束活动”。',
          en: 'Double 11 annual deal is live, so its end can only move later, not earlier (from 2026-11-12 00:00 (Asia/Shanghai) to 2026-11-11 18:00 (Asia/Shanghai)). To stop it now, end it.',
        },
      },
    ])
  })

  it('refuses moving the end beyond the maximum length', () => {
    const next = campaign({ schedule: { endsAt: shanghai('2027-03-01T00:00') } })
    expect(edit(next).map((entry) => [entry.code, entry.path])).toEqual([
      ['campaign-too-long', 'schedule.endsAt'],
    ])
  })

  it('refuses restarting a campaign ended by hand', () => {
    const ended = campaign({ schedule: { endedAt: shanghai('2026-11-11T08:00') } })
    expect(edit(campaign(), { before: ended })).toEqual([
      {
        code: 'campaign-live-edit-invalid',
        path: 'schedule.endedAt',
        message: {
          zh: '「双十一年卡特惠」已被手动结束，不能重新开始。请新建一个活动。',
          en: 'Double 11 annual deal was ended by hand and cannot restart. Start a new campaign.',
        },
      },
    ])
  })

  it('refuses shrinking the budget', () => {
    const next = campaign({
      terms: { budget: { totalRedemptions: 800, perMember: 1, maxDiscount: 10_000_000 } },
    })
    expect(edit(next)).toEqual([
      {
        code: 'campaign-live-edit-invalid',
        path: 'terms.budget.totalRedemptions',
        message: {
          zh: '「双十一年卡特惠」已上线，预算只能增加：总名额不能从 1000 减为 800。请保留原值或增加；如需停止，请结束该活动。',
          en: 'Double 11 annual deal is live, so its budget can only grow: the total redemptions cannot go from 1000 down to 800. Keep it or raise it; to stop the campaign, end it.',
        },
      },
      {
        code: 'campaign-live-edit-invalid',
        path: 'terms.budget.maxDiscount',
        message: {
          zh: '「双十一年卡特惠」已上线，预算只能增加：优惠总额上限不能从 不限 减为 ¥100,000。请保留原值或增加；如需停止，请结束该活动。',
          en: 'Double 11 annual deal is live, so its budget can only grow: the cap on total discount cannot go from unlimited down to CN¥100,000. Keep it or raise it; to stop the campaign, end it.',
        },
      },
    ])
  })

  it('refuses a budget below what is already used', () => {
    const before = campaign({
      terms: { budget: { totalRedemptions: 300, perMember: 1, maxDiscount: null } },
    })
    const next = campaign({
      terms: { budget: { totalRedemptions: 350, perMember: 1, maxDiscount: null } },
    })
    expect(edit(next, { before })).toEqual([
      {
        code: 'campaign-live-edit-invalid',
        path: 'terms.budget.totalRedemptions',
        message: {
          zh: '「双十一年卡特惠」已用掉 400，总名额不能设为更少的 350。请填写不少于 400 的值。',
          en: 'Double 11 annual deal has already used 400, so the total redemptions cannot be set to the smaller 350. Enter at least 400.',
        },
      },
    ])
  })

  it('reports each changed term once, at its own field', () => {
    const next = campaign({
      kind: 'renewal',
      terms: {
        offer: { discount: { kind: 'fixed_price', price: 29900 }, bonusDays: 7 },
        priority: 3,
      },
    })
    expect(edit(next).map((entry) => entry.path)).toEqual([
      'kind',
      'terms.offer.discount.price',
      'terms.offer.bonusDays',
      'terms.priority',
    ])
  })
})
