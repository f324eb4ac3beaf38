// Benefit values and prices as members and editors read them, in Chinese or English.
import {
  notGrantedDisplay,
  type BenefitDefinition,
  type BenefitValue,
  type DurationUnit,
  type Locale,
  type Localized,
  type QuotaPeriod,
} from './types'
import { singularOf } from './english'
import { normalizeValue } from './values'

const included: Localized = { zh: '有', en: 'Included' }
const unlimited: Localized = { zh: '不限', en: 'Unlimited' }
const free: Localized = { zh: '免费', en: 'Free' }

const quotaPeriodWords: Record<QuotaPeriod, Localized> = {
  day: { zh: '每天', en: 'day' },
  week: { zh: '每周', en: 'week' },
  month: { zh: '每月', en: 'month' },
  'billing-period': { zh: '每个会员周期', en: 'billing period' },
}

const durationUnitWords: Record<DurationUnit, Localized> = {
  minute: { zh: '分钟', en: 'min' },
  hour: { zh: '小时', en: 'h' },
  day: { zh: '天', en: 'day' },
}

/** Up to two decimals, without trailing zeros or binary noise (100 - 85 = 15.000000000000002). */
const plainNumber = (value: number): string => String(Number(value.toFixed(2)))

/** The unit as read with `amount`: English units are singular for exactly 1. */
const unitFor = (amount: number, unit: string, locale: Locale): string =>
  locale === 'en' && amount === 1 ? singularOf(unit) : unit

/** `500 次`, `500 sessions`, `1 session`, or just `500` when the benefit has no unit. */
const withUnit = (amount: number, unit: string): string =>
  unit ? `${plainNumber(amount)} ${unit}` : plainNumber(amount)

/** 20 % off is 8折 (pay eight tenths); 15 % off is 8.5折. */
const chineseDiscount = (percent: number): string => `${plainNumber((100 - percent) / 10)}折`

function formatDuration(amount: number, unit: DurationUnit, locale: Locale): string {
  const number = plainNumber(amount)
  if (locale === 'zh') return `${number} ${durationUnitWords[unit].zh}内`
  if (unit === 'day') return `within ${number} ${amount === 1 ? 'day' : 'days'}`
  return `within ${number} ${durationUnitWords[unit].en}`
}

/** A tier's value for a benefit as shown on a pricing page; `—` when it grants nothing. */
export function formatValue(
  benefit: BenefitDefinition,
  value: BenefitValue,
  locale: Locale,
): string {
  const shape = benefit.shape
  const normalized = normalizeValue(shape, value)
  const amount = 'amount' in normalized ? normalized.amount : Number.NaN
  const unit = unitFor(amount, benefit.unit[locale], locale)
  switch (normalized.kind) {
    case 'flag':
      return normalized.enabled ? included[locale] : notGrantedDisplay
    case 'quota': {
      if (normalized.unlimited) return unlimited[locale]
      if (normalized.amount === 0 || shape.kind !== 'quota') return notGrantedDisplay
      const period = quotaPeriodWords[shape.period]
      return locale === 'zh'
        ? `${period.zh} ${withUnit(normalized.amount, unit)}`
        : `${withUnit(normalized.amount, unit)} / ${period.en}`
    }
    case 'limit':
      if (normalized.unlimited) return unlimited[locale]
      return normalized.amount === 0 ? notGrantedDisplay : withUnit(normalized.amount, unit)
    case 'level': {
      if (normalized.level === '') return notGrantedDisplay
      const option =
        shape.kind === 'level'
          ? shape.options.find((candidate) => candidate.key === normalized.level)
          : undefined
      // An unknown key is shown as typed, so the editor can recognise the mistake.
      return option?.label[locale] || normalized.level
    }
    case 'percentage':
      if (normalized.percent === 0) return notGrantedDisplay
      if (normalized.percent >= 100) return free[locale]
      return locale === 'zh'
        ? chineseDiscount(normalized.percent)
        : `${plainNumber(normalized.percent)}% off`
    case 'duration':
      if (!Number.isFinite(normalized.amount) || shape.kind !== 'duration') return notGrantedDisplay
      return formatDuration(normalized.amount, shape.unit, locale)
  }
}

/** Both languages at once, for messages that carry the value in either. */
export function formatValueLocalized(benefit: BenefitDefinition, value: BenefitValue): Localized {
  return { zh: formatValue(benefit, value, 'zh'), en: formatValue(benefit, value, 'en') }
}

export { formatPrice } from './money'
