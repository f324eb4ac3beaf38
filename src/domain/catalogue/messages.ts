// Every finding's message in Chinese and English: what is wrong, which objects, how to fix it.
// One builder per FindingCode; `findingMessages` proves at compile time that none is missing.
import {
  notGrantedDisplay,
  type BillingPeriod,
  type FindingCode,
  type LevelOption,
  type Localized,
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

/** Prices are stored in 分 but edited in 元. */
const shownYuan = (fen: number): Localized =>
  Number.isNaN(fen) ? shownNumber(fen) : shownNumber(Number((fen / 100).toFixed(2)))

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
    en: `${tiers.en} use "${input.benefit.en}", so its value shape cannot change from ${from.en} to ${to.en}. Keep the shape, or create a new benefit with the new one.`,
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
    en: `${tiers.en} grant the level "${label.en || key}" (${key}) of "${input.benefit.en}", so the option cannot be removed. Change those tiers first, or keep the option.`,
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

export function benefitInUse(input: { users: NamedReferences }): Localized {
  const users = referenceNames(input.users)
  return {
    zh: `这个权益正被 ${input.users.count} 个等级使用（${users.zh}），不能删除。请先从这些等级中移除它，或把状态改为“已归档”。`,
    en: `This benefit is used by ${input.users.count} tier(s) (${users.en}) and cannot be deleted. Remove it from those tiers first, or set its status to Archived.`,
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
      en: `${count} course(s) belong to this access tier (${names.en}), so it cannot be deleted. Move them to another tier first, or set its status to Archived.`,
    }
  }
  return {
    zh: `${count} 个会员等级开放了这个层级（${names.zh}），不能删除。请先在这些等级中取消它，或把状态改为“已归档”。`,
    en: `${count} tier(s) open this access tier (${names.en}), so it cannot be deleted. Remove it from those tiers first, or set its status to Archived.`,
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
  'shape-change-in-use': shapeChangeInUse,
  'level-option-in-use': levelOptionInUse,
  'key-change-in-use': keyChangeInUse,
  'benefit-in-use': benefitInUse,
  'access-tier-in-use': accessTierInUse,
} as const satisfies Record<FindingCode, (input: never) => Localized>
