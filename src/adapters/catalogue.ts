// Payload catalogue documents (read with locale 'all', depth 0) <-> domain types.
import type {
  BenefitCategory,
  BenefitDefinition,
  BenefitValue,
  BillingPeriod,
  CourseAccessTierDefinition,
  DurationUnit,
  Locale,
  Localized,
  QuotaPeriod,
  TierBenefitGrant,
  TierDefinition,
  TierKind,
  TierPrice,
  ValueKind,
  ValueShape,
} from '../domain/catalogue/types'

type Doc = Record<string, unknown>

const asDoc = (value: unknown): Doc =>
  value && typeof value === 'object' ? (value as Doc) : ({} as Doc)

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

const optionalNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

/**
 * A localized field as both languages. Read with locale 'all' it is `{ zh, en }`; read in one
 * locale it is a string, used for both. A missing language falls back to the other one.
 */
export function toLocalized(value: unknown): Localized {
  if (typeof value === 'string') return { zh: value, en: value }
  const doc = asDoc(value)
  const zh = text(doc.zh)
  const en = text(doc.en)
  return { zh: zh || en, en: en || zh }
}

/**
 * A name as it will read after an edit: the edit carries the edited locale only (`editorLocale`),
 * the other language comes from the stored document.
 */
export function editedName(stored: unknown, edited: unknown, editorLocale: unknown): Localized {
  const before = toLocalized(stored)
  const locale = editorLocale === 'en' ? 'en' : 'zh'
  return { ...before, [locale]: toLocalized(edited)[locale] || before[locale] }
}

/** A relationship value as an id, whether populated or not. */
export function relationId(value: unknown): string | null {
  if (typeof value === 'string' && value) return value
  if (typeof value === 'number') return String(value)
  const doc = asDoc(value)
  return doc.id === undefined || doc.id === null ? null : String(doc.id)
}

export function shapeFromDoc(input: object): ValueShape {
  const doc = input as Doc
  const min = optionalNumber(doc.minimum)
  const max = optionalNumber(doc.maximum)
  const bounds = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
  switch (doc.valueShape as ValueKind) {
    case 'quota':
      return {
        kind: 'quota',
        period: (text(doc.quotaPeriod) || 'month') as QuotaPeriod,
        ...(max === undefined ? {} : { max }),
      }
    case 'limit':
      return { kind: 'limit', ...bounds }
    case 'level':
      return {
        kind: 'level',
        options: (Array.isArray(doc.levels) ? doc.levels : []).map((level) => ({
          key: text(asDoc(level).key),
          label: toLocalized(asDoc(level).label),
        })),
      }
    case 'percentage':
      return { kind: 'percentage', ...bounds }
    case 'duration':
      return {
        kind: 'duration',
        unit: (text(doc.durationUnit) || 'hour') as DurationUnit,
        ...bounds,
      }
    default:
      return { kind: 'flag' }
  }
}

/** The benefit document fields for a value shape, in one locale (inverse of shapeFromDoc). */
export function shapeToFields(shape: ValueShape, locale: Locale) {
  switch (shape.kind) {
    case 'quota':
      return { valueShape: 'quota', quotaPeriod: shape.period, maximum: shape.max }
    case 'limit':
    case 'percentage':
      return { valueShape: shape.kind, minimum: shape.min, maximum: shape.max }
    case 'duration':
      return {
        valueShape: 'duration',
        durationUnit: shape.unit,
        minimum: shape.min,
        maximum: shape.max,
      }
    case 'level':
      return {
        valueShape: 'level',
        levels: shape.options.map((option) => ({ key: option.key, label: option.label[locale] })),
      }
    default:
      return { valueShape: 'flag' }
  }
}

export function benefitFromDoc(input: object): BenefitDefinition {
  const doc = input as Doc
  return {
    id: String(doc.id ?? ''),
    key: text(doc.key),
    name: toLocalized(doc.name),
    unit: toLocalized(doc.unit),
    category: text(doc.category) as BenefitCategory,
    shape: shapeFromDoc(doc),
  }
}

/** A tier's benefit row as the value its benefit's shape expects. */
export function valueFromRow(row: Doc, kind: ValueKind | undefined): BenefitValue {
  const amount = typeof row.amount === 'number' ? row.amount : Number.NaN
  switch (kind) {
    case 'quota':
    case 'limit':
      return {
        kind,
        unlimited: row.unlimited === true,
        amount: row.unlimited === true ? 0 : amount,
      }
    case 'level':
      return { kind: 'level', level: text(row.level) }
    case 'percentage':
      return {
        kind: 'percentage',
        percent: typeof row.percent === 'number' ? row.percent : Number.NaN,
      }
    case 'duration':
      return { kind: 'duration', amount }
    default:
      return { kind: 'flag', enabled: row.enabled === true }
  }
}

/** The Payload row fields for a domain value (used by the seed). */
export function rowFromValue(value: BenefitValue): Doc {
  switch (value.kind) {
    case 'flag':
      return { enabled: value.enabled }
    case 'quota':
    case 'limit':
      return value.unlimited ? { unlimited: true } : { amount: value.amount, unlimited: false }
    case 'level':
      return { level: value.level }
    case 'percentage':
      return { percent: value.percent }
    case 'duration':
      return { amount: value.amount }
  }
}

/** 元 as typed -> 分, rounded to whole 分 (what members pay). */
const yuanToFen = (value: unknown): number =>
  typeof value === 'number' ? Math.round(value * 100) : Number.NaN

/**
 * 元 as typed -> 分 without rounding away a third decimal (39.999 -> 3999.9), so the publish check
 * can refuse it; binary noise is dropped (19.9 * 100 = 1990.0000000000002 -> 1990).
 */
export const yuanToExactFen = (value: unknown): number =>
  typeof value === 'number' ? Number((value * 100).toFixed(6)) : Number.NaN

export function tierFromDoc(
  input: object,
  benefitKinds: ReadonlyMap<string, ValueKind>,
  options: { exactPrices?: boolean } = {},
): TierDefinition {
  const doc = input as Doc
  const toFen = options.exactPrices ? yuanToExactFen : yuanToFen
  const prices: TierPrice[] = (Array.isArray(doc.prices) ? doc.prices : []).map((entry) => {
    const row = asDoc(entry)
    return {
      period: text(row.period) as BillingPeriod,
      listPrice: toFen(row.listPrice),
      sellingPrice: toFen(row.sellingPrice),
    }
  })
  const benefits: TierBenefitGrant[] = (Array.isArray(doc.benefits) ? doc.benefits : []).map(
    (entry) => {
      const row = asDoc(entry)
      const benefitId = relationId(row.benefit) ?? ''
      const reason = text(row.exceptionReason).trim()
      return {
        benefitId,
        value: valueFromRow(row, benefitKinds.get(benefitId)),
        ...(reason ? { exceptionReason: reason } : {}),
      }
    },
  )
  const growth = asDoc(doc.growth)
  const accessReason = text(doc.accessExceptionReason).trim()
  const priceReason = text(doc.priceExceptionReason).trim()
  return {
    id: String(doc.id ?? ''),
    slug: text(doc.slug),
    name: toLocalized(doc.name),
    rank: typeof doc.rank === 'number' ? doc.rank : Number.NaN,
    kind: (text(doc.kind) || 'paid') as TierKind,
    prices,
    ...(doc.kind === 'growth'
      ? {
          growth: {
            reach: Number(growth.reach ?? Number.NaN),
            keep: Number(growth.keep ?? Number.NaN),
          },
        }
      : {}),
    benefits,
    accessTierIds: (Array.isArray(doc.accessTiers) ? doc.accessTiers : [])
      .map(relationId)
      .filter((id): id is string => id !== null),
    ...(accessReason ? { accessExceptionReason: accessReason } : {}),
    ...(priceReason ? { priceExceptionReason: priceReason } : {}),
  }
}

export function accessTierFromDoc(input: object): CourseAccessTierDefinition {
  const doc = input as Doc
  return {
    id: String(doc.id ?? ''),
    rank: typeof doc.rank === 'number' ? doc.rank : Number.NaN,
    name: toLocalized(doc.name),
  }
}
