// fast-check generators for value shapes and values, valid and otherwise.
import fc from 'fast-check'

import {
  durationUnits,
  quotaPeriods,
  type BenefitDefinition,
  type BenefitValue,
  type ValueShape,
} from '../../../src/domain/catalogue/types'

const levelKeys = fc.uniqueArray(fc.constantFrom('720p', '1080p', '4k', 'a', 'b', 'c', 'd'), {
  minLength: 1,
  maxLength: 5,
})

export const shapeArbitrary: fc.Arbitrary<ValueShape> = fc.oneof(
  fc.constant<ValueShape>({ kind: 'flag' }),
  fc
    .record({
      period: fc.constantFrom(...quotaPeriods),
      max: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    })
    .map(({ period, max }): ValueShape => ({
      kind: 'quota',
      period,
      ...(max === undefined ? {} : { max }),
    })),
  fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1000 }))
    .map(([min, span]): ValueShape => ({ kind: 'limit', min, max: min + span })),
  levelKeys.map((keys): ValueShape => ({
    kind: 'level',
    options: keys.map((key) => ({ key, label: { zh: `${key} 级`, en: `${key} level` } })),
  })),
  fc
    .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))
    .map(([min, span]): ValueShape => ({ kind: 'percentage', min, max: min + span })),
  fc
    .tuple(
      fc.constantFrom(...durationUnits),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 0, max: 100 }),
    )
    .map(([unit, min, span]): ValueShape => ({ kind: 'duration', unit, min, max: min + span })),
)

/** Values that fit the shape and its range (valueFindings returns nothing for them). */
export function validValueArbitrary(shape: ValueShape): fc.Arbitrary<BenefitValue> {
  switch (shape.kind) {
    case 'flag':
      return fc.boolean().map((enabled): BenefitValue => ({ kind: 'flag', enabled }))
    case 'quota':
      return fc.oneof(
        fc
          .integer({ min: 0, max: shape.max ?? 1000 })
          .map((amount): BenefitValue => ({ kind: 'quota', unlimited: false, amount })),
        fc.constant<BenefitValue>({ kind: 'quota', unlimited: true, amount: 0 }),
      )
    case 'limit':
      return fc.oneof(
        fc
          .integer({ min: Math.max(0, shape.min ?? 0), max: shape.max ?? 1000 })
          .map((amount): BenefitValue => ({ kind: 'limit', unlimited: false, amount })),
        fc.constant<BenefitValue>({ kind: 'limit', unlimited: true, amount: 0 }),
      )
    case 'level':
      return fc
        .constantFrom(...shape.options.map((option) => option.key))
        .map((key): BenefitValue => ({ kind: 'level', level: key }))
    case 'percentage':
      return fc
        .integer({ min: shape.min ?? 0, max: shape.max ?? 100 })
        .map((value): BenefitValue => ({ kind: 'percentage', percent: value }))
    case 'duration':
      return fc
        .integer({ min: shape.min ?? 1, max: shape.max ?? 1000 })
        .map((amount): BenefitValue => ({ kind: 'duration', amount }))
  }
}

/** Anything a half-filled admin row could turn into: other kinds, NaN, unknown levels, negatives. */
export const anyValueArbitrary: fc.Arbitrary<BenefitValue> = fc.oneof(
  fc.boolean().map((enabled): BenefitValue => ({ kind: 'flag', enabled })),
  fc
    .record({
      kind: fc.constantFrom('quota' as const, 'limit' as const),
      unlimited: fc.boolean(),
      amount: fc.oneof(fc.double(), fc.integer()),
    })
    .map((value): BenefitValue => value),
  fc
    .constantFrom('', '720p', '4k', 'a', 'zzz')
    .map((key): BenefitValue => ({ kind: 'level', level: key })),
  fc
    .oneof(fc.double(), fc.integer())
    .map((value): BenefitValue => ({ kind: 'percentage', percent: value })),
  fc.oneof(fc.double(), fc.integer()).map((amount): BenefitValue => ({ kind: 'duration', amount })),
)

/** A shape with values for it: valid ones mostly, invalid ones sometimes. */
export const valueForShape = (shape: ValueShape): fc.Arbitrary<BenefitValue> =>
  fc.oneof(
    { weight: 4, arbitrary: validValueArbitrary(shape) },
    { weight: 1, arbitrary: anyValueArbitrary },
  )

export const benefitFor = (
  shape: ValueShape,
  unit = { zh: '次', en: 'sessions' },
): BenefitDefinition => ({
  id: 'b-generated',
  key: 'generated',
  name: { zh: '生成的权益', en: 'Generated benefit' },
  unit,
  category: 'usage-quota',
  shape,
})
