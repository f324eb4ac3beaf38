import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { formatPrice, formatValue } from '../../../src/domain/catalogue/format'
import type {
  BenefitDefinition,
  BenefitValue,
  Locale,
  QuotaPeriod,
} from '../../../src/domain/catalogue/types'
import { anyValueArbitrary, benefitFor, shapeArbitrary, valueForShape } from './arbitraries'
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

const noUnit = { zh: '', en: '' }
const quotaPer = (period: QuotaPeriod) => benefitFor({ kind: 'quota', period })
const durationIn = (unit: 'minute' | 'hour' | 'day') => benefitFor({ kind: 'duration', unit })

describe('formatValue', () => {
  it.each<[string, BenefitDefinition, BenefitValue, string, string]>([
    ['an included flag', community, flag(true), '有', 'Included'],
    ['a flag that is off', community, flag(false), '—', '—'],
    ['a monthly quota', tutoring, quota(4), '每月 4 次', '4 sessions / month'],
    ['a daily quota', quotaPer('day'), quota(5), '每天 5 次', '5 sessions / day'],
    ['a weekly quota', quotaPer('week'), quota(3), '每周 3 次', '3 sessions / week'],
    [
      'a quota per billing period',
      quotaPer('billing-period'),
      quota(2),
      '每个会员周期 2 次',
      '2 sessions / billing period',
    ],
    [
      'a quota without a unit',
      benefitFor({ kind: 'quota', period: 'month' }, noUnit),
      quota(4),
      '每月 4',
      '4 / month',
    ],
    ['an unlimited quota', tutoring, unlimitedQuota, '不限', 'Unlimited'],
    ['a quota of 0', tutoring, quota(0), '—', '—'],
    ['a limit', downloads, limit(500), '500 门课', '500 courses'],
    ['a limit without a unit', benefitFor({ kind: 'limit' }, noUnit), limit(500), '500', '500'],
    ['an unlimited limit', downloads, unlimitedLimit, '不限', 'Unlimited'],
    ['a limit of 0', downloads, limit(0), '—', '—'],
    ['a level, by its label', video, level('1080p'), '1080p 高清', '1080p HD'],
    ['no level', video, level(''), '—', '—'],
    ['an unknown level, by its key', video, level('8k'), '8k', '8k'],
    ['a 20% discount', discount, percent(20), '8折', '20% off'],
    ['a 15% discount', discount, percent(15), '8.5折', '15% off'],
    ['a 25% discount', discount, percent(25), '7.5折', '25% off'],
    ['a 10% discount', discount, percent(10), '9折', '10% off'],
    ['a 100% discount', discount, percent(100), '免费', 'Free'],
    ['no discount', discount, percent(0), '—', '—'],
    ['a wait in hours', answers, within(2), '2 小时内', 'within 2 h'],
    ['a wait in minutes', durationIn('minute'), within(30), '30 分钟内', 'within 30 min'],
    ['a wait of one day', durationIn('day'), within(1), '1 天内', 'within 1 day'],
    ['a wait of several days', durationIn('day'), within(3), '3 天内', 'within 3 days'],
    ['an endless wait', answers, within(Infinity), '—', '—'],
    ['a value of another shape, as not granted', tutoring, flag(true), '—', '—'],
    ['a missing amount, as not granted', tutoring, quota(Number.NaN), '—', '—'],
  ])('shows %s', (_name, benefit, value, zh, en) => {
    expect(formatValue(benefit, value, 'zh')).toBe(zh)
    expect(formatValue(benefit, value, 'en')).toBe(en)
  })

  it('never returns an empty string', () => {
    fc.assert(
      fc.property(
        shapeArbitrary.chain((shape) =>
          fc.tuple(
            fc.constant(shape),
            fc.oneof(valueForShape(shape), anyValueArbitrary),
            fc.constantFrom<Locale>('zh', 'en'),
            fc.constantFrom(noUnit, { zh: '次', en: 'sessions' }),
          ),
        ),
        ([shape, value, locale, unit]) => {
          expect(formatValue(benefitFor(shape, unit), value, locale)).not.toBe('')
        },
      ),
    )
  })
})

describe('formatPrice', () => {
  it.each<[string, number, string, Locale, string]>([
    ['a whole yuan amount without decimals', 9900, 'CNY', 'zh', '¥99'],
    ['fen with two decimals', 9990, 'CNY', 'zh', '¥99.90'],
    ['a free price', 0, 'CNY', 'zh', '¥0'],
    ['yuan for English readers', 69900, 'CNY', 'en', 'CN¥699'],
    ['another currency', 1999, 'USD', 'en', '$19.99'],
    ['thousands with separators', 129900, 'CNY', 'zh', '¥1,299'],
  ])('shows %s', (_name, fen, currency, locale, expected) => {
    expect(formatPrice(fen, currency, locale)).toBe(expected)
  })
})
