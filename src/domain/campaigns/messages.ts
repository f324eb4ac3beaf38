// Every campaign finding's message in Chinese and English: what is wrong, which campaign, tier or
// benefit, and how to fix it. One builder per code; `campaignFindingMessages` proves none is missing.
import { formatPrice } from '../catalogue/format'
import { billingPeriodWords, joinNames, rangeText, type AllowedRange } from '../catalogue/messages'
import type { BillingPeriod, Locale, Localized } from '../catalogue/types'
import type { AudienceStatus, CampaignFindingCode, CampaignKind, CampaignStatus } from './types'

export const campaignKindWords: Record<CampaignKind, Localized> = {
  upgrade: { zh: '升级活动', en: 'upgrade campaign' },
  renewal: { zh: '续费活动', en: 'renewal campaign' },
  retention: { zh: '挽留活动', en: 'retention campaign' },
  winback: { zh: '召回活动', en: 'win-back campaign' },
  trial: { zh: '试用活动', en: 'trial campaign' },
  referral: { zh: '推荐活动', en: 'referral campaign' },
}

export const audienceStatusWords: Record<AudienceStatus, Localized> = {
  active: { zh: '生效中', en: 'active' },
  grace: { zh: '宽限期', en: 'in grace' },
  lapsed: { zh: '已到期或已取消', en: 'lapsed' },
  never_paid: { zh: '从未付费', en: 'never paid' },
}

const localeWords: Record<Locale, Localized> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
}

/** Money in both languages (¥699 / CN¥699). */
export const shownMoney = (fen: number, currency: string): Localized => ({
  zh: formatPrice(fen, currency, 'zh'),
  en: formatPrice(fen, currency, 'en'),
})

/** A number as entered; an empty field (NaN) is said in words. */
const shown = (value: number): Localized =>
  Number.isNaN(value) ? { zh: '未填写', en: 'empty' } : { zh: String(value), en: String(value) }

/** `2026-11-11 00:00 (Asia/Shanghai)`: a time as the editor entered it. */
export type ShownTime = string

export type ScheduleProblem =
  | { problem: 'start-missing' }
  | { problem: 'end-missing' }
  | { problem: 'end-not-after-start'; start: ShownTime; end: ShownTime }
  | { problem: 'ended-already'; end: ShownTime; now: ShownTime }

export function campaignScheduleInvalid(
  input: { campaign: Localized } & ScheduleProblem,
): Localized {
  const c = input.campaign
  switch (input.problem) {
    case 'start-missing':
      return {
        zh: `「${c.zh}」还没有开始时间。请填写开始时间（按活动时区）。`,
        en: `${c.en} has no start. Enter the start, in the campaign's time zone.`,
      }
    case 'end-missing':
      return {
        zh: `「${c.zh}」还没有结束时间。请填写结束时间（按活动时区）。`,
        en: `${c.en} has no end. Enter the end, in the campaign's time zone.`,
      }
    case 'end-not-after-start':
      return {
        zh: `「${c.zh}」的结束时间 ${input.end} 不晚于开始时间 ${input.start}。请把结束时间设在开始时间之后。`,
        en: `${c.en} ends at ${input.end}, which is not after its start at ${input.start}. Set the end after the start.`,
      }
    case 'ended-already':
      return {
        zh: `「${c.zh}」的结束时间 ${input.end} 已经过去（现在是 ${input.now}），发布后不会有人看到。请把结束时间设在将来。`,
        en: `${c.en} ends at ${input.end}, which has passed (it is now ${input.now}), so nobody would see it. Set the end in the future.`,
      }
  }
}

export function campaignTimeZoneInvalid(input: {
  campaign: Localized
  timeZone: string
}): Localized {
  return {
    zh: `「${input.campaign.zh}」的时区 “${input.timeZone}” 不是有效的 IANA 时区。请填写如 Asia/Shanghai 的时区，或留空使用平台时区。`,
    en: `The time zone "${input.timeZone}" of ${input.campaign.en} is not an IANA time zone. Enter one such as Asia/Shanghai, or leave it empty for the platform's.`,
  }
}

export function campaignTooLong(input: {
  campaign: Localized
  start: ShownTime
  end: ShownTime
  days: number
  maxDays: number
}): Localized {
  const c = input.campaign
  return {
    zh: `「${c.zh}」从 ${input.start} 到 ${input.end} 持续 ${input.days} 天，超过会员设置中的上限 ${input.maxDays} 天。请提前结束时间，或分成几个活动。`,
    en: `${c.en} runs ${input.days} days, from ${input.start} to ${input.end}, longer than the ${input.maxDays} days membership settings allow. Move the end earlier, or split it into several campaigns.`,
  }
}

export function campaignTargetMissing(input: {
  campaign: Localized
  kind: CampaignKind
}): Localized {
  const kind = campaignKindWords[input.kind]
  return {
    zh: `${kind.zh}「${input.campaign.zh}」需要目标等级。请选择要销售的等级。`,
    en: `The ${kind.en} ${input.campaign.en} needs a target tier. Choose the tier it sells.`,
  }
}

export function campaignTargetNotOwnTier(input: {
  campaign: Localized
  kind: CampaignKind
  tier: Localized
}): Localized {
  const kind = campaignKindWords[input.kind]
  return {
    zh: `${kind.zh}「${input.campaign.zh}」作用于会员自己的等级，不能指定目标等级（现为 ${input.tier.zh}）。请清空目标等级，用人群选择面向哪些等级。`,
    en: `The ${kind.en} ${input.campaign.en} applies to the member's own tier, so it takes no target tier (now ${input.tier.en}). Clear the target tier and choose tiers in the audience instead.`,
  }
}

export type NotPurchasable =
  'unknown' | 'unpublished' | 'archived' | 'honorary' | 'growth-only' | 'entry'

const notPurchasableWords: Record<NotPurchasable, Localized> = {
  unknown: { zh: '不存在', en: 'does not exist' },
  unpublished: { zh: '尚未发布', en: 'is not published' },
  archived: { zh: '已归档', en: 'is archived' },
  honorary: { zh: '是荣誉等级，只能授予', en: 'is an honorary tier, granted, never sold' },
  'growth-only': {
    zh: '是成长值等级，没有价格，只能靠成长值达到',
    en: 'is a growth tier without prices, reached by growth value only',
  },
  entry: { zh: '是免费的入门等级', en: 'is the free entry tier' },
}

export function campaignTargetNotPurchasable(input: {
  campaign: Localized
  tier: Localized
  reason: NotPurchasable
}): Localized {
  const why = notPurchasableWords[input.reason]
  return {
    zh: `「${input.campaign.zh}」的目标等级 ${input.tier.zh} ${why.zh}，不能购买。请选择一个已发布、未归档、可购买的付费等级。`,
    en: `The target tier ${input.tier.en} of ${input.campaign.en} ${why.en}, so it cannot be bought. Choose a published, non-archived paid tier that is for sale.`,
  }
}

export function campaignTargetNotAboveAudience(input: {
  campaign: Localized
  kind: CampaignKind
  tier: Localized
  rank: number
  notBelow: readonly Localized[]
}): Localized {
  const kind = campaignKindWords[input.kind]
  const names = joinNames(input.notBelow)
  return {
    zh: `${kind.zh}「${input.campaign.zh}」的目标等级 ${input.tier.zh}（序号 ${input.rank}）不高于人群中的 ${names.zh}。目标等级必须高于人群中的每个等级：请选择更高的目标等级，或从人群中移除 ${names.zh}。`,
    en: `The target tier ${input.tier.en} (rank ${input.rank}) of the ${kind.en} ${input.campaign.en} is not above ${names.en} in its audience. The target must rank above every audience tier: choose a higher target, or remove ${names.en} from the audience.`,
  }
}

export function campaignBillingPeriodNotSold(
  input:
    | { problem: 'not-sold'; period: BillingPeriod; tier: Localized }
    | { problem: 'not-sold-by-audience'; period: BillingPeriod }
    | { problem: 'twice'; period: BillingPeriod },
): Localized {
  const period = billingPeriodWords[input.period]
  switch (input.problem) {
    case 'not-sold':
      return {
        zh: `目标等级 ${input.tier.zh} 没有${period.zh}价格，活动无法提供${period.zh}优惠。请移除${period.zh}，或先为 ${input.tier.zh} 设置${period.zh}价格。`,
        en: `The target tier ${input.tier.en} has no ${period.en} price, so the campaign cannot offer ${period.en}. Remove ${period.en}, or give ${input.tier.en} a ${period.en} price first.`,
      }
    case 'not-sold-by-audience':
      return {
        zh: `人群中没有任何等级提供${period.zh}价格，这个计费周期不会有人用到。请移除${period.zh}，或调整人群中的等级。`,
        en: `No tier in the audience sells ${period.en}, so nobody could use it. Remove ${period.en}, or change the audience's tiers.`,
      }
    case 'twice':
      return {
        zh: `计费周期${period.zh}重复出现。请删除重复的一项。`,
        en: `The billing period ${period.en} is listed twice. Remove the repeat.`,
      }
  }
}

export function campaignOfferEmpty(input: { campaign: Localized }): Localized {
  return {
    zh: `「${input.campaign.zh}」没有给会员任何优惠。请设置折扣、赠送天数、试用天数或赠品中的至少一项。`,
    en: `${input.campaign.en} gives members nothing. Set a discount, bonus days, trial days or a gift.`,
  }
}

export type DiscountProblem =
  | { problem: 'percent'; entered: number; max: number }
  | { problem: 'amount'; entered: number }
  | { problem: 'price'; entered: number }

export function campaignDiscountInvalid(input: DiscountProblem): Localized {
  switch (input.problem) {
    case 'percent':
      return {
        zh: `折扣比例（${shown(input.entered).zh}）无效。请填写 1 到 ${input.max} 之间的整数（上限见会员设置）。`,
        en: `The percent off (${shown(input.entered).en}) is invalid. Enter a whole number from 1 to ${input.max} (the bound is in membership settings).`,
      }
    case 'amount':
      return {
        zh: `立减金额（${shown(input.entered / 100).zh} 元）无效。请填写大于 0 的金额（元），最多两位小数。`,
        en: `The amount off (${shown(input.entered / 100).en} yuan) is invalid. Enter an amount in yuan above 0, with at most two decimals.`,
      }
    case 'price':
      return {
        zh: `一口价（${shown(input.entered / 100).zh} 元）无效。请填写不小于 0 的金额（元），最多两位小数。`,
        en: `The fixed price (${shown(input.entered / 100).en} yuan) is invalid. Enter an amount in yuan of at least 0, with at most two decimals.`,
      }
  }
}

export type PricedDiscount =
  | { kind: 'percent_off'; percent: number }
  | { kind: 'amount_off'; amount: number }
  | { kind: 'fixed_price'; price: number }

export function campaignOfferNotBelowPrice(input: {
  discount: PricedDiscount
  tier: Localized
  period: BillingPeriod
  sellingPrice: number
  offerPrice: number
  currency: string
}): Localized {
  const period = billingPeriodWords[input.period]
  const selling = shownMoney(input.sellingPrice, input.currency)
  const t = input.tier
  const { discount } = input
  switch (discount.kind) {
    case 'fixed_price': {
      const price = shownMoney(discount.price, input.currency)
      return {
        zh: `一口价 ${price.zh} 不低于 ${t.zh} 的${period.zh}售价 ${selling.zh}。活动价必须低于售价：请降低一口价。`,
        en: `The fixed price ${price.en} is not below ${t.en}'s ${period.en} selling price ${selling.en}. An offer must cost less than the selling price: lower the fixed price.`,
      }
    }
    case 'amount_off': {
      const amount = shownMoney(discount.amount, input.currency)
      return {
        zh: `立减 ${amount.zh} 超过 ${t.zh} 的${period.zh}售价 ${selling.zh}，活动价会低于 0。请把立减金额降到 ${selling.zh} 以内。`,
        en: `${amount.en} off is more than ${t.en}'s ${period.en} selling price ${selling.en}, so the price would fall below 0. Take at most ${selling.en} off.`,
      }
    }
    case 'percent_off': {
      const price = shownMoney(input.offerPrice, input.currency)
      return {
        zh: `${t.zh} 的${period.zh}售价 ${selling.zh} 打 ${discount.percent}% 折扣后仍为 ${price.zh}（按分四舍五入），没有优惠。请提高折扣比例或改用其他优惠。`,
        en: `${discount.percent}% off ${t.en}'s ${period.en} selling price ${selling.en} still costs ${price.en} (rounded to the fen), so it saves nothing. Raise the percent or use another offer.`,
      }
    }
  }
}

export function campaignDaysOutOfRange(input: {
  field: 'bonusDays' | 'trialDays'
  entered: number
  min: number
  max: number
}): Localized {
  const words: Record<'bonusDays' | 'trialDays', Localized> = {
    bonusDays: { zh: '赠送天数', en: 'bonus days' },
    trialDays: { zh: '试用天数', en: 'trial days' },
  }
  const word = words[input.field]
  const range = rangeText({ min: input.min, max: input.max, integer: true, minExclusive: false })
  return {
    zh: `${word.zh}（${shown(input.entered).zh}）超出允许范围。请填写${range.zh}（上限见会员设置）。`,
    en: `The ${word.en} (${shown(input.entered).en}) are out of range. Enter ${range.en} (the bound is in membership settings).`,
  }
}

export function campaignTrialDaysNotTrial(input: {
  campaign: Localized
  kind: CampaignKind
  days: number
}): Localized {
  const kind = campaignKindWords[input.kind]
  return {
    zh: `${kind.zh}「${input.campaign.zh}」填写了 ${input.days} 天试用，只有试用活动才能提供试用。请把试用天数改为 0，或把活动类型改为试用。`,
    en: `The ${kind.en} ${input.campaign.en} offers ${input.days} trial days; only trial campaigns give trials. Set the trial days to 0, or make it a trial campaign.`,
  }
}

export type GiftProblem =
  | { problem: 'benefit-unknown'; benefitKey: string }
  | { problem: 'benefit-twice'; benefit: Localized; firstRow: number }
  | { problem: 'not-giftable'; benefit: Localized }
  | { problem: 'amount'; benefit: Localized; entered: number; range: AllowedRange | null }
  | { problem: 'valid-days'; benefit: Localized; entered: number }

/** Gifts are numbered from 1, as the admin shows them. */
export function campaignGiftInvalid(input: { row: number } & GiftProblem): Localized {
  const row = input.row
  switch (input.problem) {
    case 'benefit-unknown':
      return {
        zh: `第 ${row} 个赠品的权益 “${input.benefitKey}” 不存在或已归档。请选择一个现有的权益。`,
        en: `Gift ${row} names the benefit "${input.benefitKey}", which does not exist or is archived. Choose an existing benefit.`,
      }
    case 'benefit-twice':
      return {
        zh: `第 ${row} 个赠品「${input.benefit.zh}」与第 ${input.firstRow} 个重复。请合并为一个赠品。`,
        en: `Gift ${row}, "${input.benefit.en}", repeats gift ${input.firstRow}. Merge them into one gift.`,
      }
    case 'not-giftable':
      return {
        zh: `第 ${row} 个赠品「${input.benefit.zh}」按等级取值，不能按数量赠送。请选择一个有/无或按数量计的权益。`,
        en: `Gift ${row}, "${input.benefit.en}", takes a level, not an amount, so it cannot be given as a gift. Choose an on/off or counted benefit.`,
      }
    case 'amount': {
      const range = input.range
        ? rangeText(input.range)
        : { zh: '大于 0 的数', en: 'a number above 0' }
      return {
        zh: `第 ${row} 个赠品「${input.benefit.zh}」的数量 ${shown(input.entered).zh} 无效或没有赠送任何东西。请填写${range.zh}。`,
        en: `Gift ${row}, "${input.benefit.en}", has the amount ${shown(input.entered).en}, which is invalid or gives nothing. Enter ${range.en}.`,
      }
    }
    case 'valid-days':
      return {
        zh: `第 ${row} 个赠品「${input.benefit.zh}」的有效天数 ${shown(input.entered).zh} 无效。请填写不小于 1 的整数。`,
        en: `Gift ${row}, "${input.benefit.en}", is valid for ${shown(input.entered).en} days, which is invalid. Enter a whole number of at least 1.`,
      }
  }
}

export type BudgetField = 'totalRedemptions' | 'perMember' | 'maxDiscount'

const budgetFieldWords: Record<BudgetField, Localized> = {
  totalRedemptions: { zh: '总名额', en: 'total redemptions' },
  perMember: { zh: '每人限参与次数', en: 'redemptions per member' },
  maxDiscount: { zh: '优惠总额上限', en: 'cap on total discount' },
}

export function campaignBudgetInvalid(input: { field: BudgetField; entered: number }): Localized {
  const word = budgetFieldWords[input.field]
  if (input.field === 'maxDiscount') {
    return {
      zh: `${word.zh}（${shown(input.entered / 100).zh} 元）无效。请填写大于 0 的金额（元），或留空表示不设上限。`,
      en: `The ${word.en} (${shown(input.entered / 100).en} yuan) is invalid. Enter an amount in yuan above 0, or leave it empty for no cap.`,
    }
  }
  const orEmpty: Localized =
    input.field === 'totalRedemptions'
      ? { zh: '，或留空表示不限', en: ', or leave it empty for no limit' }
      : { zh: '', en: '' }
  return {
    zh: `${word.zh}（${shown(input.entered).zh}）无效。请填写不小于 1 的整数${orEmpty.zh}。`,
    en: `The ${word.en} (${shown(input.entered).en}) is invalid. Enter a whole number of at least 1${orEmpty.en}.`,
  }
}

export function campaignPriorityInvalid(input: { entered: number }): Localized {
  return {
    zh: `优先级（${shown(input.entered).zh}）无效。请填写整数；数值大的活动在优惠相同时优先。`,
    en: `The priority (${shown(input.entered).en}) is invalid. Enter a whole number; on equal value the higher one wins.`,
  }
}

export type AudienceDaysField =
  | 'periodEndsWithinDays'
  | 'lapsedWithinDays'
  | 'joinedWithinDays'
  | 'excludeRedeemedSameKindWithinDays'

const audienceDaysWords: Record<AudienceDaysField, Localized> = {
  periodEndsWithinDays: { zh: '周期将在几天内结束', en: 'period ends within days' },
  lapsedWithinDays: { zh: '几天内到期', en: 'lapsed within days' },
  joinedWithinDays: { zh: '几天内注册', en: 'joined within days' },
  excludeRedeemedSameKindWithinDays: {
    zh: '排除几天内参加过同类活动的会员',
    en: 'exclude same-kind redemptions within days',
  },
}

export type AudienceProblem =
  | { problem: 'tier-unknown'; tierId: string }
  | { problem: 'days'; field: AudienceDaysField; entered: number }
  | { problem: 'growth-range'; min: number; max: number }
  | { problem: 'statuses'; kind: CampaignKind; needed: readonly AudienceStatus[] }

export function campaignAudienceInvalid(
  input: { campaign: Localized } & AudienceProblem,
): Localized {
  switch (input.problem) {
    case 'tier-unknown':
      return {
        zh: `人群中的等级 “${input.tierId}” 不存在。请从人群中移除它。`,
        en: `The audience names the tier "${input.tierId}", which does not exist. Remove it from the audience.`,
      }
    case 'days': {
      const word = audienceDaysWords[input.field]
      return {
        zh: `人群条件“${word.zh}”（${shown(input.entered).zh}）无效。请填写不小于 0 的整数天数，或留空不限。`,
        en: `The audience's "${word.en}" (${shown(input.entered).en}) is invalid. Enter a whole number of days of at least 0, or leave it empty.`,
      }
    }
    case 'growth-range':
      return {
        zh: `人群的成长值下限 ${input.min} 高于上限 ${input.max}，不会有会员符合。请调整成长值范围。`,
        en: `The audience's growth value minimum ${input.min} is above its maximum ${input.max}, so no member matches. Fix the range.`,
      }
    case 'statuses': {
      const kind = campaignKindWords[input.kind]
      const words = input.needed.map((status) => audienceStatusWords[status])
      const needed: Localized = {
        zh: words.map((word) => `“${word.zh}”`).join('或'),
        en: words.map((word) => word.en).join(' or '),
      }
      return {
        zh: `${kind.zh}「${input.campaign.zh}」只面向${needed.zh}的会员，但人群的会员状态中没有，不会有会员符合。请在会员状态中加入${needed.zh}，或清空会员状态。`,
        en: `The ${kind.en} ${input.campaign.en} is only for members who are ${needed.en}, but its audience's statuses leave that out, so no member matches. Add ${needed.en} to the statuses, or clear them.`,
      }
    }
  }
}

export function campaignChannelsMissing(input: { campaign: Localized }): Localized {
  return {
    zh: `「${input.campaign.zh}」没有选择触达渠道。请至少选择邮件、站内或短信中的一个。`,
    en: `${input.campaign.en} has no channel. Choose at least one of email, in-app or SMS.`,
  }
}

export type CopyField = 'headline' | 'callToAction'

const copyFieldWords: Record<CopyField, Localized> = {
  headline: { zh: '标题', en: 'headline' },
  callToAction: { zh: '按钮文字', en: 'call to action' },
}

export function campaignCopyMissing(input: { locale: Locale; field: CopyField }): Localized {
  const language = localeWords[input.locale]
  const field = copyFieldWords[input.field]
  return {
    zh: `${language.zh}文案缺少${field.zh}。请填写${language.zh}${field.zh}（会员按自己的语言看到文案）。`,
    en: `The ${language.en} copy has no ${field.en}. Enter the ${language.en} ${field.en}; members see the copy in their language.`,
  }
}

/** Statuses in which terms are frozen, as the frozen-terms messages say them. */
const frozenStatusWords: Record<Exclude<CampaignStatus, 'draft' | 'scheduled'>, Localized> = {
  live: { zh: '已上线', en: 'is live' },
  paused: { zh: '已上线（暂停中）', en: 'is live (paused)' },
  exhausted: { zh: '已上线（预算已用完）', en: 'is live (its budget is used up)' },
  ended: { zh: '已结束', en: 'has ended' },
}

export type FrozenStatus = keyof typeof frozenStatusWords

export function campaignLiveTermsFrozen(input: {
  campaign: Localized
  status: FrozenStatus
  field: Localized
}): Localized {
  const status = frozenStatusWords[input.status]
  const c = input.campaign
  return {
    zh: `「${c.zh}」${status.zh}：会员已按现有条款参与，条款不能再改（${input.field.zh}已修改）。请结束该活动并新建一个活动。`,
    en: `${c.en} ${status.en}: its terms cannot change under members (the ${input.field.en} changed). End it and start a new campaign.`,
  }
}

export type LiveEditProblem =
  | { problem: 'end-earlier'; before: ShownTime; after: ShownTime }
  | { problem: 'unended' }
  | { problem: 'budget-lowered'; field: BudgetField; before: Localized; after: Localized }
  | { problem: 'budget-below-used'; field: BudgetField; used: Localized; after: Localized }

export function campaignLiveEditInvalid(
  input: { campaign: Localized; status: FrozenStatus } & LiveEditProblem,
): Localized {
  const status = frozenStatusWords[input.status]
  const c = input.campaign
  switch (input.problem) {
    case 'end-earlier':
      return {
        zh: `「${c.zh}」${status.zh}，结束时间只能推后，不能提前（原为 ${input.before}，现为 ${input.after}）。如需现在停止，请使用“结束活动”。`,
        en: `${c.en} ${status.en}, so its end can only move later, not earlier (from ${input.before} to ${input.after}). To stop it now, end it.`,
      }
    case 'unended':
      return {
        zh: `「${c.zh}」已被手动结束，不能重新开始。请新建一个活动。`,
        en: `${c.en} was ended by hand and cannot restart. Start a new campaign.`,
      }
    case 'budget-lowered': {
      const word = budgetFieldWords[input.field]
      return {
        zh: `「${c.zh}」${status.zh}，预算只能增加：${word.zh}不能从 ${input.before.zh} 减为 ${input.after.zh}。请保留原值或增加；如需停止，请结束该活动。`,
        en: `${c.en} ${status.en}, so its budget can only grow: the ${word.en} cannot go from ${input.before.en} down to ${input.after.en}. Keep it or raise it; to stop the campaign, end it.`,
      }
    }
    case 'budget-below-used': {
      const word = budgetFieldWords[input.field]
      return {
        zh: `「${c.zh}」已用掉 ${input.used.zh}，${word.zh}不能设为更少的 ${input.after.zh}。请填写不少于 ${input.used.zh} 的值。`,
        en: `${c.en} has already used ${input.used.en}, so the ${word.en} cannot be set to the smaller ${input.after.en}. Enter at least ${input.used.en}.`,
      }
    }
  }
}

/** The builder for each code; the `satisfies` fails to compile when a code has none. */
export const campaignFindingMessages = {
  'campaign-schedule-invalid': campaignScheduleInvalid,
  'campaign-time-zone-invalid': campaignTimeZoneInvalid,
  'campaign-too-long': campaignTooLong,
  'campaign-target-missing': campaignTargetMissing,
  'campaign-target-not-own-tier': campaignTargetNotOwnTier,
  'campaign-target-not-purchasable': campaignTargetNotPurchasable,
  'campaign-target-not-above-audience': campaignTargetNotAboveAudience,
  'campaign-billing-period-not-sold': campaignBillingPeriodNotSold,
  'campaign-offer-empty': campaignOfferEmpty,
  'campaign-discount-invalid': campaignDiscountInvalid,
  'campaign-offer-not-below-price': campaignOfferNotBelowPrice,
  'campaign-days-out-of-range': campaignDaysOutOfRange,
  'campaign-trial-days-not-trial': campaignTrialDaysNotTrial,
  'campaign-gift-invalid': campaignGiftInvalid,
  'campaign-budget-invalid': campaignBudgetInvalid,
  'campaign-priority-invalid': campaignPriorityInvalid,
  'campaign-audience-invalid': campaignAudienceInvalid,
  'campaign-channels-missing': campaignChannelsMissing,
  'campaign-copy-missing': campaignCopyMissing,
  'campaign-live-terms-frozen': campaignLiveTermsFrozen,
  'campaign-live-edit-invalid': campaignLiveEditInvalid,
} as const satisfies Record<CampaignFindingCode, (input: never) => Localized>
