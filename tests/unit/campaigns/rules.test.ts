import { describe, expect, it } from 'vitest'

import {
  campaignFindings,
  notPurchasable,
  type CampaignTier,
} from '../../../src/domain/campaigns/rules'
import { instantOf } from '../../../src/domain/campaigns/schedule'
import {
  campaignKinds,
  type CampaignDefinition,
  type CampaignFinding,
} from '../../../src/domain/campaigns/types'
import {
  allBenefits,
  audience,
  campaign,
  campaignOfKind,
  free,
  gold,
  honorary,
  legacy,
  now,
  platinum,
  settings,
  shanghai,
  silver,
  star,
  tiers,
} from './fixtures'

const findingsOf = (subject: CampaignDefinition, tierList: readonly CampaignTier[] = tiers) =>
  campaignFindings({ campaign: subject, tiers: tierList, benefits: allBenefits, settings, now })

const finding = (code: CampaignFinding['code'], path: string, zh: string, en: string) => ({
  code,
  path,
  message: { zh, en },
})

describe('campaignFindings: campaigns that keep every guard rail', () => {
  it('finds nothing wrong with the 双十一 upgrade', () => {
    expect(findingsOf(campaign())).toEqual([])
  })

  it.each(campaignKinds)('finds nothing wrong with a plain %s campaign', (kind) => {
    expect(findingsOf(campaignOfKind(kind))).toEqual([])
  })

  it('accepts a campaign of exactly the maximum length across a US DST change (Mar 14, 2027)', () => {
    const startsAt = instantOf('2027-03-01T00:00', 'America/New_York')!
    const endsAt = instantOf('2027-05-30T00:00', 'America/New_York')!
    const subject = campaign({
      schedule: { startsAt, endsAt, timeZone: 'America/New_York' },
    })
    expect(findingsOf(subject)).toEqual([])
    const longer = campaign({
      schedule: {
        startsAt,
        endsAt: new Date(endsAt.getTime() + 60_000),
        timeZone: 'America/New_York',
      },
    })
    expect(findingsOf(longer).map((entry) => entry.code)).toEqual(['campaign-too-long'])
  })
})

describe('campaignFindings: every guard rail, in Chinese and English', () => {
  it.each<[string, CampaignDefinition, ReturnType<typeof finding>[]]>([
    [
      'it ends after it starts',
      campaign({ schedule: { endsAt: shanghai('2026-11-10T00:00') } }),
      [
        finding(
          'campaign-schedule-invalid',
          'schedule.endsAt',
          '「双十一年卡特惠」的结束时间 2026-11-10 00:00 (Asia/Shanghai) 不晚于开始时间 2026-11-11 00:00 (Asia/Shanghai)。请把结束时间设在开始时间之后。',
          'Double 11 annual deal ends at 2026-11-10 00:00 (Asia/Shanghai), which is not after its start at 2026-11-11 00:00 (Asia/Shanghai). Set the end after the start.',
        ),
      ],
    ],
    [
      'it has a start and an end',
      campaign({ schedule: { startsAt: new Date(Number.NaN), endsAt: new Date(Number.NaN) } }),
      [
        finding(
          'campaign-schedule-invalid',
          'schedule.startsAt',
          '「双十一年卡特惠」还没有开始时间。请填写开始时间（按活动时区）。',
          "Double 11 annual deal has no start. Enter the start, in the campaign's time zone.",
        ),
        finding(
          'campaign-schedule-invalid',
          'schedule.endsAt',
          '「双十一年卡特惠」还没有结束时间。请填写结束时间（按活动时区）。',
          "Double 11 annual deal has no end. Enter the end, in the campaign's time zone.",
        ),
      ],
    ],
    [
      'it has not ended already',
      campaign({
        schedule: { startsAt: shanghai('2026-10-01T00:00'), endsAt: shanghai('2026-10-31T00:00') },
      }),
      [
        finding(
          'campaign-schedule-invalid',
          'schedule.endsAt',
          '「双十一年卡特惠」的结束时间 2026-10-31 00:00 (Asia/Shanghai) 已经过去（现在是 2026-11-01 10:00 (Asia/Shanghai)），发布后不会有人看到。请把结束时间设在将来。',
          'Double 11 annual deal ends at 2026-10-31 00:00 (Asia/Shanghai), which has passed (it is now 2026-11-01 10:00 (Asia/Shanghai)), so nobody would see it. Set the end in the future.',
        ),
      ],
    ],
    [
      'it lasts at most the configured maximum',
      campaign({ schedule: { endsAt: shanghai('2027-03-01T00:00') } }),
      [
        finding(
          'campaign-too-long',
          'schedule.endsAt',
          '「双十一年卡特惠」从 2026-11-11 00:00 (Asia/Shanghai) 到 2027-03-01 00:00 (Asia/Shanghai) 持续 110 天，超过会员设置中的上限 90 天。请提前结束时间，或分成几个活动。',
          'Double 11 annual deal runs 110 days, from 2026-11-11 00:00 (Asia/Shanghai) to 2027-03-01 00:00 (Asia/Shanghai), longer than the 90 days membership settings allow. Move the end earlier, or split it into several campaigns.',
        ),
      ],
    ],
    [
      'its time zone is an IANA zone',
      campaign({ schedule: { timeZone: 'Mars/Olympus' } }),
      [
        finding(
          'campaign-time-zone-invalid',
          'schedule.timeZone',
          '「双十一年卡特惠」的时区 “Mars/Olympus” 不是有效的 IANA 时区。请填写如 Asia/Shanghai 的时区，或留空使用平台时区。',
          'The time zone "Mars/Olympus" of Double 11 annual deal is not an IANA time zone. Enter one such as Asia/Shanghai, or leave it empty for the platform\'s.',
        ),
      ],
    ],
    [
      'a win-back names its target tier',
      campaignOfKind('winback', { terms: { target: { tierId: null, billingPeriods: [] } } }),
      [
        finding(
          'campaign-target-missing',
          'terms.target.tier',
          '召回活动「双十一年卡特惠」需要目标等级。请选择要销售的等级。',
          'The win-back campaign Double 11 annual deal needs a target tier. Choose the tier it sells.',
        ),
      ],
    ],
    [
      'a renewal applies to the member’s own tier',
      campaignOfKind('renewal', { terms: { target: { tierId: gold.id, billingPeriods: [] } } }),
      [
        finding(
          'campaign-target-not-own-tier',
          'terms.target.tier',
          '续费活动「双十一年卡特惠」作用于会员自己的等级，不能指定目标等级（现为 黄金会员）。请清空目标等级，用人群选择面向哪些等级。',
          "The renewal campaign Double 11 annual deal applies to the member's own tier, so it takes no target tier (now Gold). Clear the target tier and choose tiers in the audience instead.",
        ),
      ],
    ],
    [
      'the target is published',
      campaign({ terms: { target: { tierId: platinum.id, billingPeriods: ['annual'] } } }),
      [
        finding(
          'campaign-target-not-purchasable',
          'terms.target.tier',
          '「双十一年卡特惠」的目标等级 铂金会员 尚未发布，不能购买。请选择一个已发布、未归档、可购买的付费等级。',
          'The target tier Platinum of Double 11 annual deal is not published, so it cannot be bought. Choose a published, non-archived paid tier that is for sale.',
        ),
      ],
    ],
    [
      'the target is not archived',
      campaign({ terms: { target: { tierId: legacy.id, billingPeriods: ['annual'] } } }),
      [
        finding(
          'campaign-target-not-purchasable',
          'terms.target.tier',
          '「双十一年卡特惠」的目标等级 老版黄金 已归档，不能购买。请选择一个已发布、未归档、可购买的付费等级。',
          'The target tier Legacy gold of Double 11 annual deal is archived, so it cannot be bought. Choose a published, non-archived paid tier that is for sale.',
        ),
      ],
    ],
    [
      'the target is not honorary',
      campaign({ terms: { target: { tierId: honorary.id, billingPeriods: [] } } }),
      [
        finding(
          'campaign-target-not-purchasable',
          'terms.target.tier',
          '「双十一年卡特惠」的目标等级 荣誉会员 是荣誉等级，只能授予，不能购买。请选择一个已发布、未归档、可购买的付费等级。',
          'The target tier Honorary of Double 11 annual deal is an honorary tier, granted, never sold, so it cannot be bought. Choose a published, non-archived paid tier that is for sale.',
        ),
      ],
    ],
    [
      'the target is not growth-only',
      campaign({ terms: { target: { tierId: star.id, billingPeriods: [] } } }),
      [
        finding(
          'campaign-target-not-purchasable',
          'terms.target.tier',
          '「双十一年卡特惠」的目标等级 成长之星 是成长值等级，没有价格，只能靠成长值达到，不能购买。请选择一个已发布、未归档、可购买的付费等级。',
          'The target tier Rising star of Double 11 annual deal is a growth tier without prices, reached by growth value only, so it cannot be bought. Choose a published, non-archived paid tier that is for sale.',
        ),
      ],
    ],
    [
      'an upgrade targets a tier above every audience tier',
      campaign({ terms: { audience: audience({ tierIds: [silver.id, gold.id, platinum.id] }) } }),
      [
        finding(
          'campaign-target-not-above-audience',
          'terms.target.tier',
          '升级活动「双十一年卡特惠」的目标等级 黄金会员（序号 2）不高于人群中的 黄金会员、铂金会员。目标等级必须高于人群中的每个等级：请选择更高的目标等级，或从人群中移除 黄金会员、铂金会员。',
          'The target tier Gold (rank 2) of the upgrade campaign Double 11 annual deal is not above Gold, Platinum in its audience. The target must rank above every audience tier: choose a higher target, or remove Gold, Platinum from the audience.',
        ),
      ],
    ],
    [
      'a trial targets a tier above every audience tier',
      campaignOfKind('trial', { terms: { audience: audience({ tierIds: [gold.id] }) } }),
      [
        finding(
          'campaign-target-not-above-audience',
          'terms.target.tier',
          '试用活动「双十一年卡特惠」的目标等级 黄金会员（序号 2）不高于人群中的 黄金会员。目标等级必须高于人群中的每个等级：请选择更高的目标等级，或从人群中移除 黄金会员。',
          'The target tier Gold (rank 2) of the trial campaign Double 11 annual deal is not above Gold in its audience. The target must rank above every audience tier: choose a higher target, or remove Gold from the audience.',
        ),
      ],
    ],
    [
      'the target sells each billing period listed, once',
      campaign({
        terms: {
          audience: audience({ tierIds: [free.id] }),
          target: { tierId: silver.id, billingPeriods: ['annual', 'quarterly', 'annual'] },
          offer: { discount: { kind: 'fixed_price', price: 29900 } },
        },
      }),
      [
        finding(
          'campaign-billing-period-not-sold',
          'terms.target.billingPeriods.1',
          '目标等级 白银会员 没有季付价格，活动无法提供季付优惠。请移除季付，或先为 白银会员 设置季付价格。',
          'The target tier Silver has no quarterly price, so the campaign cannot offer quarterly. Remove quarterly, or give Silver a quarterly price first.',
        ),
        finding(
          'campaign-billing-period-not-sold',
          'terms.target.billingPeriods.2',
          '计费周期年付重复出现。请删除重复的一项。',
          'The billing period annual is listed twice. Remove the repeat.',
        ),
      ],
    ],
    [
      'some audience tier sells each billing period of a renewal',
      campaignOfKind('renewal', {
        terms: {
          audience: audience({ tierIds: [silver.id] }),
          target: { tierId: null, billingPeriods: ['quarterly'] },
        },
      }),
      [
        finding(
          'campaign-billing-period-not-sold',
          'terms.target.billingPeriods.0',
          '人群中没有任何等级提供季付价格，这个计费周期不会有人用到。请移除季付，或调整人群中的等级。',
          "No tier in the audience sells quarterly, so nobody could use it. Remove quarterly, or change the audience's tiers.",
        ),
      ],
    ],
    [
      'the fixed price is below the target’s selling price for the period',
      campaign({ terms: { offer: { discount: { kind: 'fixed_price', price: 69900 } } } }),
      [
        finding(
          'campaign-offer-not-below-price',
          'terms.offer.discount.price',
          '一口价 ¥699 不低于 黄金会员 的年付售价 ¥699。活动价必须低于售价：请降低一口价。',
          "The fixed price CN¥699 is not below Gold's annual selling price CN¥699. An offer must cost less than the selling price: lower the fixed price.",
        ),
      ],
    ],
    [
      'the amount off leaves a price of at least 0',
      campaign({ terms: { offer: { discount: { kind: 'amount_off', amount: 80000 } } } }),
      [
        finding(
          'campaign-offer-not-below-price',
          'terms.offer.discount.amount',
          '立减 ¥800 超过 黄金会员 的年付售价 ¥699，活动价会低于 0。请把立减金额降到 ¥699 以内。',
          "CN¥800 off is more than Gold's annual selling price CN¥699, so the price would fall below 0. Take at most CN¥699 off.",
        ),
      ],
    ],
    [
      'a renewal’s price is below every audience tier’s price for the period',
      campaignOfKind('renewal', {
        terms: {
          audience: audience({ tierIds: [silver.id, gold.id] }),
          offer: { discount: { kind: 'fixed_price', price: 5000 } },
        },
      }),
      [
        finding(
          'campaign-offer-not-below-price',
          'terms.offer.discount.price',
          '一口价 ¥50 不低于 白银会员 的月付售价 ¥39。活动价必须低于售价：请降低一口价。',
          "The fixed price CN¥50 is not below Silver's monthly selling price CN¥39. An offer must cost less than the selling price: lower the fixed price.",
        ),
      ],
    ],
    [
      'a renewal for any tier is checked against every purchasable tier (not archived ones)',
      campaignOfKind('renewal', {
        terms: {
          target: { tierId: null, billingPeriods: ['annual'] },
          offer: { discount: { kind: 'fixed_price', price: 60000 } },
        },
      }),
      [
        finding(
          'campaign-offer-not-below-price',
          'terms.offer.discount.price',
          '一口价 ¥600 不低于 白银会员 的年付售价 ¥399。活动价必须低于售价：请降低一口价。',
          "The fixed price CN¥600 is not below Silver's annual selling price CN¥399. An offer must cost less than the selling price: lower the fixed price.",
        ),
      ],
    ],
    [
      'the percent off is within the configured bounds',
      campaign({ terms: { offer: { discount: { kind: 'percent_off', percent: 95 } } } }),
      [
        finding(
          'campaign-discount-invalid',
          'terms.offer.discount.percent',
          '折扣比例（95）无效。请填写 1 到 90 之间的整数（上限见会员设置）。',
          'The percent off (95) is invalid. Enter a whole number from 1 to 90 (the bound is in membership settings).',
        ),
      ],
    ],
    [
      'the amount off is above 0',
      campaign({ terms: { offer: { discount: { kind: 'amount_off', amount: 0 } } } }),
      [
        finding(
          'campaign-discount-invalid',
          'terms.offer.discount.amount',
          '立减金额（0 元）无效。请填写大于 0 的金额（元），最多两位小数。',
          'The amount off (0 yuan) is invalid. Enter an amount in yuan above 0, with at most two decimals.',
        ),
      ],
    ],
    [
      'the fixed price is at least 0',
      campaign({ terms: { offer: { discount: { kind: 'fixed_price', price: -1 } } } }),
      [
        finding(
          'campaign-discount-invalid',
          'terms.offer.discount.price',
          '一口价（-0.01 元）无效。请填写不小于 0 的金额（元），最多两位小数。',
          'The fixed price (-0.01 yuan) is invalid. Enter an amount in yuan of at least 0, with at most two decimals.',
        ),
      ],
    ],
    [
      'the offer gives something',
      campaign({ terms: { offer: { discount: { kind: 'none' } } } }),
      [
        finding(
          'campaign-offer-empty',
          'terms.offer.discount',
          '「双十一年卡特惠」没有给会员任何优惠。请设置折扣、赠送天数、试用天数或赠品中的至少一项。',
          'Double 11 annual deal gives members nothing. Set a discount, bonus days, trial days or a gift.',
        ),
      ],
    ],
    [
      'bonus days are within bounds, and trial days belong to trials',
      campaign({ terms: { offer: { trialDays: 7, bonusDays: 400 } } }),
      [
        finding(
          'campaign-days-out-of-range',
          'terms.offer.bonusDays',
          '赠送天数（400）超出允许范围。请填写介于 0 到 92 之间的整数（上限见会员设置）。',
          'The bonus days (400) are out of range. Enter a whole number from 0 to 92 (the bound is in membership settings).',
        ),
        finding(
          'campaign-trial-days-not-trial',
          'terms.offer.trialDays',
          '升级活动「双十一年卡特惠」填写了 7 天试用，只有试用活动才能提供试用。请把试用天数改为 0，或把活动类型改为试用。',
          'The upgrade campaign Double 11 annual deal offers 7 trial days; only trial campaigns give trials. Set the trial days to 0, or make it a trial campaign.',
        ),
      ],
    ],
    [
      'a trial has trial days',
      campaignOfKind('trial', { terms: { offer: { trialDays: 0 } } }),
      [
        finding(
          'campaign-days-out-of-range',
          'terms.offer.trialDays',
          '试用天数（0）超出允许范围。请填写介于 1 到 30 之间的整数（上限见会员设置）。',
          'The trial days (0) are out of range. Enter a whole number from 1 to 30 (the bound is in membership settings).',
        ),
      ],
    ],
    [
      'a trial has at most the configured trial days',
      campaignOfKind('trial', { terms: { offer: { trialDays: 31 } } }),
      [
        finding(
          'campaign-days-out-of-range',
          'terms.offer.trialDays',
          '试用天数（31）超出允许范围。请填写介于 1 到 30 之间的整数（上限见会员设置）。',
          'The trial days (31) are out of range. Enter a whole number from 1 to 30 (the bound is in membership settings).',
        ),
      ],
    ],
    [
      'gifts name benefits, once each, with an amount that gives something, for whole days',
      campaign({
        terms: {
          offer: {
            gifts: [
              { benefitKey: 'nope', amount: 1, validDays: 30 },
              { benefitKey: 'tutoring', amount: 0, validDays: 0 },
              { benefitKey: 'tutoring', amount: 2, validDays: 30 },
              { benefitKey: 'video', amount: 1, validDays: 30 },
            ],
          },
        },
      }),
      [
        finding(
          'campaign-gift-invalid',
          'terms.offer.gifts.0.benefit',
          '第 1 个赠品的权益 “nope” 不存在或已归档。请选择一个现有的权益。',
          'Gift 1 names the benefit "nope", which does not exist or is archived. Choose an existing benefit.',
        ),
        finding(
          'campaign-gift-invalid',
          'terms.offer.gifts.1.amount',
          '第 2 个赠品「1对1辅导」的数量 0 无效或没有赠送任何东西。请填写大于 0 且不超过 30 的整数。',
          'Gift 2, "1:1 tutoring", has the amount 0, which is invalid or gives nothing. Enter a whole number above 0 and at most 30.',
        ),
        finding(
          'campaign-gift-invalid',
          'terms.offer.gifts.1.validDays',
          '第 2 个赠品「1对1辅导」的有效天数 0 无效。请填写不小于 1 的整数。',
          'Gift 2, "1:1 tutoring", is valid for 0 days, which is invalid. Enter a whole number of at least 1.',
        ),
        finding(
          'campaign-gift-invalid',
          'terms.offer.gifts.2.benefit',
          '第 3 个赠品「1对1辅导」与第 2 个重复。请合并为一个赠品。',
          'Gift 3, "1:1 tutoring", repeats gift 2. Merge them into one gift.',
        ),
        finding(
          'campaign-gift-invalid',
          'terms.offer.gifts.3.benefit',
          '第 4 个赠品「视频清晰度」按等级取值，不能按数量赠送。请选择一个有/无或按数量计的权益。',
          'Gift 4, "Video quality", takes a level, not an amount, so it cannot be given as a gift. Choose an on/off or counted benefit.',
        ),
      ],
    ],
    [
      'the budget and priority are whole numbers',
      campaign({
        terms: {
          budget: { totalRedemptions: 0, perMember: Number.NaN, maxDiscount: 1.5 },
          priority: 0.5,
        },
      }),
      [
        finding(
          'campaign-budget-invalid',
          'terms.budget.totalRedemptions',
          '总名额（0）无效。请填写不小于 1 的整数，或留空表示不限。',
          'The total redemptions (0) is invalid. Enter a whole number of at least 1, or leave it empty for no limit.',
        ),
        finding(
          'campaign-budget-invalid',
          'terms.budget.perMember',
          '每人限参与次数（未填写）无效。请填写不小于 1 的整数。',
          'The redemptions per member (empty) is invalid. Enter a whole number of at least 1.',
        ),
        finding(
          'campaign-budget-invalid',
          'terms.budget.maxDiscount',
          '优惠总额上限（0.015 元）无效。请填写大于 0 的金额（元），或留空表示不设上限。',
          'The cap on total discount (0.015 yuan) is invalid. Enter an amount in yuan above 0, or leave it empty for no cap.',
        ),
        finding(
          'campaign-priority-invalid',
          'terms.priority',
          '优先级（0.5）无效。请填写整数；数值大的活动在优惠相同时优先。',
          'The priority (0.5) is invalid. Enter a whole number; on equal value the higher one wins.',
        ),
      ],
    ],
    [
      'the audience names known tiers, whole days, a range and statuses the kind can match',
      campaignOfKind('winback', {
        terms: {
          audience: audience({
            tierIds: ['t-x'],
            statuses: ['active'],
            lapsedWithinDays: -1,
            growthValue: { min: 10, max: 5 },
          }),
        },
      }),
      [
        finding(
          'campaign-audience-invalid',
          'terms.audience.tiers',
          '人群中的等级 “t-x” 不存在。请从人群中移除它。',
          'The audience names the tier "t-x", which does not exist. Remove it from the audience.',
        ),
        finding(
          'campaign-audience-invalid',
          'terms.audience.lapsedWithinDays',
          '人群条件“几天内到期”（-1）无效。请填写不小于 0 的整数天数，或留空不限。',
          'The audience\'s "lapsed within days" (-1) is invalid. Enter a whole number of days of at least 0, or leave it empty.',
        ),
        finding(
          'campaign-audience-invalid',
          'terms.audience.growthValue.max',
          '人群的成长值下限 10 高于上限 5，不会有会员符合。请调整成长值范围。',
          "The audience's growth value minimum 10 is above its maximum 5, so no member matches. Fix the range.",
        ),
        finding(
          'campaign-audience-invalid',
          'terms.audience.statuses',
          '召回活动「双十一年卡特惠」只面向“已到期或已取消”的会员，但人群的会员状态中没有，不会有会员符合。请在会员状态中加入“已到期或已取消”，或清空会员状态。',
          "The win-back campaign Double 11 annual deal is only for members who are lapsed, but its audience's statuses leave that out, so no member matches. Add lapsed to the statuses, or clear them.",
        ),
      ],
    ],
    [
      'a renewal’s audience statuses include active or grace',
      campaignOfKind('renewal', { terms: { audience: audience({ statuses: ['lapsed'] }) } }),
      [
        finding(
          'campaign-audience-invalid',
          'terms.audience.statuses',
          '续费活动「双十一年卡特惠」只面向“生效中”或“宽限期”的会员，但人群的会员状态中没有，不会有会员符合。请在会员状态中加入“生效中”或“宽限期”，或清空会员状态。',
          "The renewal campaign Double 11 annual deal is only for members who are active or in grace, but its audience's statuses leave that out, so no member matches. Add active or in grace to the statuses, or clear them.",
        ),
      ],
    ],
    [
      'it has a channel and copy in both languages',
      campaign({
        channels: [],
        copy: {
          zh: { headline: '', body: '', callToAction: ' ' },
          en: { headline: 'Gold', body: '', callToAction: 'Upgrade' },
        },
      }),
      [
        finding(
          'campaign-channels-missing',
          'channels',
          '「双十一年卡特惠」没有选择触达渠道。请至少选择邮件、站内或短信中的一个。',
          'Double 11 annual deal has no channel. Choose at least one of email, in-app or SMS.',
        ),
        finding(
          'campaign-copy-missing',
          'copy.headline',
          '中文文案缺少标题。请填写中文标题（会员按自己的语言看到文案）。',
          'The Chinese copy has no headline. Enter the Chinese headline; members see the copy in their language.',
        ),
        finding(
          'campaign-copy-missing',
          'copy.callToAction',
          '中文文案缺少按钮文字。请填写中文按钮文字（会员按自己的语言看到文案）。',
          'The Chinese copy has no call to action. Enter the Chinese call to action; members see the copy in their language.',
        ),
      ],
    ],
  ])('%s', (_name, subject, expected) => {
    expect(findingsOf(subject)).toEqual(expected)
  })

  it('refuses a percent off that, rounded to the 分, saves nothing on a tiny price', () => {
    const penny: CampaignTier = {
      ...gold,
      id: 't-penny',
      name: { zh: '一分会员', en: 'Penny' },
      prices: [{ period: 'monthly', listPrice: 20, sellingPrice: 20 }],
    }
    const subject = campaign({
      terms: {
        target: { tierId: penny.id, billingPeriods: [] },
        offer: { discount: { kind: 'percent_off', percent: 1 } },
      },
    })
    expect(findingsOf(subject, [...tiers, penny])).toEqual([
      finding(
        'campaign-offer-not-below-price',
        'terms.offer.discount.percent',
        '一分会员 的月付售价 ¥0.20 打 1% 折扣后仍为 ¥0.20（按分四舍五入），没有优惠。请提高折扣比例或改用其他优惠。',
        "1% off Penny's monthly selling price CN¥0.20 still costs CN¥0.20 (rounded to the fen), so it saves nothing. Raise the percent or use another offer.",
      ),
    ])
  })

  it('reads the bounds from settings', () => {
    const subject = campaign({
      terms: { offer: { discount: { kind: 'percent_off', percent: 60 } } },
    })
    const strict = { ...settings, maxPercentOff: 50 }
    expect(findingsOf(subject)).toEqual([])
    expect(
      campaignFindings({
        campaign: subject,
        tiers,
        benefits: allBenefits,
        settings: strict,
        now,
      }).map((entry) => [entry.code, entry.path]),
    ).toEqual([['campaign-discount-invalid', 'terms.offer.discount.percent']])
  })
})

describe('notPurchasable', () => {
  it.each<[string, CampaignTier | undefined, ReturnType<typeof notPurchasable>]>([
    ['a published paid tier can be sold', gold, null],
    ['an unknown tier', undefined, 'unknown'],
    ['an unpublished tier', platinum, 'unpublished'],
    ['an archived tier', legacy, 'archived'],
    ['an honorary tier', honorary, 'honorary'],
    ['the entry tier', free, 'entry'],
    ['a growth tier without prices', star, 'growth-only'],
    ['a growth tier with a price can be sold', { ...star, prices: gold.prices }, null],
  ])('%s', (_name, tier, expected) => {
    expect(notPurchasable(tier)).toBe(expected)
  })
})
