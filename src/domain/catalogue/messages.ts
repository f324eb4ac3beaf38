// Every finding's message in Chinese and English: what is wrong, which objects, how to fix it.
// One builder per FindingCode; `findingMessages` proves at compile time that none is missing.
import { countOf } from './english'
import { currencyUnits, formatPriceLocalized } from './money'
import {
  notGrantedDisplay,
  type BillingPeriod,
  type DurationUnit,
  type FindingCode,
  type LevelOption,
  type Localized,
  type QuotaPeriod,
  type ValueKind,
} from './types'

/** Which side of the edited tier the other tier sits on. */
export type Against = 'lower' | 'higher'

/** The numbers a value may take (see values.ts `allowedRange`). */
export type AllowedRange = { min: number; max: number; integer: boolean; minExclusive: boolean }

/** A count of referencing documents and a few of their names (as hooks find them). */
export type NamedReferences = { count: number; examples: readonly Localized[] }

export const joinNames = (names: readonly Localized[]): Localized => ({
  zh: names.map((name) => name.zh).join('、'),
  en: names.map((name) => name.en).join(', '),
})

const referenceNames = (references: NamedReferences): Localized => {
  const names = joinNames(references.examples)
  const more = references.count > references.examples.length
  return { zh: more ? `${names.zh} 等` : names.zh, en: more ? `${names.en}, …` : names.en }
}

/** Numbers as an editor typed them; a missing number (NaN) is said in words. */
const shownNumber = (value: number): Localized =>
  Number.isNaN(value) ? { zh: '未填写', en: 'empty' } : { zh: String(value), en: String(value) }

/** Prices are stored in 分 but edited in 元; shown as typed (39.999 stays 39.999). */
const shownYuan = (fen: number): Localized =>
  Number.isNaN(fen) ? shownNumber(fen) : shownNumber(Number((fen / 100).toFixed(6)))

const valueKindWords: Record<ValueKind, Localized> = {
  flag: { zh: '有/无', en: 'on/off' },
  quota: { zh: '周期额度', en: 'quota per period' },
  limit: { zh: '数量上限', en: 'numeric limit' },
  level: { zh: '等级', en: 'level' },
  percentage: { zh: '折扣百分比', en: 'percentage off' },
  duration: { zh: '时长', en: 'duration' },
}

export const billingPeriodWords: Record<BillingPeriod, Localized> = {
  monthly: { zh: '月付', en: 'monthly' },
  quarterly: { zh: '季付', en: 'quarterly' },
  annual: { zh: '年付', en: 'annual' },
}

const priceFieldWords: Record<'listPrice' | 'sellingPrice', Localized> = {
  listPrice: { zh: '原价', en: 'list price' },
  sellingPrice: { zh: '售价', en: 'selling price' },
}

export function rankNotUnique(input: {
  tier: Localized
  rank: number
  others: readonly Localized[]
}): Localized {
  const others = joinNames(input.others)
  return {
    zh: `${input.tier.zh} 的等级序号 ${input.rank} 与 ${others.zh} 相同。阶梯中每个等级的序号必须不同：请换一个未被使用的序号。`,
    en: `${input.tier.en} has rank ${input.rank}, the same as ${others.en}. Every tier in the ladder needs its own rank: choose one no other tier uses.`,
  }
}

export function slugNotUnique(input: {
  tier: Localized
  slug: string
  others: readonly Localized[]
}): Localized {
  const others = joinNames(input.others)
  return {
    zh: `标识 “${input.slug}” 已被 ${others.zh} 使用。请为 ${input.tier.zh} 换一个标识。`,
    en: `The slug "${input.slug}" is already used by ${others.en}. Give ${input.tier.en} a different slug.`,
  }
}

export function entryTierMissing(): Localized {
  return {
    zh: '等级阶梯中没有入门等级。请把最低等级的类型设为“入门（免费）”，或新建一个入门等级。',
    en: "The ladder has no entry tier. Set the lowest tier's kind to Entry (free), or create an entry tier.",
  }
}

export function entryTierNotUnique(input: {
  tier: Localized
  existing: readonly Localized[]
}): Localized {
  const existing = joinNames(input.existing)
  return {
    zh: `${existing.zh} 已是入门等级，阶梯中只能有一个入门等级。请把 ${input.tier.zh} 的类型改为付费或成长值。`,
    en: `${existing.en} is already the entry tier and the ladder has only one. Change ${input.tier.en}'s kind to Paid or Growth value.`,
  }
}

type RankedName = { name: Localized; rank: number }

export function entryTierNotLowest(
  input:
    | { case: 'entry-above-others'; tier: RankedName; lowest: RankedName }
    | { case: 'below-entry'; tier: RankedName; entry: RankedName },
): Localized {
  const { tier } = input
  if (input.case === 'entry-above-others') {
    const { lowest } = input
    return {
      zh: `入门等级 ${tier.name.zh}（序号 ${tier.rank}）必须是阶梯中最低的等级，但 ${lowest.name.zh} 的序号 ${lowest.rank} 更低。请把 ${tier.name.zh} 的序号改为小于 ${lowest.rank}。`,
      en: `The entry tier ${tier.name.en} (rank ${tier.rank}) must be the lowest in the ladder, but ${lowest.name.en} has the lower rank ${lowest.rank}. Give ${tier.name.en} a rank below ${lowest.rank}.`,
    }
  }
  const { entry } = input
  return {
    zh: `${tier.name.zh}（序号 ${tier.rank}）低于入门等级 ${entry.name.zh}（序号 ${entry.rank}）。入门等级必须最低：请把 ${tier.name.zh} 的序号改为大于 ${entry.rank}。`,
    en: `${tier.name.en} (rank ${tier.rank}) ranks below the entry tier ${entry.name.en} (rank ${entry.rank}). The entry tier must be the lowest: give ${tier.name.en} a rank above ${entry.rank}.`,
  }
}

export function honoraryTierHasRankConflict(input: {
  tier: Localized
  rank: number
  others: readonly Localized[]
}): Localized {
  const others = joinNames(input.others)
  return {
    zh: `荣誉等级 ${input.tier.zh} 的序号 ${input.rank} 与荣誉等级 ${others.zh} 相同，展示顺序无法确定。请换一个序号。`,
    en: `The honorary tier ${input.tier.en} has rank ${input.rank}, the same as the honorary tier ${others.en}, so their display order is ambiguous. Choose another rank.`,
  }
}

/** Rows are numbered from 1, as the admin shows them. */
export function benefitListedTwice(input: {
  tier: Localized
  benefit: Localized
  firstRow: number
  row: number
}): Localized {
  return {
    zh: `${input.tier.zh} 的「${input.benefit.zh}」在第 ${input.firstRow} 行和第 ${input.row} 行重复出现。每个权益只能填写一行：请删除其中一行。`,
    en: `${input.tier.en} lists "${input.benefit.en}" twice, on rows ${input.firstRow} and ${input.row}. Each benefit takes one row: remove one of them.`,
  }
}

export function benefitUnknown(input: {
  tier: Localized
  benefitId: string
  row: number
}): Localized {
  return {
    zh: `${input.tier.zh} 第 ${input.row} 行的权益（${input.benefitId}）不存在或已被删除。请重新选择权益，或删除这一行。`,
    en: `Row ${input.row} of ${input.tier.en} refers to a benefit (${input.benefitId}) that does not exist or was deleted. Choose another benefit or remove the row.`,
  }
}

export function valueWrongShape(input: {
  tier: Localized
  benefit: Localized
  expected: ValueKind
}): Localized {
  const kind = valueKindWords[input.expected]
  return {
    zh: `${input.tier.zh} 的「${input.benefit.zh}」的取值与权益的取值方式（${kind.zh}）不符。请按“${kind.zh}”重新填写这一行。`,
    en: `${input.tier.en}'s value for "${input.benefit.en}" does not fit the benefit's value shape (${kind.en}). Re-enter the row's value as ${kind.en}.`,
  }
}

/** "a whole number from 0 to 30", "大于 0 的数" … */
export function rangeText(range: AllowedRange): Localized {
  const word: Localized = range.integer
    ? { zh: '整数', en: 'whole number' }
    : { zh: '数', en: 'number' }
  const hasMin = Number.isFinite(range.min)
  const hasMax = Number.isFinite(range.max)
  if (hasMin && hasMax) {
    return range.minExclusive
      ? {
          zh: `大于 ${range.min} 且不超过 ${range.max} 的${word.zh}`,
          en: `a ${word.en} above ${range.min} and at most ${range.max}`,
        }
      : {
          zh: `介于 ${range.min} 到 ${range.max} 之间的${word.zh}`,
          en: `a ${word.en} from ${range.min} to ${range.max}`,
        }
  }
  if (hasMin) {
    return range.minExclusive
      ? { zh: `大于 ${range.min} 的${word.zh}`, en: `a ${word.en} above ${range.min}` }
      : { zh: `不小于 ${range.min} 的${word.zh}`, en: `a ${word.en} of at least ${range.min}` }
  }
  if (hasMax)
    return { zh: `不超过 ${range.max} 的${word.zh}`, en: `a ${word.en} of at most ${range.max}` }
  return { zh: `有效的${word.zh}`, en: `a valid ${word.en}` }
}

export function valueOutOfRange(input: {
  tier: Localized
  benefit: Localized
  entered: number
  range: AllowedRange
  unlimitedAllowed: boolean
}): Localized {
  const range = rangeText(input.range)
  const orUnlimited: Localized = input.unlimitedAllowed
    ? { zh: '，或勾选“不限”', en: ', or tick "Unlimited"' }
    : { zh: '', en: '' }
  if (Number.isNaN(input.entered)) {
    return {
      zh: `${input.tier.zh} 的「${input.benefit.zh}」还没有填写数值。请填写${range.zh}${orUnlimited.zh}。`,
      en: `${input.tier.en} has no value for "${input.benefit.en}". Enter ${range.en}${orUnlimited.en}.`,
    }
  }
  return {
    zh: `${input.tier.zh} 的「${input.benefit.zh}」填写的 ${input.entered} 超出允许范围。请填写${range.zh}${orUnlimited.zh}。`,
    en: `${input.tier.en}'s value ${input.entered} for "${input.benefit.en}" is out of range. Enter ${range.en}${orUnlimited.en}.`,
  }
}

export function levelUnknown(input: {
  tier: Localized
  benefit: Localized
  level: string
  options: readonly LevelOption[]
}): Localized {
  const listed = (locale: 'zh' | 'en') =>
    input.options
      .map(({ key, label }) =>
        label[locale] && label[locale] !== key
          ? locale === 'zh'
            ? `${key}（${label.zh}）`
            : `${key} (${label.en})`
          : key,
      )
      .join(locale === 'zh' ? '、' : ', ')
  if (input.level === '') {
    return {
      zh: `${input.tier.zh} 的「${input.benefit.zh}」没有填写等级。请填写以下等级键之一：${listed('zh')}。`,
      en: `${input.tier.en} has no level for "${input.benefit.en}". Enter one of the level keys: ${listed('en')}.`,
    }
  }
  return {
    zh: `${input.tier.zh} 的「${input.benefit.zh}」填写的等级 “${input.level}” 不存在。请填写以下等级键之一：${listed('zh')}。`,
    en: `${input.tier.en}'s level "${input.level}" for "${input.benefit.en}" does not exist. Enter one of the level keys: ${listed('en')}.`,
  }
}

/**
 * The edited tier grants less than a lower tier (`against: 'lower'`) or more than a higher one.
 * Values come formatted (formatValue); flags and "not granted" read better as words.
 */
export function gradientBenefitLower(input: {
  against: Against
  tier: Localized
  other: Localized
  benefit: Localized
  kind: ValueKind
  value: Localized
  otherValue: Localized
  /** Whether the edited tier has a row for the benefit (else the fix is to add one). */
  hasRow: boolean
}): Localized {
  const { tier: t, other: o, benefit: b, value: v, otherValue: ov } = input
  const lower = input.against === 'lower'
  const fix: Localized = !input.hasRow
    ? {
        zh: `请为 ${t.zh} 添加「${b.zh}」，或在 ${o.zh} 的这一行填写例外原因。`,
        en: `Add "${b.en}" to ${t.en}, or write an exception reason on ${o.en}'s row.`,
      }
    : input.kind === 'flag'
      ? lower
        ? {
            zh: `请为 ${t.zh} 勾选“包含”，或在此行填写例外原因。`,
            en: `Tick "Included" for ${t.en} or write an exception reason on this row.`,
          }
        : {
            zh: `请取消 ${t.zh} 的“包含”，或在此行填写例外原因。`,
            en: `Untick "Included" for ${t.en} or write an exception reason on this row.`,
          }
      : input.kind === 'duration'
        ? // Lower is better for a duration (an answer within 2 h beats 24 h).
          lower
          ? {
              zh: `请缩短 ${t.zh} 的时长，或在此行填写例外原因。`,
              en: `Shorten ${t.en}'s time or write an exception reason on this row.`,
            }
          : {
              zh: `请延长 ${t.zh} 的时长，或在此行填写例外原因。`,
              en: `Lengthen ${t.en}'s time or write an exception reason on this row.`,
            }
        : lower
          ? {
              zh: `请提高 ${t.zh} 的值，或在此行填写例外原因。`,
              en: `Raise ${t.en}'s value or write an exception reason on this row.`,
            }
          : {
              zh: `请降低 ${t.zh} 的值，或在此行填写例外原因。`,
              en: `Lower ${t.en}'s value or write an exception reason on this row.`,
            }

  if (input.kind === 'flag') {
    const statement: Localized = lower
      ? {
          zh: `${t.zh} 不包含「${b.zh}」，而更低等级 ${o.zh} 包含。`,
          en: `${t.en} does not include "${b.en}", but the lower tier ${o.en} does.`,
        }
      : {
          zh: `${t.zh} 包含「${b.zh}」，而更高等级 ${o.zh} 不包含。`,
          en: `${t.en} includes "${b.en}", but the higher tier ${o.en} does not.`,
        }
    return { zh: `${statement.zh}${fix.zh}`, en: `${statement.en} ${fix.en}` }
  }

  const subjectClause: Localized =
    v.zh === notGrantedDisplay
      ? { zh: `${t.zh} 未提供「${b.zh}」`, en: `${t.en} does not grant "${b.en}"` }
      : { zh: `${t.zh} 的「${b.zh}」为 ${v.zh}`, en: `${t.en} grants ${v.en} of "${b.en}"` }
  const otherClause: Localized = lower
    ? { zh: `低于更低等级 ${o.zh} 的 ${ov.zh}`, en: `but the lower tier ${o.en} grants ${ov.en}` }
    : ov.zh === notGrantedDisplay
      ? { zh: `而更高等级 ${o.zh} 未提供`, en: `but the higher tier ${o.en} does not grant it` }
      : {
          zh: `高于更高等级 ${o.zh} 的 ${ov.zh}`,
          en: `but the higher tier ${o.en} grants only ${ov.en}`,
        }
  return {
    zh: `${subjectClause.zh}，${otherClause.zh}。${fix.zh}`,
    en: `${subjectClause.en}, ${otherClause.en}. ${fix.en}`,
  }
}

export function gradientAccessMissing(input: {
  against: Against
  tier: Localized
  others: readonly Localized[]
  accessTiers: readonly Localized[]
}): Localized {
  const { tier: t } = input
  const o = joinNames(input.others)
  const a = joinNames(input.accessTiers)
  if (input.against === 'lower') {
    return {
      zh: `${t.zh} 没有开放 ${a.zh}，而更低等级 ${o.zh} 开放了。高等级应开放低等级开放的全部课程层级：请为 ${t.zh} 加上 ${a.zh}，或填写“课程层级例外原因”。`,
      en: `${t.en} does not open ${a.en}, which the lower tier ${o.en} opens. A higher tier opens every course-access tier a lower one does: add ${a.en} to ${t.en}, or write a course-access exception reason.`,
    }
  }
  return {
    zh: `${t.zh} 开放了 ${a.zh}，而更高等级 ${o.zh} 没有开放。请为 ${o.zh} 加上 ${a.zh} 或从 ${t.zh} 中移除；如是有意为之，请在 ${o.zh} 填写“课程层级例外原因”。`,
    en: `${t.en} opens ${a.en}, which the higher tier ${o.en} does not. Add ${a.en} to ${o.en} or remove it from ${t.en}; if this is deliberate, write a course-access exception reason on ${o.en}.`,
  }
}

export function adjacentTiersIdentical(input: {
  against: Against
  tier: Localized
  neighbour: Localized
}): Localized {
  const { tier: t, neighbour: n } = input
  if (input.against === 'lower') {
    return {
      zh: `${t.zh} 与下一级 ${n.zh} 的权益和课程层级完全相同。相邻等级至少要有一项权益不同，否则升级没有意义：请提高 ${t.zh} 的某项权益，或多开放一个课程层级。`,
      en: `${t.en} grants exactly what the tier below it, ${n.en}, grants (benefits and course access). Adjacent tiers must differ in at least one benefit, or upgrading is pointless: raise one of ${t.en}'s benefits or open another course-access tier.`,
    }
  }
  return {
    zh: `${t.zh} 与上一级 ${n.zh} 的权益和课程层级完全相同。相邻等级至少要有一项权益不同：请调整 ${t.zh} 或 ${n.zh} 的某项权益或课程层级。`,
    en: `${t.en} grants exactly what the tier above it, ${n.en}, grants (benefits and course access). Adjacent tiers must differ in at least one benefit: change a benefit or course-access tier on ${t.en} or ${n.en}.`,
  }
}

export function growthThresholdsInvalid(input: {
  tier: Localized
  field: 'reach' | 'keep'
  reach: number
  keep: number
}): Localized {
  const reach = shownNumber(input.reach)
  const keep = shownNumber(input.keep)
  if (input.field === 'reach') {
    return {
      zh: `成长值等级 ${input.tier.zh} 的升级门槛必须大于 0（当前：${reach.zh}）。请填写达到该等级所需的成长值。`,
      en: `The growth tier ${input.tier.en} needs a reach threshold above 0 (now: ${reach.en}). Enter the growth value that reaches this tier.`,
    }
  }
  return {
    zh: `${input.tier.zh} 的保级门槛（当前：${keep.zh}）必须介于 0 到升级门槛 ${reach.zh} 之间。请调整保级门槛。`,
    en: `${input.tier.en}'s keep threshold (now: ${keep.en}) must be between 0 and its reach threshold ${reach.en}. Adjust the keep threshold.`,
  }
}

/** Prices are numbered from 1, as the admin shows them; amounts are in 分. */
export type PriceProblem =
  | { problem: 'amount-invalid'; row: number; field: 'listPrice' | 'sellingPrice'; amount: number }
  | {
      problem: 'too-many-decimals'
      row: number
      field: 'listPrice' | 'sellingPrice'
      amount: number
    }
  | { problem: 'selling-above-list'; row: number; listPrice: number; sellingPrice: number }
  | { problem: 'period-twice'; row: number; firstRow: number; period: BillingPeriod }
  | { problem: 'period-unknown'; row: number }
  | { problem: 'missing' }
  | { problem: 'entry-not-free'; row: number }

export function priceInvalid(input: { tier: Localized } & PriceProblem): Localized {
  const t = input.tier
  switch (input.problem) {
    case 'amount-invalid': {
      const field = priceFieldWords[input.field]
      const amount = shownYuan(input.amount)
      return {
        zh: `${t.zh} 第 ${input.row} 个价格的${field.zh}（${amount.zh}）无效。请填写不小于 0 的金额（元），最多两位小数。`,
        en: `Price ${input.row} of ${t.en} has an invalid ${field.en} (${amount.en}). Enter an amount in yuan of at least 0, with at most two decimals.`,
      }
    }
    case 'too-many-decimals': {
      const field = priceFieldWords[input.field]
      const amount = shownYuan(input.amount)
      const rounded = shownYuan(Math.round(input.amount))
      return {
        zh: `${t.zh} 第 ${input.row} 个价格的${field.zh}（${amount.zh}）超过两位小数。价格以元为单位，最多精确到分（两位小数）：请改为例如 ${rounded.zh}。`,
        en: `Price ${input.row} of ${t.en} has a ${field.en} with more than two decimals (${amount.en}). Prices are in yuan, to the fen at most (two decimals): enter e.g. ${rounded.en}.`,
      }
    }
    case 'selling-above-list': {
      const selling = shownYuan(input.sellingPrice)
      const list = shownYuan(input.listPrice)
      return {
        zh: `${t.zh} 第 ${input.row} 个价格的售价 ${selling.zh} 元高于原价 ${list.zh} 元。售价不能高于原价：请降低售价或提高原价。`,
        en: `Price ${input.row} of ${t.en} sells at ${selling.en}, above its list price ${list.en}. Lower the selling price or raise the list price.`,
      }
    }
    case 'period-twice': {
      const period = billingPeriodWords[input.period]
      return {
        zh: `${t.zh} 的${period.zh}价格在第 ${input.firstRow} 个和第 ${input.row} 个价格中重复。每个计费周期只能有一个价格：请删除其中一个。`,
        en: `${t.en} has two ${period.en} prices (prices ${input.firstRow} and ${input.row}). Each billing period takes one price: remove one of them.`,
      }
    }
    case 'period-unknown':
      return {
        zh: `${t.zh} 第 ${input.row} 个价格没有有效的计费周期。请选择月付、季付或年付。`,
        en: `Price ${input.row} of ${t.en} has no valid billing period. Choose monthly, quarterly or annual.`,
      }
    case 'missing':
      return {
        zh: `付费等级 ${t.zh} 还没有价格。请至少填写一个计费周期的价格。`,
        en: `The paid tier ${t.en} has no price. Add a price for at least one billing period.`,
      }
    case 'entry-not-free':
      return {
        zh: `入门等级 ${t.zh} 是免费的，第 ${input.row} 个价格必须为 0。请删除该价格或改为 0。`,
        en: `The entry tier ${t.en} is free, so price ${input.row} must be 0. Remove the price or set it to 0.`,
      }
  }
}

const periodMonths: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, annual: 12 }

/** "¥3,900 a month" for a monthly price, "¥699 a year (¥58.25 a month)" for an annual one. */
function priceWithMonthly(amount: number, period: BillingPeriod, currency: string): Localized {
  const price = formatPriceLocalized(amount, currency)
  const monthly = formatPriceLocalized(Math.round(amount / periodMonths[period]), currency)
  const word = billingPeriodWords[period]
  if (period === 'monthly') return { zh: `${word.zh} ${price.zh}`, en: `${price.en} a month` }
  return {
    zh: `${word.zh} ${price.zh}（折合每月 ${monthly.zh}）`,
    en: `${price.en} ${period === 'annual' ? 'a year' : 'a quarter'} (${monthly.en} a month)`,
  }
}

/**
 * The 分-for-元 slip: an amount that is a whole multiple of 100 元 and would pass the check if it
 * were read as 分. `amount` is what was typed, in 分 as stored.
 */
function fenTypoHint(typo: boolean, amount: number, currency: string): Localized {
  if (!typo) return { zh: '', en: '' }
  const units = currencyUnits(currency)
  const typed = formatPriceLocalized(amount, currency)
  const meant = formatPriceLocalized(amount / 100, currency)
  return {
    zh: `是否把金额按“${units.minor.zh}”填写了？价格以${units.main.zh}为单位：${typed.zh} 若是 ${amount / 100} ${units.minor.zh}，应填 ${meant.zh}。`,
    en: ` Did you type the amount in ${units.minor.en} instead of ${units.main.en}? Prices are in ${units.main.en}: if you meant ${amount / 100} ${units.minor.en}, enter ${meant.en}, not ${typed.en}.`,
  }
}

const priceExceptionHint: Localized = {
  zh: '如确属有意为之，请填写“价格例外原因”。',
  en: 'If this is deliberate, write a price exception reason.',
}

/** A price per month above `membership-settings`' maximum: usually 分 typed as 元. */
export function priceAboveMaximum(input: {
  tier: Localized
  row: number
  field: 'listPrice' | 'sellingPrice'
  period: BillingPeriod
  amount: number
  /** 分 per month. */
  maximum: number
  currency: string
  fenTypo: boolean
}): Localized {
  const t = input.tier
  const field = priceFieldWords[input.field]
  const price = priceWithMonthly(input.amount, input.period, input.currency)
  const maximum = formatPriceLocalized(input.maximum, input.currency)
  const hint = fenTypoHint(input.fenTypo, input.amount, input.currency)
  return {
    zh: `${t.zh} 第 ${input.row} 个价格的${field.zh}为${price.zh}，超过“会员设置”中每月价格上限 ${maximum.zh}。${hint.zh}请按元填写正确的价格，或在“会员设置”中提高上限；${priceExceptionHint.zh}`,
    en: `Price ${input.row} of ${t.en} has a ${field.en} of ${price.en}, above the maximum of ${maximum.en} a month set in Membership settings.${hint.en} Enter the right price in yuan or raise the maximum in Membership settings. ${priceExceptionHint.en}`,
  }
}

/**
 * Within one tier: a longer period dearer per month than a shorter one (`dearer-per-month`, at the
 * longer price), or cheaper in total (`cheaper-in-total`, at the shorter price).
 */
export function pricePeriodInconsistent(input: {
  tier: Localized
  case: 'dearer-per-month' | 'cheaper-in-total'
  row: number
  period: BillingPeriod
  amount: number
  otherPeriod: BillingPeriod
  otherAmount: number
  currency: string
  fenTypo: boolean
}): Localized {
  const t = input.tier
  const price = priceWithMonthly(input.amount, input.period, input.currency)
  const other = priceWithMonthly(input.otherAmount, input.otherPeriod, input.currency)
  const period = billingPeriodWords[input.period]
  const otherPeriod = billingPeriodWords[input.otherPeriod]
  const hint = fenTypoHint(input.fenTypo, input.amount, input.currency)
  if (input.case === 'dearer-per-month') {
    return {
      zh: `${t.zh} 的${price.zh}，按月算比${other.zh} 还贵。周期越长，每月价格不应越高：请降低${period.zh}售价或提高${otherPeriod.zh}售价。${hint.zh}${priceExceptionHint.zh}`,
      en: `${t.en} sells ${period.en} at ${price.en}, dearer per month than ${otherPeriod.en} at ${other.en}. A longer period never costs more per month: lower the ${period.en} selling price or raise the ${otherPeriod.en} one.${hint.en} ${priceExceptionHint.en}`,
    }
  }
  return {
    zh: `${t.zh} 的${price.zh}，比更长周期的${other.zh}总价还高，没有人会选${period.zh}。更长的周期总价不应更低：请检查${period.zh}售价。${hint.zh}${priceExceptionHint.zh}`,
    en: `${t.en} sells ${period.en} at ${price.en}, more in total than the longer ${otherPeriod.en} price of ${other.en}, so nobody would buy ${period.en}. A longer period never costs less in total: check the ${period.en} selling price.${hint.en} ${priceExceptionHint.en}`,
  }
}

/** Across tiers, for one billing period: a higher tier must sell for more than a lower one. */
export function priceTierOrder(input: {
  against: Against
  tier: Localized
  other: Localized
  row: number
  period: BillingPeriod
  amount: number
  otherAmount: number
  currency: string
  fenTypo: boolean
}): Localized {
  const { tier: t, other: o } = input
  const period = billingPeriodWords[input.period]
  const price = formatPriceLocalized(input.amount, input.currency)
  const other = formatPriceLocalized(input.otherAmount, input.currency)
  const hint = fenTypoHint(input.fenTypo, input.amount, input.currency)
  if (input.against === 'lower') {
    return {
      zh: `${t.zh} 的${period.zh}售价 ${price.zh} 不高于更低等级 ${o.zh} 的 ${other.zh}。同一计费周期内，高等级必须比低等级贵：请提高 ${t.zh} 的售价或降低 ${o.zh} 的售价。${hint.zh}${priceExceptionHint.zh}`,
      en: `${t.en} sells ${period.en} at ${price.en}, no more than the lower tier ${o.en} at ${other.en}. For each billing period a higher tier costs more: raise ${t.en}'s selling price or lower ${o.en}'s.${hint.en} ${priceExceptionHint.en}`,
    }
  }
  return {
    zh: `${t.zh} 的${period.zh}售价 ${price.zh} 不低于更高等级 ${o.zh} 的 ${other.zh}。同一计费周期内，高等级必须比低等级贵：请降低 ${t.zh} 的售价或提高 ${o.zh} 的售价。${hint.zh}${priceExceptionHint.zh}`,
    en: `${t.en} sells ${period.en} at ${price.en}, no less than the higher tier ${o.en} at ${other.en}. For each billing period a higher tier costs more: lower ${t.en}'s selling price or raise ${o.en}'s.${hint.en} ${priceExceptionHint.en}`,
  }
}

type NamedRank = { name: Localized; rank: number }

export type SuccessorProblem =
  | { problem: 'missing' }
  | { problem: 'self' }
  | { problem: 'not-found'; successorId: string }
  | { problem: 'archived'; successor: Localized }
  | { problem: 'unpublished'; successor: Localized }
  | { problem: 'ranked-below'; successor: NamedRank; rank: number }
  | { problem: 'honorary'; successor: Localized }

/** An archived tier's successor (docs/rules.md rule 6). */
export function successorInvalid(input: { tier: Localized } & SuccessorProblem): Localized {
  const t = input.tier
  const choose: Localized = {
    zh: '请选择另一个已发布、未归档且不低于它的等级。',
    en: 'Choose another tier that is published, not archived and not ranked below it.',
  }
  switch (input.problem) {
    case 'missing':
      return {
        zh: `归档 ${t.zh} 前，请选择其会员在周期结束后转入的等级。`,
        en: `Before archiving ${t.en}, choose the tier its members move to when their period ends.`,
      }
    case 'self':
      return {
        zh: `${t.zh} 不能把自己设为归档后的转入等级：会员将无处可去。${choose.zh}`,
        en: `${t.en} cannot be its own successor: its members would have nowhere to go. ${choose.en}`,
      }
    case 'not-found':
      return {
        zh: `${t.zh} 的转入等级（${input.successorId}）不存在或已被删除。${choose.zh}`,
        en: `The tier ${t.en} hands its members to (${input.successorId}) does not exist or was deleted. ${choose.en}`,
      }
    case 'archived':
      return {
        zh: `转入等级 ${input.successor.zh} 也已归档，不再接收会员。${choose.zh}`,
        en: `${input.successor.en} is archived too and takes no members. ${choose.en}`,
      }
    case 'unpublished':
      return {
        zh: `转入等级 ${input.successor.zh} 还没有发布，会员无法转入。请先发布它，或选择另一个已发布、未归档且不低于 ${t.zh} 的等级。`,
        en: `${input.successor.en} is not published yet, so members cannot move to it. Publish it first, or choose another published, non-archived tier not ranked below ${t.en}.`,
      }
    case 'ranked-below':
      return {
        zh: `转入等级 ${input.successor.name.zh}（序号 ${input.successor.rank}）低于 ${t.zh}（序号 ${input.rank}）：付费会员会被降级。${choose.zh}`,
        en: `${input.successor.name.en} (rank ${input.successor.rank}) ranks below ${t.en} (rank ${input.rank}): paying members would be downgraded. ${choose.en}`,
      }
    case 'honorary':
      return {
        zh: `${input.successor.zh} 是荣誉等级，只能授予、不能购买或续费，不能接收 ${t.zh} 的付费会员。${choose.zh}`,
        en: `${input.successor.en} is an honorary tier, granted rather than bought or renewed, so it cannot take ${t.en}'s paying members. ${choose.en}`,
      }
  }
}

const quotaPeriodWords: Record<QuotaPeriod, Localized> = {
  day: { zh: '每天', en: 'per day' },
  week: { zh: '每周', en: 'per week' },
  month: { zh: '每月', en: 'per month' },
  'billing-period': { zh: '每个会员周期', en: 'per billing period' },
}

const durationUnitWords: Record<DurationUnit, Localized> = {
  minute: { zh: '分钟', en: 'minutes' },
  hour: { zh: '小时', en: 'hours' },
  day: { zh: '天', en: 'days' },
}

/** A used benefit's quota period or duration unit is part of what its values mean (rule 4). */
export function meaningChangeInUse(
  input: { benefit: Localized; tiers: NamedReferences } & (
    | { field: 'quotaPeriod'; from: QuotaPeriod; to: QuotaPeriod }
    | { field: 'durationUnit'; from: DurationUnit; to: DurationUnit }
  ),
): Localized {
  const tiers = referenceNames(input.tiers)
  const b = input.benefit
  const [from, to, what]: [Localized, Localized, Localized] =
    input.field === 'quotaPeriod'
      ? [
          quotaPeriodWords[input.from],
          quotaPeriodWords[input.to],
          { zh: '额度周期', en: 'quota period' },
        ]
      : [
          durationUnitWords[input.from],
          durationUnitWords[input.to],
          { zh: '时长单位', en: 'duration unit' },
        ]
  return {
    zh: `${tiers.zh} 正在使用「${b.zh}」，它的${what.zh}不能从“${from.zh}”改为“${to.zh}”：这会立即、悄悄地改变这些等级给会员的权益。请保留原${what.zh}；如需新的${what.zh}，请新建一个权益，并在各等级中换用它。`,
    en: `${input.tiers.count === 1 ? `${tiers.en} uses` : `${tiers.en} use`} "${b.en}", so its ${what.en} cannot change from ${from.en} to ${to.en}: that would silently change what those tiers give members, at once. Keep the ${what.en}, or create a new benefit with the new one and switch the tiers to it.`,
  }
}

export function shapeChangeInUse(input: {
  benefit: Localized
  from: ValueKind
  to: ValueKind
  tiers: readonly Localized[]
}): Localized {
  const tiers = joinNames(input.tiers)
  const from = valueKindWords[input.from]
  const to = valueKindWords[input.to]
  return {
    zh: `${tiers.zh} 正在使用「${input.benefit.zh}」，它的取值方式不能从“${from.zh}”改为“${to.zh}”。请保留原取值方式；如需新的取值方式，请新建一个权益。`,
    en: `${tiers.en} ${input.tiers.length === 1 ? 'uses' : 'use'} "${input.benefit.en}", so its value shape cannot change from ${from.en} to ${to.en}. Keep the shape, or create a new benefit with the new one.`,
  }
}

export function levelOptionInUse(input: {
  benefit: Localized
  option: LevelOption
  tiers: readonly Localized[]
}): Localized {
  const tiers = joinNames(input.tiers)
  const { key, label } = input.option
  return {
    zh: `${tiers.zh} 的「${input.benefit.zh}」使用等级 “${label.zh || key}”（${key}），不能删除这个选项。请先修改这些等级的取值，或保留该选项。`,
    en: `${tiers.en} ${input.tiers.length === 1 ? 'grants' : 'grant'} the level "${label.en || key}" (${key}) of "${input.benefit.en}", so the option cannot be removed. Change ${input.tiers.length === 1 ? 'that tier' : 'those tiers'} first, or keep the option.`,
  }
}

export function keyChangeInUse(input: {
  before: string
  after: string
  users: NamedReferences
}): Localized {
  const users = referenceNames(input.users)
  return {
    zh: `机器键 “${input.before}” 已被 ${users.zh} 使用，前端依赖它，不能改成 “${input.after}”。如需新键，请新建一个权益。`,
    en: `The key "${input.before}" is used by ${users.en} and frontends rely on it; it cannot become "${input.after}". Create a new benefit if you need a new key.`,
  }
}

/** Members who still receive a benefit through tier versions they paid for (rule 7). */
export type BenefitHoldings = {
  members: number
  versions: NamedReferences
  /** The last paid period among them ends then. */
  until: Date | null
  timeZone: string
}

/** A calendar date in the platform's time zone, e.g. 2026-12-01. */
const calendarDate = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date)

/** Why a benefit cannot be deleted: the tiers, support grants and held tier versions using it. */
export function benefitInUse(input: {
  users: NamedReferences
  grants?: { count: number; examples: readonly string[] }
  holdings?: BenefitHoldings
}): Localized {
  const parts: Localized[] = []
  if (input.users.count > 0) {
    const names = referenceNames(input.users)
    parts.push({
      zh: `${input.users.count} 个等级使用它（${names.zh}）`,
      en: `${countOf(input.users.count, 'tier')} ${input.users.count === 1 ? 'grants' : 'grant'} it (${names.en})`,
    })
  }
  const grants = input.grants
  if (grants && grants.count > 0) {
    const more = grants.count > grants.examples.length
    const members = grants.examples.join(', ')
    parts.push({
      zh: `${grants.count} 条客服赠送引用它（会员 ${grants.examples.join('、')}${more ? ' 等' : ''}）`,
      en: `${countOf(grants.count, 'support grant')} ${grants.count === 1 ? 'refers' : 'refer'} to it (${grants.examples.length === 1 ? 'member' : 'members'} ${members}${more ? ', …' : ''})`,
    })
  }
  const holdings = input.holdings
  if (holdings && holdings.members > 0) {
    const versions = referenceNames(holdings.versions)
    const until = holdings.until ? calendarDate(holdings.until, holdings.timeZone) : null
    parts.push({
      zh: `${holdings.members} 名付费会员仍通过 ${holdings.versions.count} 个等级版本（${versions.zh}）享有它，直到付费周期结束${until ? `（最晚 ${until}）` : ''}`,
      en: `${countOf(holdings.members, 'paying member')} still ${holdings.members === 1 ? 'holds' : 'hold'} it through ${countOf(holdings.versions.count, 'tier version')} (${versions.en}) until ${holdings.members === 1 ? 'their paid period ends' : 'their paid periods end'}${until ? ` (${until} at the latest)` : ''}`,
    })
  }
  return {
    zh: `这个权益不能删除：${parts.map((part) => part.zh).join('；')}。请先移除这些引用，或把状态改为“已归档”。`,
    en: `This benefit cannot be deleted: ${parts.map((part) => part.en).join('; ')}. Remove those references first, or set its status to Archived.`,
  }
}

export function accessTierInUse(input: {
  by: 'courses' | 'tiers'
  references: NamedReferences
}): Localized {
  const { count } = input.references
  const names = referenceNames(input.references)
  if (input.by === 'courses') {
    return {
      zh: `有 ${count} 门课程属于这个层级（${names.zh}），不能删除。请先把课程移到其他层级，或把状态改为“已归档”。`,
      en: `${countOf(count, 'course')} ${count === 1 ? 'belongs' : 'belong'} to this access tier (${names.en}), so it cannot be deleted. Move ${count === 1 ? 'it' : 'them'} to another tier first, or set its status to Archived.`,
    }
  }
  return {
    zh: `${count} 个会员等级开放了这个层级（${names.zh}），不能删除。请先在这些等级中取消它，或把状态改为“已归档”。`,
    en: `${countOf(count, 'tier')} ${count === 1 ? 'opens' : 'open'} this access tier (${names.en}), so it cannot be deleted. Remove it from ${count === 1 ? 'that tier' : 'those tiers'} first, or set its status to Archived.`,
  }
}

/** The builder for each code; the `satisfies` fails to compile when a code has none. */
export const findingMessages = {
  'rank-not-unique': rankNotUnique,
  'slug-not-unique': slugNotUnique,
  'entry-tier-missing': entryTierMissing,
  'entry-tier-not-unique': entryTierNotUnique,
  'entry-tier-not-lowest': entryTierNotLowest,
  'honorary-tier-has-rank-conflict': honoraryTierHasRankConflict,
  'benefit-listed-twice': benefitListedTwice,
  'benefit-unknown': benefitUnknown,
  'value-wrong-shape': valueWrongShape,
  'value-out-of-range': valueOutOfRange,
  'level-unknown': levelUnknown,
  'gradient-benefit-lower': gradientBenefitLower,
  'gradient-access-missing': gradientAccessMissing,
  'adjacent-tiers-identical': adjacentTiersIdentical,
  'growth-thresholds-invalid': growthThresholdsInvalid,
  'price-invalid': priceInvalid,
  'price-above-maximum': priceAboveMaximum,
  'price-period-inconsistent': pricePeriodInconsistent,
  'price-tier-order': priceTierOrder,
  'successor-invalid': successorInvalid,
  'shape-change-in-use': shapeChangeInUse,
  'meaning-change-in-use': meaningChangeInUse,
  'level-option-in-use': levelOptionInUse,
  'key-change-in-use': keyChangeInUse,
  'benefit-in-use': benefitInUse,
  'access-tier-in-use': accessTierInUse,
} as const satisfies Record<FindingCode, (input: never) => Localized>
