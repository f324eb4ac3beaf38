import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { BenefitValue, ValueKind, ValueShape } from '../../../src/domain/catalogue/types'
import {
  compareValues,
  emptyValue,
  valueFieldName,
  valueFindings,
} from '../../../src/domain/catalogue/values'
import { benefitFor, shapeArbitrary, validValueArbitrary, valueForShape } from './arbitraries'
import {
  answers,
  community,
  discount,
  downloads,
  flag,
  level,
  limit,
  percent,
  quota,
  tutoring,
  unlimitedLimit,
  unlimitedQuota,
  video,
  within,
} from './fixtures'

const sign = (value: number) => Math.sign(value) || 0

describe('emptyValue', () => {
  it.each<[string, ValueShape, BenefitValue]>([
    ['a flag that is off', { kind: 'flag' }, flag(false)],
    ['a quota of 0 that is not unlimited', tutoring.shape, quota(0)],
    ['a limit of 0 that is not unlimited', downloads.shape, limit(0)],
    ['a blank level, below every option', video.shape, level('')],
    ['no discount', discount.shape, percent(0)],
    ['an endless wait', answers.shape, within(Number.POSITIVE_INFINITY)],
  ])('means %s', (_name, shape, expected) => {
    expect(emptyValue(shape)).toEqual(expected)
  })
})

describe('compareValues', () => {
  it.each<[string, ValueShape, BenefitValue, BenefitValue, -1 | 0 | 1]>([
    ['ranks a flag that is on above one that is off', community.shape, flag(true), flag(false), 1],
    ['ranks two flags that are on as equal', community.shape, flag(true), flag(true), 0],
    ['ranks unlimited above any amount', tutoring.shape, unlimitedQuota, quota(30), 1],
    ['ranks two unlimited quotas as equal', tutoring.shape, unlimitedQuota, unlimitedQuota, 0],
    ['ranks a smaller quota below a larger one', tutoring.shape, quota(2), quota(4), -1],
    ['ranks an unlimited limit above any amount', downloads.shape, unlimitedLimit, limit(500), 1],
    ['ranks limits by amount', downloads.shape, limit(100), limit(50), 1],
    ['ranks levels by their position in the options', video.shape, level('720p'), level('4k'), -1],
    ['ranks an unknown level like no level', video.shape, level('8k'), level(''), 0],
    ['ranks any known level above no level', video.shape, level('720p'), level(''), 1],
    ['ranks a larger discount above a smaller one', discount.shape, percent(20), percent(10), 1],
    ['ranks a shorter wait above a longer one', answers.shape, within(2), within(24), 1],
    ['ranks an endless wait below any wait', answers.shape, within(Infinity), within(72), -1],
    ['treats a value of another kind as not granted', tutoring.shape, flag(true), quota(0), 0],
    ['treats a missing amount as not granted', tutoring.shape, quota(Number.NaN), quota(1), -1],
  ])('%s', (_name, shape, a, b, expected) => {
    expect(sign(compareValues(shape, a, b))).toBe(expected)
    expect(sign(compareValues(shape, b, a))).toBe(-expected || 0)
  })

  const shapeWithValues = (count: number) =>
    shapeArbitrary.chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.array(valueForShape(shape), { minLength: count, maxLength: count }),
      ),
    )

  it('is reflexive', () => {
    fc.assert(
      fc.property(shapeWithValues(1), ([shape, [a]]) => {
        expect(compareValues(shape, a!, a!)).toBe(0)
      }),
    )
  })

  it('is antisymmetric: swapping the values flips the sign', () => {
    fc.assert(
      fc.property(shapeWithValues(2), ([shape, [a, b]]) => {
        expect(sign(compareValues(shape, a!, b!))).toBe(-sign(compareValues(shape, b!, a!)) || 0)
      }),
    )
  })

  it('is transitive', () => {
    fc.assert(
      fc.property(shapeWithValues(3), ([shape, values]) => {
        const [a, b, c] = [...values].sort((x, y) => compareValues(shape, x, y))
        expect(compareValues(shape, a!, b!)).toBeLessThanOrEqual(0)
        expect(compareValues(shape, b!, c!)).toBeLessThanOrEqual(0)
        expect(compareValues(shape, a!, c!)).toBeLessThanOrEqual(0)
      }),
    )
  })

  it('never lets the empty value beat a valid value', () => {
    fc.assert(
      fc.property(
        shapeArbitrary.chain((shape) => fc.tuple(fc.constant(shape), validValueArbitrary(shape))),
        ([shape, value]) => {
          expect(compareValues(shape, emptyValue(shape), value)).toBeLessThanOrEqual(0)
        },
      ),
    )
  })
})

describe('valueFieldName', () => {
  it.each<[ValueKind, string]>([
    ['flag', 'enabled'],
    ['quota', 'amount'],
    ['limit', 'amount'],
    ['level', 'level'],
    ['percentage', 'percent'],
    ['duration', 'amount'],
  ])('keeps a %s value in the row field "%s"', (kind, field) => {
    expect(valueFieldName(kind)).toBe(field)
  })
})

describe('valueFindings', () => {
  const tierName = { zh: '黄金', en: 'Gold' }
  const codesFor = (benefit: typeof tutoring, value: BenefitValue) =>
    valueFindings({ benefit, value, path: 'benefits.2', tierName }).map((finding) => [
      finding.code,
      finding.path,
    ])

  it.each<[string, typeof tutoring, BenefitValue, [string, string][]]>([
    ['accepts a quota within its maximum', tutoring, quota(30), []],
    ['accepts an unlimited quota without checking its amount', tutoring, unlimitedQuota, []],
    ['accepts a quota of 0', tutoring, quota(0), []],
    [
      'refuses a quota above its maximum',
      tutoring,
      quota(31),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses a fractional quota',
      tutoring,
      quota(2.5),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses a negative quota',
      tutoring,
      quota(-1),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses a quota left empty',
      tutoring,
      quota(Number.NaN),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    ['accepts a fractional limit within range', downloads, limit(2.5), []],
    [
      'refuses a limit above its maximum',
      downloads,
      limit(501),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses a limit below its minimum',
      downloads,
      limit(-1),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses an infinite limit amount',
      downloads,
      limit(Infinity),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    ['accepts an unlimited limit', downloads, unlimitedLimit, []],
    ['accepts a discount within its range', discount, percent(50), []],
    [
      'refuses a discount above the benefit maximum',
      discount,
      percent(80),
      [['value-out-of-range', 'benefits.2.percent']],
    ],
    [
      'refuses a negative discount',
      discount,
      percent(-5),
      [['value-out-of-range', 'benefits.2.percent']],
    ],
    ['accepts a wait within range', answers, within(1), []],
    [
      'refuses a wait below the benefit minimum',
      answers,
      within(0.5),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    [
      'refuses a wait above the benefit maximum',
      answers,
      within(96),
      [['value-out-of-range', 'benefits.2.amount']],
    ],
    ['accepts a known level', video, level('1080p'), []],
    ['refuses an unknown level', video, level('8k'), [['level-unknown', 'benefits.2.level']]],
    ['refuses a blank level', video, level(''), [['level-unknown', 'benefits.2.level']]],
    ['accepts a flag either way', community, flag(false), []],
    [
      'refuses a value of another shape, at the shape’s field',
      tutoring,
      flag(true),
      [['value-wrong-shape', 'benefits.2.amount']],
    ],
  ])('%s', (_name, benefit, value, expected) => {
    expect(codesFor(benefit, value)).toEqual(expected)
  })

  it('refuses a zero wait even when the benefit sets no minimum', () => {
    const benefit = benefitFor({ kind: 'duration', unit: 'hour' })
    expect(codesFor(benefit, within(0))).toEqual([['value-out-of-range', 'benefits.2.amount']])
    expect(codesFor(benefit, within(0.1))).toEqual([])
  })

  it('refuses a negative limit even when the benefit sets no minimum', () => {
    const benefit = benefitFor({ kind: 'limit' })
    expect(codesFor(benefit, limit(-1))).toEqual([['value-out-of-range', 'benefits.2.amount']])
    expect(codesFor(benefit, limit(0.5))).toEqual([])
  })

  it('keeps discounts between 0 and 100 when the benefit sets no range', () => {
    const benefit = benefitFor({ kind: 'percentage' })
    expect(codesFor(benefit, percent(100))).toEqual([])
    expect(codesFor(benefit, percent(101))).toEqual([['value-out-of-range', 'benefits.2.percent']])
  })

  it('says what was entered and what is allowed, in both languages', () => {
    const [finding] = valueFindings({
      benefit: discount,
      value: percent(80),
      path: 'benefits.2',
      tierName,
    })
    expect(finding?.message).toEqual({
      zh: '黄金 的「课程折扣」填写的 80 超出允许范围。请填写介于 0 到 50 之间的数。',
      en: 'Gold\'s value 80 for "Course discount" is out of range. Enter a number from 0 to 50.',
    })
  })

  it('asks for a missing quota and offers "Unlimited"', () => {
    const [finding] = valueFindings({
      benefit: tutoring,
      value: quota(Number.NaN),
      path: 'benefits.0',
      tierName,
    })
    expect(finding?.message.zh).toBe(
      '黄金 的「1对1辅导」还没有填写数值。请填写介于 0 到 30 之间的整数，或勾选“不限”。',
    )
    expect(finding?.message.en).toBe(
      'Gold has no value for "1:1 tutoring". Enter a whole number from 0 to 30, or tick "Unlimited".',
    )
  })

  it('lists the level keys the benefit offers', () => {
    const [finding] = valueFindings({
      benefit: video,
      value: level('8k'),
      path: 'benefits.1',
      tierName,
    })
    expect(finding?.message.en).toBe(
      'Gold\'s level "8k" for "Video quality" does not exist. Enter one of the level keys: 720p, 1080p (1080p HD), 4k (4K Ultra HD).',
    )
    expect(finding?.message.zh).toContain('720p（720p 标清）、1080p（1080p 高清）、4k（4K 超清）')
  })

  it('finds nothing wrong with any generated valid value', () => {
    fc.assert(
      fc.property(
        shapeArbitrary.chain((shape) => fc.tuple(fc.constant(shape), validValueArbitrary(shape))),
        ([shape, value]) => {
          expect(
            valueFindings({ benefit: benefitFor(shape), value, path: 'benefits.0', tierName }),
          ).toEqual([])
        },
      ),
    )
  })
})
