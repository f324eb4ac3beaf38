// What a benefit value means: the "not granted" value, how two values compare, and whether a value
// fits its benefit's shape and range (docs/rules.md rules 2 and 4).
import { levelUnknown, valueOutOfRange, valueWrongShape, type AllowedRange } from './messages'
import type {
  BenefitDefinition,
  BenefitValue,
  Finding,
  Localized,
  ValueKind,
  ValueShape,
} from './types'

/** What "the tier does not grant this benefit" means for each shape: it ranks below every valid value. */
export function emptyValue(shape: ValueShape): BenefitValue {
  switch (shape.kind) {
    case 'flag':
      return { kind: 'flag', enabled: false }
    case 'quota':
    case 'limit':
      return { kind: shape.kind, unlimited: false, amount: 0 }
    case 'level':
      return { kind: 'level', level: '' }
    case 'percentage':
      return { kind: 'percentage', percent: 0 }
    case 'duration':
      return { kind: 'duration', amount: Number.POSITIVE_INFINITY }
  }
}

/**
 * The value as the shape reads it: a value of another kind, or a number that is missing (NaN, as
 * the adapter reads an empty field), counts as not granted, so comparing and formatting never
 * trip over half-filled rows.
 */
export function normalizeValue(shape: ValueShape, value: BenefitValue): BenefitValue {
  if (value.kind !== shape.kind) return emptyValue(shape)
  switch (value.kind) {
    case 'quota':
    case 'limit':
    case 'duration':
      return !('unlimited' in value && value.unlimited) && Number.isNaN(value.amount)
        ? emptyValue(shape)
        : value
    case 'percentage':
      return Number.isNaN(value.percent) ? emptyValue(shape) : value
    default:
      return value
  }
}

/** One number per value, larger = grants more; only meaningful within one shape. */
function grantScore(shape: ValueShape, value: BenefitValue): number {
  const normalized = normalizeValue(shape, value)
  switch (normalized.kind) {
    case 'flag':
      return normalized.enabled ? 1 : 0
    case 'quota':
    case 'limit':
      return normalized.unlimited ? Number.POSITIVE_INFINITY : normalized.amount
    case 'level':
      return shape.kind === 'level'
        ? shape.options.findIndex((option) => option.key === normalized.level)
        : -1
    case 'percentage':
      return normalized.percent
    case 'duration':
      // Shorter is better, so the score is the negated time.
      return -normalized.amount
  }
}

/** Negative when `a` grants less than `b`, 0 when equal, positive when `a` grants more. */
export function compareValues(shape: ValueShape, a: BenefitValue, b: BenefitValue): number {
  const scoreA = grantScore(shape, a)
  const scoreB = grantScore(shape, b)
  // Compared rather than subtracted: Infinity - Infinity is NaN.
  return scoreA < scoreB ? -1 : scoreA > scoreB ? 1 : 0
}

/** True when the value grants nothing more than a tier without the benefit. */
export function grantsNothing(shape: ValueShape, value: BenefitValue): boolean {
  return compareValues(shape, value, emptyValue(shape)) <= 0
}

/** The Payload field of a tier's benefit row that holds a value of this kind. */
export function valueFieldName(kind: ValueKind): string {
  switch (kind) {
    case 'flag':
      return 'enabled'
    case 'quota':
    case 'limit':
    case 'duration':
      return 'amount'
    case 'level':
      return 'level'
    case 'percentage':
      return 'percent'
  }
}

/** The numbers a value of this shape may take; undefined for shapes without an amount. */
export function allowedRange(shape: ValueShape): AllowedRange | undefined {
  switch (shape.kind) {
    case 'quota':
      return {
        min: 0,
        max: shape.max ?? Number.POSITIVE_INFINITY,
        integer: true,
        minExclusive: false,
      }
    case 'limit':
      // A negative ceiling would rank below "not granted" (0), so limits start at 0.
      return {
        min: Math.max(0, shape.min ?? 0),
        max: shape.max ?? Number.POSITIVE_INFINITY,
        integer: false,
        minExclusive: false,
      }
    case 'percentage':
      return {
        min: Math.max(0, shape.min ?? 0),
        max: Math.min(100, shape.max ?? 100),
        integer: false,
        minExclusive: false,
      }
    case 'duration': {
      // A zero wait is not a real promise, so durations must be strictly positive.
      const positiveMin = shape.min !== undefined && shape.min > 0
      return {
        min: positiveMin ? (shape.min ?? 0) : 0,
        max: shape.max ?? Number.POSITIVE_INFINITY,
        integer: false,
        minExclusive: !positiveMin,
      }
    }
    default:
      return undefined
  }
}

export function isWithinRange(range: AllowedRange, amount: number): boolean {
  if (!Number.isFinite(amount)) return false
  if (range.integer && !Number.isInteger(amount)) return false
  if (range.minExclusive ? amount <= range.min : amount < range.min) return false
  return amount <= range.max
}

/** The amount a range check applies to, or undefined when the value has none (or is unlimited). */
function checkedAmount(value: BenefitValue): number | undefined {
  switch (value.kind) {
    case 'quota':
    case 'limit':
      return value.unlimited ? undefined : value.amount
    case 'percentage':
      return value.percent
    case 'duration':
      return value.amount
    default:
      return undefined
  }
}

/** Whether one tier's value fits its benefit's shape and range (docs/rules.md rule 4). */
export function valueFindings(args: {
  benefit: BenefitDefinition
  value: BenefitValue
  /** The tier's benefit row, e.g. `benefits.2`; the value field is appended. */
  path: string
  tierName: Localized
}): Finding[] {
  const { benefit, value, tierName } = args
  const shape = benefit.shape
  const path = `${args.path}.${valueFieldName(shape.kind)}`

  if (value.kind !== shape.kind) {
    return [
      {
        code: 'value-wrong-shape',
        path,
        message: valueWrongShape({ tier: tierName, benefit: benefit.name, expected: shape.kind }),
      },
    ]
  }
  if (value.kind === 'level' && shape.kind === 'level') {
    const known = shape.options.some((option) => option.key === value.level)
    return known
      ? []
      : [
          {
            code: 'level-unknown',
            path,
            message: levelUnknown({
              tier: tierName,
              benefit: benefit.name,
              level: value.level,
              options: shape.options,
            }),
          },
        ]
  }
  const range = allowedRange(shape)
  const amount = checkedAmount(value)
  if (range === undefined || amount === undefined || isWithinRange(range, amount)) return []
  return [
    {
      code: 'value-out-of-range',
      path,
      message: valueOutOfRange({
        tier: tierName,
        benefit: benefit.name,
        entered: amount,
        range,
        unlimitedAllowed: shape.kind === 'quota' || shape.kind === 'limit',
      }),
    },
  ]
}
