import { describe, expect, it } from 'vitest'

import * as messages from '../../../src/domain/catalogue/messages'
import { findingCodes, type FindingCode, type Localized } from '../../../src/domain/catalogue/types'

const gold = { zh: '黄金', en: 'Gold' }
const silver = { zh: '白银', en: 'Silver' }
const benefit = { zh: '1对1辅导', en: '1:1 tutoring' }
const references = { count: 7, examples: [gold, silver] }

/** One sample per code; a code without a sample does not compile. */
const samples: Record<FindingCode, () => Localized> = {
  'rank-not-unique': () => messages.rankNotUnique({ tier: gold, rank: 1, others: [silver] }),
  'slug-not-unique': () => messages.slugNotUnique({ tier: gold, slug: 'silver', others: [silver] }),
  'entry-tier-missing': () => messages.entryTierMissing(),
  'entry-tier-not-unique': () => messages.entryTierNotUnique({ tier: gold, existing: [silver] }),
  'entry-tier-not-lowest': () =>
    messages.entryTierNotLowest({
      case: 'below-entry',
      tier: { name: silver, rank: 0 },
      entry: { name: gold, rank: 1 },
    }),
  'honorary-tier-has-rank-conflict': () =>
    messages.honoraryTierHasRankConflict({ tier: gold, rank: 100, others: [silver] }),
  'benefit-listed-twice': () =>
    messages.benefitListedTwice({ tier: gold, benefit, firstRow: 1, row: 3 }),
  'benefit-unknown': () => messages.benefitUnknown({ tier: gold, benefitId: 'b1', row: 2 }),
  'value-wrong-shape': () => messages.valueWrongShape({ tier: gold, benefit, expected: 'quota' }),
  'value-out-of-range': () =>
    messages.valueOutOfRange({
      tier: gold,
      benefit,
      entered: 31,
      range: { min: 0, max: 30, integer: true, minExclusive: false },
      unlimitedAllowed: true,
    }),
  'level-unknown': () =>
    messages.levelUnknown({
      tier: gold,
      benefit,
      level: '8k',
      options: [{ key: '4k', label: { zh: '4K', en: '4K' } }],
    }),
  'gradient-benefit-lower': () =>
    messages.gradientBenefitLower({
      against: 'lower',
      tier: gold,
      other: silver,
      benefit,
      kind: 'quota',
      value: { zh: '每月 2 次', en: '2 sessions / month' },
      otherValue: { zh: '每月 4 次', en: '4 sessions / month' },
      hasRow: true,
    }),
  'gradient-access-missing': () =>
    messages.gradientAccessMissing({
      against: 'higher',
      tier: silver,
      others: [gold],
      accessTiers: [{ zh: '大师课', en: 'Masterclasses' }],
    }),
  'adjacent-tiers-identical': () =>
    messages.adjacentTiersIdentical({ against: 'higher', tier: silver, neighbour: gold }),
  'growth-thresholds-invalid': () =>
    messages.growthThresholdsInvalid({ tier: gold, field: 'keep', reach: 100, keep: 200 }),
  'price-invalid': () => messages.priceInvalid({ tier: gold, problem: 'missing' }),
  'price-above-maximum': () =>
    messages.priceAboveMaximum({
      tier: silver,
      row: 1,
      field: 'sellingPrice',
      period: 'monthly',
      amount: 390_000,
      maximum: 100_000,
      currency: 'CNY',
      fenTypo: true,
    }),
  'price-period-inconsistent': () =>
    messages.pricePeriodInconsistent({
      tier: silver,
      case: 'dearer-per-month',
      row: 2,
      period: 'annual',
      amount: 60_000,
      otherPeriod: 'monthly',
      otherAmount: 3900,
      currency: 'CNY',
      fenTypo: false,
    }),
  'price-tier-order': () =>
    messages.priceTierOrder({
      against: 'higher',
      tier: silver,
      other: gold,
      row: 1,
      period: 'monthly',
      amount: 9900,
      otherAmount: 7900,
      currency: 'CNY',
      fenTypo: false,
    }),
  'successor-invalid': () => messages.successorInvalid({ tier: gold, problem: 'self' }),
  'meaning-change-in-use': () =>
    messages.meaningChangeInUse({
      benefit,
      tiers: references,
      field: 'quotaPeriod',
      from: 'month',
      to: 'day',
    }),
  'shape-change-in-use': () =>
    messages.shapeChangeInUse({ benefit, from: 'quota', to: 'flag', tiers: [gold] }),
  'level-option-in-use': () =>
    messages.levelOptionInUse({
      benefit,
      option: { key: '4k', label: { zh: '4K 超清', en: '4K' } },
      tiers: [gold],
    }),
  'key-change-in-use': () =>
    messages.keyChangeInUse({ before: 'tutoring', after: 'coaching', users: references }),
  'benefit-in-use': () => messages.benefitInUse({ users: references }),
  'access-tier-in-use': () => messages.accessTierInUse({ by: 'courses', references }),
}

const hasChinese = (text: string) => /\p{Script=Han}/u.test(text)

describe('finding messages', () => {
  it('have one builder per finding code', () => {
    expect(Object.keys(messages.findingMessages).sort()).toEqual([...findingCodes].sort())
  })

  it.each(findingCodes)('say what is wrong with %s in Chinese and in English', (code) => {
    const message = samples[code]()
    expect(hasChinese(message.zh)).toBe(true)
    expect(hasChinese(message.en)).toBe(false)
    expect(message.zh).toMatch(/。$/)
    expect(message.en).toMatch(/\.$/)
  })

  it('name a few referencing documents and say there are more', () => {
    expect(messages.benefitInUse({ users: references }).zh).toContain('（黄金、白银 等）')
    expect(messages.benefitInUse({ users: references }).en).toContain('(Gold, Silver, …)')
    expect(
      messages.accessTierInUse({ by: 'tiers', references: { count: 1, examples: [gold] } }).en,
    ).toBe(
      '1 tier opens this access tier (Gold), so it cannot be deleted. Remove it from that tier first, or set its status to Archived.',
    )
  })

  it.each<[string, messages.AllowedRange, string, string]>([
    [
      'a closed range',
      { min: 0, max: 30, integer: true, minExclusive: false },
      '介于 0 到 30 之间的整数',
      'a whole number from 0 to 30',
    ],
    [
      'a positive bounded duration',
      { min: 0, max: 72, integer: false, minExclusive: true },
      '大于 0 且不超过 72 的数',
      'a number above 0 and at most 72',
    ],
    [
      'a lower bound only',
      { min: 0, max: Infinity, integer: true, minExclusive: false },
      '不小于 0 的整数',
      'a whole number of at least 0',
    ],
    [
      'a positive number',
      { min: 0, max: Infinity, integer: false, minExclusive: true },
      '大于 0 的数',
      'a number above 0',
    ],
    [
      'an upper bound only',
      { min: -Infinity, max: 10, integer: false, minExclusive: false },
      '不超过 10 的数',
      'a number of at most 10',
    ],
    [
      'no bound',
      { min: -Infinity, max: Infinity, integer: false, minExclusive: false },
      '有效的数',
      'a valid number',
    ],
  ])('describe %s', (_name, range, zh, en) => {
    expect(messages.rangeText(range)).toEqual({ zh, en })
  })

  it('describe each price problem', () => {
    const problems: messages.PriceProblem[] = [
      { problem: 'amount-invalid', row: 1, field: 'listPrice', amount: Number.NaN },
      { problem: 'selling-above-list', row: 1, listPrice: 100, sellingPrice: 200 },
      { problem: 'period-twice', row: 2, firstRow: 1, period: 'annual' },
      { problem: 'period-unknown', row: 1 },
      { problem: 'missing' },
      { problem: 'entry-not-free', row: 1 },
    ]
    const texts = problems.map((problem) => messages.priceInvalid({ tier: gold, ...problem }).en)
    expect(new Set(texts).size).toBe(problems.length)
    expect(texts[0]).toBe(
      'Price 1 of Gold has an invalid list price (empty). Enter an amount in yuan of at least 0, with at most two decimals.',
    )
  })
})
