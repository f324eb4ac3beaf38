// docs/rules.md rule 5: prices have at most two decimals, a longer period never costs more per
// month (nor less in total) than a shorter one, a higher tier costs more per billing period, and
// any price beyond the monthly maximum is refused, with a hint when it looks like 分 typed as 元.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { tierFindings } from '../../../src/domain/catalogue/ladder'
import {
  defaultMaximumMonthlyPrice,
  monthsIn,
  priceFindings,
  type PriceRules,
} from '../../../src/domain/catalogue/prices'
import {
  billingPeriods,
  type BillingPeriod,
  type Finding,
  type TierDefinition,
  type TierPrice,
} from '../../../src/domain/catalogue/types'
import { catalogue, free, gold, others, silver } from './fixtures'

const codesAndPaths = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.code} @ ${finding.path}`)

const price = (period: BillingPeriod, listPrice: number, sellingPrice = listPrice): TierPrice => ({
  period,
  listPrice,
  sellingPrice,
})

/** Findings for `subject` published into free < silver < gold (its stored copy replaced). */
const findingsFor = (subject: TierDefinition, tiers: readonly TierDefinition[] = ladder3) =>
  tierFindings({ subject, others: others(subject, tiers), ...catalogue })

/** The fixture ladder with prices for every period: silver ¥39/¥99/¥299, gold ¥79/¥199/¥599. */
const silverPriced: TierDefinition = {
  ...silver,
  prices: [
    price('monthly', 4900, 3900),
    price('quarterly', 14700, 9900),
    price('annual', 58800, 29900),
  ],
}
const goldPriced: TierDefinition = {
  ...gold,
  prices: [
    price('monthly', 9900, 7900),
    price('quarterly', 29700, 19900),
    price('annual', 118800, 59900),
  ],
}
const ladder3 = [free, silverPriced, goldPriced]

const withPrices = (
  tier: TierDefinition,
  prices: TierPrice[],
  reason?: string,
): TierDefinition => ({
  ...tier,
  prices,
  ...(reason === undefined ? {} : { priceExceptionReason: reason }),
})

describe('prices: decimals', () => {
  it('refuses a price typed with three decimals, showing it as typed', () => {
    const findings = findingsFor(withPrices(silverPriced, [price('monthly', 4900, 3999.9)]))
    expect(codesAndPaths(findings)).toEqual(['price-invalid @ prices.0.sellingPrice'])
    expect(findings[0]?.message).toEqual({
      zh: '白银 第 1 个价格的售价（39.999）超过两位小数。价格以元为单位，最多精确到分（两位小数）：请改为例如 40。',
      en: 'Price 1 of Silver has a selling price with more than two decimals (39.999). Prices are in yuan, to the fen at most (two decimals): enter e.g. 40.',
    })
  })

  it('accepts two decimals', () => {
    expect(findingsFor(withPrices(silverPriced, [price('monthly', 4990, 3999)]))).toEqual([])
  })
})

describe('prices: the monthly maximum (分 typed as 元)', () => {
  it('refuses ¥4,900 / ¥3,900 a month for a ¥49 / ¥39 tier and asks about 分', () => {
    const typo = withPrices(silverPriced, [
      price('monthly', 490_000, 390_000),
      ...silverPriced.prices.slice(1),
    ])
    const findings = findingsFor(typo)
    expect(codesAndPaths(findings)).toEqual([
      'price-above-maximum @ prices.0.listPrice',
      'price-above-maximum @ prices.0.sellingPrice',
    ])
    expect(findings[1]?.message).toEqual({
      zh: '白银 第 1 个价格的售价为月付 ¥3,900，超过“会员设置”中每月价格上限 ¥1,000。是否把金额按“分”填写了？价格以元为单位：¥3,900 若是 3900 分，应填 ¥39。请按元填写正确的价格，或在“会员设置”中提高上限；如确属有意为之，请填写“价格例外原因”。',
      en: 'Price 1 of Silver has a selling price of CN¥3,900 a month, above the maximum of CN¥1,000 a month set in Membership settings. Did you type the amount in fen instead of yuan? Prices are in yuan: if you meant 3900 fen, enter CN¥39, not CN¥3,900. Enter the right price in yuan or raise the maximum in Membership settings. If this is deliberate, write a price exception reason.',
    })
  })

  it('compares a longer period with the maximum per month', () => {
    // ¥11,988 a year is ¥999 a month: within ¥1,000.
    const annual = withPrices(goldPriced, [price('annual', 1_198_800, 1_198_800)])
    expect(findingsFor(annual)).toEqual([])
    const above = withPrices(goldPriced, [price('annual', 1_200_100, 1_200_100)])
    expect(codesAndPaths(findingsFor(above))).toEqual([
      'price-above-maximum @ prices.0.listPrice',
      'price-above-maximum @ prices.0.sellingPrice',
    ])
  })

  it('gives no 分 hint when the amount is not a whole multiple of ¥100', () => {
    const [finding] = findingsFor(withPrices(goldPriced, [price('monthly', 123_456, 123_456)]))
    expect(finding?.code).toBe('price-above-maximum')
    expect(finding?.message.en).not.toContain('fen')
  })

  it('reads the maximum and currency from the rules', () => {
    const rules: PriceRules = { maximumMonthlyPrice: 5000, currency: 'USD' }
    const findings = priceFindings(
      withPrices(silverPriced, [price('monthly', 4900, 3900)]),
      { lower: [], higher: [] },
      rules,
    )
    expect(findings).toEqual([])
    const [above] = priceFindings(
      withPrices(silverPriced, [price('monthly', 6000, 3900)]),
      { lower: [], higher: [] },
      rules,
    )
    expect(above?.message.en).toContain('$50')
  })
})

describe('prices: billing periods of one tier', () => {
  it('refuses an annual price dearer per month than the monthly one', () => {
    const findings = findingsFor(
      withPrices(silverPriced, [price('monthly', 4900, 3900), price('annual', 60000, 60000)]),
    )
    expect(codesAndPaths(findings)).toEqual(['price-period-inconsistent @ prices.1.sellingPrice'])
    expect(findings[0]?.message.en).toBe(
      'Silver sells annual at CN¥600 a year (CN¥50 a month), dearer per month than monthly at CN¥39 a month. A longer period never costs more per month: lower the annual selling price or raise the monthly one. If this is deliberate, write a price exception reason.',
    )
  })

  it('refuses a monthly price above the whole annual price, at the monthly price', () => {
    const findings = findingsFor(
      withPrices(silverPriced, [price('monthly', 90000, 90000), price('annual', 49900, 49900)]),
    )
    expect(codesAndPaths(findings)).toEqual(['price-period-inconsistent @ prices.0.sellingPrice'])
    expect(findings[0]?.message.zh).toContain('比更长周期的年付 ¥499（折合每月 ¥41.58）总价还高')
  })

  it('accepts the same price per month for every period', () => {
    const flat = withPrices(silverPriced, [
      price('monthly', 3900),
      price('quarterly', 11700),
      price('annual', 46800),
    ])
    expect(findingsFor(flat, [free, flat])).toEqual([])
  })

  it('accepts a deliberate exception with a written reason', () => {
    const promo = withPrices(
      silverPriced,
      [price('monthly', 4900, 3900), price('annual', 60000, 60000)],
      '年付含实体教材礼盒',
    )
    expect(findingsFor(promo)).toEqual([])
  })

  it('does not excuse malformed prices with a reason', () => {
    const promo = withPrices(silverPriced, [price('monthly', 4900, 3999.9)], '特价')
    expect(codesAndPaths(findingsFor(promo))).toEqual(['price-invalid @ prices.0.sellingPrice'])
  })
})

describe('prices: tiers of one billing period', () => {
  it('refuses a higher tier selling for no more than a lower one, naming both', () => {
    const cheapGold = withPrices(goldPriced, [price('monthly', 9900, 3900)])
    const findings = findingsFor(cheapGold)
    expect(codesAndPaths(findings)).toEqual(['price-tier-order @ prices.0.sellingPrice'])
    expect(findings[0]?.message).toEqual({
      zh: '黄金 的月付售价 ¥39 不高于更低等级 白银 的 ¥39。同一计费周期内，高等级必须比低等级贵：请提高 黄金 的售价或降低 白银 的售价。如确属有意为之，请填写“价格例外原因”。',
      en: "Gold sells monthly at CN¥39, no more than the lower tier Silver at CN¥39. For each billing period a higher tier costs more: raise Gold's selling price or lower Silver's. If this is deliberate, write a price exception reason.",
    })
  })

  it('refuses a lower tier selling for no less than a higher one, with the 分 hint', () => {
    // ¥900 for silver would be ¥9 in 分, below gold's ¥79.
    const dearSilver = withPrices(silverPriced, [price('monthly', 90000, 90000)])
    const findings = findingsFor(dearSilver)
    expect(codesAndPaths(findings)).toEqual(['price-tier-order @ prices.0.sellingPrice'])
    expect(findings[0]?.message.en).toContain('no less than the higher tier Gold at CN¥79')
    expect(findings[0]?.message.en).toContain('Did you type the amount in fen')
  })

  it('compares only the periods both tiers sell', () => {
    const monthlyOnly = withPrices(goldPriced, [price('quarterly', 29700, 19900)])
    const silverMonthly = withPrices(silverPriced, [price('monthly', 4900, 3900)])
    expect(findingsFor(monthlyOnly, [free, silverMonthly, monthlyOnly])).toEqual([])
  })

  it('accepts a break excused on the other tier', () => {
    const excusedSilver = { ...silverPriced, priceExceptionReason: '白银限时特价' }
    const cheapGold = withPrices(goldPriced, [price('monthly', 9900, 3900)])
    expect(findingsFor(cheapGold, [free, excusedSilver, cheapGold])).toEqual([])
  })

  it('leaves the free entry tier and honorary tiers out of the price order', () => {
    const cheapest = withPrices(silverPriced, [price('monthly', 100, 100)])
    const honoraryPriced: TierDefinition = {
      ...goldPriced,
      id: 't-honorary',
      slug: 'honorary',
      kind: 'honorary',
      rank: 100,
      prices: [price('monthly', 100, 100)],
    }
    expect(findingsFor(cheapest, [free, cheapest, honoraryPriced])).toEqual([])
  })
})

// Properties over generated ladders of paid tiers (ranks 1..n, all prices under the maximum).
const periodsArbitrary = fc.subarray([...billingPeriods], { minLength: 1 })

/** Per-month selling prices that fall with the period length, in whole 分. */
const consistentPrices = (base: number, periods: readonly BillingPeriod[]): TierPrice[] =>
  periods.map((period) => {
    const months = monthsIn[period]
    // 5 % off per month for each step up in length, rounded down: dearer in total, cheaper per month.
    const step = billingPeriods.indexOf(period)
    const perMonth = Math.floor(base * (1 - 0.05 * step))
    return price(period, base * months, perMonth * months)
  })

const paidTier = (index: number, prices: TierPrice[]): TierDefinition => ({
  id: `t${index}`,
  slug: `tier-${index}`,
  name: { zh: `等级${index}`, en: `Tier ${index}` },
  rank: index,
  kind: 'paid',
  prices,
  benefits: [],
  accessTierIds: [],
})

const neighboursOf = (tiers: readonly TierDefinition[], index: number) => ({
  lower: tiers.slice(0, index).reverse(),
  higher: tiers.slice(index + 1),
})

/** Strictly rising monthly bases, far enough apart that every period stays in order. */
const risingBases = fc
  .array(fc.integer({ min: 100, max: 1000 }), { minLength: 1, maxLength: 5 })
  .map((steps) =>
    steps.reduce<number[]>((bases, step) => [...bases, (bases.at(-1) ?? 0) + step * 10], []),
  )

const pricedLadder = fc
  .tuple(risingBases, fc.array(periodsArbitrary, { minLength: 5, maxLength: 5 }))
  .map(([bases, periods]) =>
    bases.map((base, index) => paidTier(index, consistentPrices(base, periods[index]!))),
  )

const allFindings = (tiers: readonly TierDefinition[], rules?: PriceRules) =>
  tiers.flatMap((tier, index) => priceFindings(tier, neighboursOf(tiers, index), rules))

describe('price properties', () => {
  it('finds nothing wrong with a ladder whose prices rise with the tier and fall per month with the period', () => {
    fc.assert(
      fc.property(pricedLadder, (tiers) => {
        expect(allFindings(tiers)).toEqual([])
      }),
    )
  })

  it('refuses every pair of tiers whose prices are out of order, from both sides', () => {
    fc.assert(
      fc.property(pricedLadder, fc.nat(), (tiers, pick) => {
        fc.pre(tiers.length >= 2)
        const index = pick % (tiers.length - 1)
        // Swap two neighbours' prices: wherever both sell a period, the order breaks.
        const swapped = tiers.map((tier, position) =>
          position === index
            ? { ...tier, prices: tiers[index + 1]!.prices }
            : position === index + 1
              ? { ...tier, prices: tiers[index]!.prices }
              : tier,
        )
        const shared = swapped[index]!.prices.some((mine) =>
          swapped[index + 1]!.prices.some((theirs) => theirs.period === mine.period),
        )
        const lowerSide = priceFindings(swapped[index]!, neighboursOf(swapped, index))
        const higherSide = priceFindings(swapped[index + 1]!, neighboursOf(swapped, index + 1))
        const ordered = (findings: Finding[]) =>
          findings.some((finding) => finding.code === 'price-tier-order')
        expect(ordered(lowerSide)).toBe(shared)
        expect(ordered(higherSide)).toBe(shared)
      }),
    )
  })

  it('refuses a longer period exactly when it costs more per month, or less in total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        (monthly, annual) => {
          const tier = paidTier(1, [price('monthly', monthly), price('annual', annual)])
          const paths = codesAndPaths(priceFindings(tier, { lower: [], higher: [] }))
          const dearerPerMonth = annual > monthly * 12
          const cheaperInTotal = monthly > annual
          expect(paths.includes('price-period-inconsistent @ prices.1.sellingPrice')).toBe(
            dearerPerMonth,
          )
          expect(paths.includes('price-period-inconsistent @ prices.0.sellingPrice')).toBe(
            cheaperInTotal,
          )
        },
      ),
    )
  })

  it('does not change its verdict when every price is scaled by the same factor', () => {
    fc.assert(
      fc.property(pricedLadder, fc.integer({ min: 2, max: 5 }), fc.nat(), (tiers, factor, pick) => {
        // Break something first, so there is a verdict to keep.
        const index = pick % tiers.length
        const broken = tiers.map((tier, position) =>
          position === index
            ? { ...tier, prices: tier.prices.map((row) => ({ ...row, sellingPrice: 1 })) }
            : tier,
        )
        const scaled = broken.map((tier) => ({
          ...tier,
          prices: tier.prices.map((row) => ({
            ...row,
            listPrice: row.listPrice * factor,
            sellingPrice: row.sellingPrice * factor,
          })),
        }))
        const huge: PriceRules = { maximumMonthlyPrice: Number.MAX_SAFE_INTEGER, currency: 'CNY' }
        expect(codesAndPaths(allFindings(scaled, huge))).toEqual(
          codesAndPaths(allFindings(broken, huge)),
        )
      }),
    )
  })

  it('asks about 分 whenever a plausible whole-yuan price is typed 100 times too large', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 11, max: 999 }),
        fc.constantFrom(...billingPeriods),
        (yuan, period) => {
          const months = monthsIn[period]
          const typed = yuan * months * 100 * 100
          const tier = paidTier(1, [price(period, typed)])
          const findings = priceFindings(tier, { lower: [], higher: [] })
          expect(findings.length).toBeGreaterThan(0)
          expect(findings.every((finding) => finding.code === 'price-above-maximum')).toBe(true)
          expect(
            findings.every((finding) => finding.message.en.includes('in fen instead of yuan')),
          ).toBe(true)
        },
      ),
    )
  })

  it('excuses every plausibility break, but no malformed price, with a written reason', () => {
    fc.assert(
      fc.property(pricedLadder, fc.nat(), (tiers, pick) => {
        const index = pick % tiers.length
        const wild = tiers.map((tier, position) =>
          position === index
            ? {
                ...tier,
                priceExceptionReason: '特批',
                prices: tier.prices.map((row) => ({
                  ...row,
                  listPrice: defaultMaximumMonthlyPrice * 24,
                  sellingPrice: 1,
                })),
              }
            : tier,
        )
        expect(priceFindings(wild[index]!, neighboursOf(wild, index))).toEqual([])
      }),
    )
  })
})
