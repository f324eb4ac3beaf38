import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { formatValueLocalized } from '../../../src/domain/catalogue/format'
import { ladderFindings, tierFindings } from '../../../src/domain/catalogue/ladder'
import { gradientBenefitLower } from '../../../src/domain/catalogue/messages'
import type {
  BenefitDefinition,
  BenefitValue,
  Finding,
  TierDefinition,
  ValueShape,
} from '../../../src/domain/catalogue/types'
import { compareValues, grantsNothing, valueFieldName } from '../../../src/domain/catalogue/values'
import { shapeArbitrary, validValueArbitrary } from './arbitraries'
import {
  advanced,
  answers,
  basic,
  catalogue,
  community,
  flag,
  free,
  gold,
  grant,
  honorary,
  ladder,
  level,
  masterclass,
  others,
  percent,
  quota,
  silver,
  tutoring,
  video,
  within,
  withRow,
} from './fixtures'

/** Findings for `subject` published into `tiers` (the subject's stored copy is replaced). */
const findingsFor = (subject: TierDefinition, tiers: readonly TierDefinition[] = ladder) =>
  tierFindings({ subject, others: others(subject, tiers), ...catalogue })

const codesAndPaths = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.code} @ ${finding.path}`)

describe('tierFindings on a sound ladder', () => {
  it.each([free, silver, gold, honorary])('finds nothing wrong with $slug', (tier) => {
    expect(findingsFor(tier, [...ladder, honorary])).toEqual([])
  })

  it('finds nothing wrong with a new tier (no id yet) placed between two others', () => {
    const bronze: TierDefinition = {
      ...silver,
      id: '',
      slug: 'bronze',
      name: { zh: '青铜', en: 'Bronze' },
      rank: 0.5,
      // Cheaper than Silver: a lower tier costs less (docs/rules.md rule 5).
      prices: [{ period: 'monthly', listPrice: 2900, sellingPrice: 1900 }],
      benefits: [
        grant(video, level('720p')),
        grant(answers, within(36)),
        grant(tutoring, quota(2)),
      ],
      accessTierIds: [basic.id],
    }
    expect(tierFindings({ subject: bronze, others: ladder, ...catalogue })).toEqual([])
  })
})

describe('tierFindings: the benefit gradient', () => {
  it('refuses a higher tier granting less than a lower one, naming both tiers and values', () => {
    const edited = withRow(gold, 0, { value: quota(2) })
    expect(findingsFor(edited)).toEqual([
      {
        code: 'gradient-benefit-lower',
        path: 'benefits.0.amount',
        message: {
          zh: '黄金 的「1对1辅导」为 每月 2 次，低于更低等级 白银 的 每月 4 次。请提高 黄金 的值，或在此行填写例外原因。',
          en: 'Gold grants 2 sessions / month of "1:1 tutoring", but the lower tier Silver grants 4 sessions / month. Raise Gold\'s value or write an exception reason on this row.',
        },
      },
    ])
  })

  it('refuses a lower tier granting more than a higher one, from the lower tier’s side', () => {
    const tiers = [free, silver, withRow(gold, 0, { value: quota(2) })]
    expect(findingsFor(silver, tiers)).toEqual([
      {
        code: 'gradient-benefit-lower',
        path: 'benefits.0.amount',
        message: {
          zh: '白银 的「1对1辅导」为 每月 4 次，高于更高等级 黄金 的 每月 2 次。请降低 白银 的值，或在此行填写例外原因。',
          en: 'Silver grants 4 sessions / month of "1:1 tutoring", but the higher tier Gold grants only 2 sessions / month. Lower Silver\'s value or write an exception reason on this row.',
        },
      },
    ])
  })

  it('compares levels by their order and points at the level field', () => {
    const edited = withRow(gold, 1, { value: level('720p') })
    expect(codesAndPaths(findingsFor(edited))).toEqual([
      'gradient-benefit-lower @ benefits.1.level',
    ])
  })

  it('treats a missing row as granting nothing and points at the benefits list', () => {
    const edited: TierDefinition = { ...silver, benefits: silver.benefits.slice(0, 1) }
    const findings = findingsFor(edited)
    expect(codesAndPaths(findings)).toEqual([
      'gradient-benefit-lower @ benefits',
      'gradient-benefit-lower @ benefits',
    ])
    expect(findings[0]?.message.zh).toBe(
      '白银 未提供「视频清晰度」，低于更低等级 免费 的 720p 标清。请为 白银 添加「视频清晰度」，或在 免费 的这一行填写例外原因。',
    )
    expect(findings[1]?.message.en).toBe(
      'Silver does not grant "Q&A response", but the lower tier Free grants within 48 h. Add "Q&A response" to Silver, or write an exception reason on Free\'s row.',
    )
  })

  it('words a flag as included or not', () => {
    const silverWithCommunity = {
      ...silver,
      benefits: [...silver.benefits, grant(community, flag(true))],
    }
    const goldWithout = withRow(gold, 4, { value: flag(false) })
    expect(findingsFor(goldWithout, [free, silverWithCommunity, goldWithout])).toEqual([
      {
        code: 'gradient-benefit-lower',
        path: 'benefits.4.enabled',
        message: {
          zh: '黄金 不包含「会员社群」，而更低等级 白银 包含。请为 黄金 勾选“包含”，或在此行填写例外原因。',
          en: 'Gold does not include "Member community", but the lower tier Silver does. Tick "Included" for Gold or write an exception reason on this row.',
        },
      },
    ])
  })

  it('accepts a deliberate exception written on the edited row', () => {
    const edited = withRow(gold, 2, { value: percent(5), exceptionReason: '年费已含赠课' })
    expect(findingsFor(edited)).toEqual([])
  })

  it('accepts a deliberate exception written on the other tier’s row', () => {
    const edited = withRow(gold, 2, { value: percent(5) })
    const excusedSilver = withRow(silver, 2, { exceptionReason: '白银限时加码' })
    expect(findingsFor(edited, [free, excusedSilver, edited])).toEqual([])
  })

  it('does not count a blank reason as an exception', () => {
    const edited = withRow(gold, 2, { value: percent(5), exceptionReason: '   ' })
    expect(codesAndPaths(findingsFor(edited))).toEqual([
      'gradient-benefit-lower @ benefits.2.percent',
    ])
  })

  it('names only the nearest offending tier', () => {
    const diamond: TierDefinition = {
      ...gold,
      id: 't-diamond',
      slug: 'diamond',
      name: { zh: '钻石', en: 'Diamond' },
      rank: 3,
      prices: [{ period: 'annual', listPrice: 199900, sellingPrice: 129900 }],
      benefits: gold.benefits.map((row, index) =>
        index === 0 ? { ...row, value: quota(2) } : row,
      ),
      accessTierIds: gold.accessTierIds,
    }
    const findings = findingsFor(diamond, [free, silver, gold, diamond])
    expect(findings).toHaveLength(1)
    expect(findings[0]?.message.en).toContain('the lower tier Gold grants 8 sessions / month')
  })

  it('skips an excused nearer tier and names the next offender', () => {
    const diamond: TierDefinition = {
      ...gold,
      id: 't-diamond',
      slug: 'diamond',
      name: { zh: '钻石', en: 'Diamond' },
      rank: 3,
      prices: [{ period: 'annual', listPrice: 199900, sellingPrice: 129900 }],
      benefits: gold.benefits.map((row, index) =>
        index === 0 ? { ...row, value: quota(2) } : row,
      ),
    }
    const excusedGold = withRow(gold, 0, { exceptionReason: '黄金特批' })
    const findings = findingsFor(diamond, [free, silver, excusedGold, diamond])
    expect(findings.map((finding) => finding.message.en)).toEqual([
      expect.stringContaining('the lower tier Silver grants 4 sessions / month'),
    ])
  })

  it('reports an invalid value once, as invalid, not again as a gradient break', () => {
    const edited = withRow(gold, 1, { value: level('8k') })
    expect(codesAndPaths(findingsFor(edited))).toEqual(['level-unknown @ benefits.1.level'])
  })

  it('reports a value outside its range at the value field', () => {
    const edited = withRow(gold, 2, { value: percent(80) })
    expect(codesAndPaths(findingsFor(edited))).toEqual(['value-out-of-range @ benefits.2.percent'])
  })

  it('reports a value of the wrong shape', () => {
    const edited = withRow(gold, 0, { value: flag(true) })
    expect(codesAndPaths(findingsFor(edited))).toEqual(['value-wrong-shape @ benefits.0.amount'])
  })
})

describe('tierFindings: honorary tiers sit outside the ladder', () => {
  const lavish: TierDefinition = { ...honorary, rank: gold.rank, benefits: [] }

  it('does not compare an honorary tier’s benefits, access or rank with the ladder', () => {
    expect(findingsFor(lavish, [...ladder, lavish])).toEqual([])
    expect(findingsFor(gold, [...ladder, lavish])).toEqual([])
  })

  it('still checks an honorary tier’s own values', () => {
    const edited: TierDefinition = { ...honorary, benefits: [grant(tutoring, quota(99))] }
    expect(codesAndPaths(findingsFor(edited, [...ladder, edited]))).toEqual([
      'value-out-of-range @ benefits.0.amount',
    ])
  })

  it('refuses two honorary tiers with the same rank', () => {
    const second: TierDefinition = {
      ...honorary,
      id: 't-founder',
      slug: 'founder',
      name: { zh: '创始会员', en: 'Founder' },
    }
    const findings = findingsFor(second, [...ladder, honorary, second])
    expect(codesAndPaths(findings)).toEqual(['honorary-tier-has-rank-conflict @ rank'])
    expect(findings[0]?.message.zh).toContain('荣誉会员')
  })
})

describe('tierFindings: ranks, slugs and kinds', () => {
  it.each<[string, TierDefinition, readonly TierDefinition[], string[]]>([
    [
      'refuses a rank another ladder tier holds',
      { ...gold, rank: 1 },
      ladder,
      ['rank-not-unique @ rank'],
    ],
    [
      'refuses a slug another tier uses',
      { ...gold, slug: 'silver' },
      ladder,
      ['slug-not-unique @ slug'],
    ],
    [
      'refuses a slug an honorary tier uses',
      { ...gold, slug: 'honorary' },
      [...ladder, honorary],
      ['slug-not-unique @ slug'],
    ],
    [
      'refuses a second entry tier, and its prices',
      { ...gold, kind: 'entry' },
      ladder,
      [
        'entry-tier-not-lowest @ rank',
        'entry-tier-not-unique @ kind',
        'price-invalid @ prices.0.sellingPrice',
      ],
    ],
  ])('%s', (_name, subject, tiers, expected) => {
    expect(codesAndPaths(findingsFor(subject, tiers))).toEqual(expected)
  })

  it('refuses an entry tier ranked above a paid tier, which then also out-grants it', () => {
    const findings = codesAndPaths(findingsFor({ ...free, rank: 5 }))
    expect(findings[0]).toBe('entry-tier-not-lowest @ rank')
    expect(findings).toContain('gradient-access-missing @ accessTiers')
  })

  it('refuses a paid tier ranked below the entry tier, which then also out-grants it', () => {
    const findings = codesAndPaths(findingsFor({ ...silver, rank: -1 }))
    expect(findings[0]).toBe('entry-tier-not-lowest @ rank')
    expect(findings).toContain('gradient-benefit-lower @ benefits.0.amount')
    expect(findings).toContain('gradient-access-missing @ accessTiers')
  })

  it('says which tier holds the rank', () => {
    const [finding] = findingsFor({ ...gold, rank: 1 })
    expect(finding?.message.zh).toBe(
      '黄金 的等级序号 1 与 白银 相同。阶梯中每个等级的序号必须不同：请换一个未被使用的序号。',
    )
  })

  it('says where the entry tier must go', () => {
    const [finding] = findingsFor({ ...free, rank: 5 })
    expect(finding?.message.en).toBe(
      'The entry tier Free (rank 5) must be the lowest in the ladder, but Silver has the lower rank 1. Give Free a rank below 1.',
    )
  })

  it('does not mistake the stored copy of the edited tier for another tier', () => {
    expect(
      tierFindings({
        subject: { ...gold, name: { zh: '金', en: 'Gold+' } },
        others: ladder,
        ...catalogue,
      }),
    ).toEqual([])
  })
})

describe('tierFindings: growth thresholds', () => {
  const growthTier = (growth?: { reach: number; keep: number }): TierDefinition => ({
    ...gold,
    kind: 'growth',
    prices: [],
    ...(growth ? { growth } : {}),
  })

  it.each<[string, TierDefinition, string[]]>([
    [
      'accepts reach above 0 and keep between 0 and reach',
      growthTier({ reach: 1000, keep: 600 }),
      [],
    ],
    ['accepts keep equal to reach', growthTier({ reach: 1000, keep: 1000 }), []],
    [
      'refuses a reach of 0',
      growthTier({ reach: 0, keep: 0 }),
      ['growth-thresholds-invalid @ growth.reach'],
    ],
    [
      'refuses keep above reach',
      growthTier({ reach: 1000, keep: 1200 }),
      ['growth-thresholds-invalid @ growth.keep'],
    ],
    [
      'refuses a negative keep',
      growthTier({ reach: 1000, keep: -1 }),
      ['growth-thresholds-invalid @ growth.keep'],
    ],
    [
      'refuses missing thresholds',
      growthTier(),
      ['growth-thresholds-invalid @ growth.reach', 'growth-thresholds-invalid @ growth.keep'],
    ],
  ])('%s', (_name, subject, expected) => {
    expect(codesAndPaths(findingsFor(subject))).toEqual(expected)
  })

  it('ignores thresholds on a tier that is not a growth tier', () => {
    expect(findingsFor({ ...gold, growth: { reach: -1, keep: -5 } })).toEqual([])
  })
})

describe('tierFindings: prices', () => {
  const priced = (prices: TierDefinition['prices'], kind: TierDefinition['kind'] = 'paid') =>
    findingsFor({ ...gold, kind, prices })

  it.each<[string, TierDefinition['prices'], TierDefinition['kind'], string[]]>([
    ['refuses a paid tier without a price', [], 'paid', ['price-invalid @ prices']],
    [
      'accepts a growth tier without a price',
      [],
      'growth',
      ['growth-thresholds-invalid @ growth.reach', 'growth-thresholds-invalid @ growth.keep'],
    ],
    [
      'refuses a selling price above the list price',
      [{ period: 'annual', listPrice: 69900, sellingPrice: 99900 }],
      'paid',
      ['price-invalid @ prices.0.sellingPrice'],
    ],
    [
      'refuses a negative list price',
      [{ period: 'annual', listPrice: -100, sellingPrice: 0 }],
      'paid',
      ['price-invalid @ prices.0.listPrice'],
    ],
    [
      'refuses a fraction of a fen',
      [{ period: 'annual', listPrice: 99900, sellingPrice: 699.5 }],
      'paid',
      ['price-invalid @ prices.0.sellingPrice'],
    ],
    [
      'refuses an empty price',
      [{ period: 'annual', listPrice: Number.NaN, sellingPrice: 69900 }],
      'paid',
      ['price-invalid @ prices.0.listPrice'],
    ],
    [
      'refuses the same billing period twice',
      [
        { period: 'annual', listPrice: 99900, sellingPrice: 69900 },
        { period: 'annual', listPrice: 99900, sellingPrice: 59900 },
      ],
      'paid',
      ['price-invalid @ prices.1.period'],
    ],
    [
      'refuses an unknown billing period',
      [{ period: 'weekly' as 'annual', listPrice: 100, sellingPrice: 100 }],
      'paid',
      ['price-invalid @ prices.0.period'],
    ],
    [
      'accepts one price per billing period',
      [
        { period: 'monthly', listPrice: 9900, sellingPrice: 9900 },
        { period: 'quarterly', listPrice: 26900, sellingPrice: 24900 },
        { period: 'annual', listPrice: 99900, sellingPrice: 69900 },
      ],
      'paid',
      [],
    ],
  ])('%s', (_name, prices, kind, expected) => {
    expect(codesAndPaths(priced(prices, kind))).toEqual(expected)
  })

  it('accepts an entry tier with a zero price and refuses one with a list price', () => {
    const zero = {
      ...free,
      prices: [{ period: 'monthly' as const, listPrice: 0, sellingPrice: 0 }],
    }
    expect(findingsFor(zero)).toEqual([])
    const anchored = {
      ...free,
      prices: [{ period: 'monthly' as const, listPrice: 9900, sellingPrice: 0 }],
    }
    expect(codesAndPaths(findingsFor(anchored))).toEqual(['price-invalid @ prices.0.listPrice'])
  })

  it('says prices in yuan, as the editor typed them', () => {
    const [finding] = priced([{ period: 'annual', listPrice: 59900, sellingPrice: 69990 }])
    expect(finding?.message.zh).toBe(
      '黄金 第 1 个价格的售价 699.9 元高于原价 599 元。售价不能高于原价：请降低售价或提高原价。',
    )
  })
})

describe('tierFindings: benefit rows', () => {
  it('refuses a benefit that does not exist', () => {
    const edited = {
      ...gold,
      benefits: [...gold.benefits, { benefitId: 'b-gone', value: flag(true) }],
    }
    expect(codesAndPaths(findingsFor(edited))).toEqual(['benefit-unknown @ benefits.5.benefit'])
  })

  it('refuses a benefit listed twice and keeps the first row for the gradient', () => {
    const edited = { ...gold, benefits: [...gold.benefits, grant(tutoring, quota(1))] }
    const findings = findingsFor(edited)
    expect(codesAndPaths(findings)).toEqual(['benefit-listed-twice @ benefits.5.benefit'])
    expect(findings[0]?.message.en).toBe(
      'Gold lists "1:1 tutoring" twice, on rows 1 and 6. Each benefit takes one row: remove one of them.',
    )
  })
})

describe('tierFindings: course access', () => {
  it('refuses a higher tier that opens fewer access tiers, naming them', () => {
    const edited = { ...gold, accessTierIds: [basic.id, masterclass.id] }
    const findings = findingsFor(edited)
    expect(codesAndPaths(findings)).toEqual(['gradient-access-missing @ accessTiers'])
    expect(findings[0]?.message).toEqual({
      zh: '黄金 没有开放 精选进阶课，而更低等级 白银 开放了。高等级应开放低等级开放的全部课程层级：请为 黄金 加上 精选进阶课，或填写“课程层级例外原因”。',
      en: 'Gold does not open Advanced courses, which the lower tier Silver opens. A higher tier opens every course-access tier a lower one does: add Advanced courses to Gold, or write a course-access exception reason.',
    })
  })

  it('refuses a lower tier opening what a higher tier lacks', () => {
    const generous = { ...silver, accessTierIds: [basic.id, advanced.id, masterclass.id] }
    const narrowGold = { ...gold, accessTierIds: [basic.id, advanced.id] }
    const findings = findingsFor(generous, [free, generous, narrowGold])
    expect(codesAndPaths(findings)).toEqual(['gradient-access-missing @ accessTiers'])
    expect(findings[0]?.message.en).toContain(
      'Silver opens Masterclasses, which the higher tier Gold does not',
    )
  })

  it('accepts a written access exception on the tier that opens less', () => {
    const generous = { ...silver, accessTierIds: [basic.id, advanced.id, masterclass.id] }
    const narrowGold = {
      ...gold,
      accessTierIds: [basic.id, advanced.id],
      accessExceptionReason: '大师课改为单独售卖',
    }
    expect(findingsFor(narrowGold, [free, generous, narrowGold])).toEqual([])
    expect(findingsFor(generous, [free, generous, narrowGold])).toEqual([])
  })

  it('lists every missing access tier once, in access order', () => {
    const bare = { ...gold, accessTierIds: [] }
    const [finding] = findingsFor(bare)
    expect(finding?.message.zh).toContain(
      '黄金 没有开放 基础课程库、精选进阶课，而更低等级 白银 开放了',
    )
  })
})

describe('tierFindings: adjacent tiers differ', () => {
  it('refuses a tier identical to the tier below it', () => {
    const copy = { ...gold, benefits: silver.benefits, accessTierIds: silver.accessTierIds }
    const findings = findingsFor(copy)
    expect(codesAndPaths(findings)).toEqual(['adjacent-tiers-identical @ benefits'])
    expect(findings[0]?.message.zh).toContain('黄金 与下一级 白银 的权益和课程层级完全相同')
  })

  it('refuses a tier identical to the tier above it', () => {
    const copy = { ...silver, benefits: gold.benefits, accessTierIds: gold.accessTierIds }
    expect(codesAndPaths(findingsFor(copy))).toEqual(['adjacent-tiers-identical @ benefits'])
  })

  it('counts a row granting nothing as equal to no row', () => {
    const copy = {
      ...gold,
      benefits: [...silver.benefits, grant(community, flag(false))],
      accessTierIds: silver.accessTierIds,
    }
    expect(codesAndPaths(findingsFor(copy))).toEqual(['adjacent-tiers-identical @ benefits'])
  })

  it('accepts tiers that differ only in course access', () => {
    const copy = { ...gold, benefits: silver.benefits }
    expect(findingsFor(copy)).toEqual([])
  })
})

describe('ladderFindings', () => {
  it('finds nothing wrong with a sound ladder', () => {
    expect(ladderFindings({ tiers: [...ladder, honorary], ...catalogue })).toEqual([])
  })

  it('refuses a ladder without an entry tier', () => {
    expect(ladderFindings({ tiers: [silver, gold, honorary], ...catalogue })).toEqual([
      {
        tierId: '',
        finding: {
          code: 'entry-tier-missing',
          path: '',
          message: {
            zh: '等级阶梯中没有入门等级。请把最低等级的类型设为“入门（免费）”，或新建一个入门等级。',
            en: "The ladder has no entry tier. Set the lowest tier's kind to Entry (free), or create an entry tier.",
          },
        },
      },
    ])
  })

  it('does not ask for an entry tier when there is no ladder', () => {
    expect(ladderFindings({ tiers: [honorary], ...catalogue })).toEqual([])
    expect(ladderFindings({ tiers: [], ...catalogue })).toEqual([])
  })

  it('reports a break from both tiers, each with its own document paths', () => {
    const tiers = [free, silver, withRow(gold, 0, { value: quota(2) })]
    expect(
      ladderFindings({ tiers, ...catalogue }).map(
        ({ tierId, finding }) => `${tierId}: ${finding.path}`,
      ),
    ).toEqual(['t-silver: benefits.0.amount', 't-gold: benefits.0.amount'])
  })
})

/** A generated ladder in which every benefit rises (weakly) with rank. */
type GeneratedLadder = {
  tiers: TierDefinition[]
  benefits: BenefitDefinition[]
}

const stepsBenefit: BenefitDefinition = {
  id: 'b-steps',
  key: 'steps',
  name: { zh: '台阶', en: 'Steps' },
  unit: { zh: '', en: '' },
  category: 'usage-quota',
  shape: { kind: 'limit', min: 0 },
}

const monotoneLadder = (options: { omitEmptyRows: boolean }): fc.Arbitrary<GeneratedLadder> =>
  fc
    .record({
      size: fc.integer({ min: 2, max: 5 }),
      shapes: fc.array(shapeArbitrary, { minLength: 1, maxLength: 4 }),
    })
    .chain(({ size, shapes }) =>
      fc.record({
        ranks: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), {
          minLength: size,
          maxLength: size,
        }),
        columns: fc.tuple(
          ...shapes.map((shape: ValueShape) =>
            fc.array(validValueArbitrary(shape), { minLength: size, maxLength: size }),
          ),
        ),
        accessCounts: fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: size,
          maxLength: size,
        }),
        omit: fc.array(fc.boolean(), {
          minLength: size * shapes.length,
          maxLength: size * shapes.length,
        }),
        shapes: fc.constant(shapes),
      }),
    )
    .map(({ ranks, columns, accessCounts, omit, shapes }) => {
      const benefits = shapes.map((shape, index): BenefitDefinition => ({
        id: `b${index}`,
        key: `benefit-${index}`,
        name: { zh: `权益${index}`, en: `Benefit ${index}` },
        unit: { zh: '次', en: 'times' },
        category: 'usage-quota',
        shape,
      }))
      const sortedColumns = columns.map((column: BenefitValue[], index) =>
        [...column].sort((a, b) => compareValues(shapes[index]!, a, b)),
      )
      const sortedRanks = [...ranks].sort((a, b) => a - b)
      const sortedAccess = [...accessCounts].sort((a, b) => a - b)
      const access = [basic.id, advanced.id, masterclass.id]
      const tiers = sortedRanks.map((rank, tierIndex): TierDefinition => ({
        id: `t${tierIndex}`,
        slug: `tier-${tierIndex}`,
        name: { zh: `等级${tierIndex}`, en: `Tier ${tierIndex}` },
        rank,
        kind: tierIndex === 0 ? 'entry' : 'paid',
        prices:
          tierIndex === 0
            ? []
            : [{ period: 'monthly', listPrice: 1000 * tierIndex, sellingPrice: 900 * tierIndex }],
        benefits: [
          ...benefits.flatMap((benefit, benefitIndex) => {
            const value = sortedColumns[benefitIndex]![tierIndex]!
            const skip =
              options.omitEmptyRows &&
              omit[tierIndex * benefits.length + benefitIndex] === true &&
              grantsNothing(benefit.shape, value)
            return skip ? [] : [grant(benefit, value)]
          }),
          // Strictly rising, so neighbours always differ in something.
          grant(stepsBenefit, { kind: 'limit', unlimited: false, amount: tierIndex + 1 }),
        ],
        accessTierIds: access.slice(0, sortedAccess[tierIndex]),
      }))
      return { tiers, benefits: [...benefits, stepsBenefit] }
    })

const generatedCatalogue = ({ benefits }: GeneratedLadder) => ({
  benefits: new Map(benefits.map((benefit) => [benefit.id, benefit])),
  accessTiers: catalogue.accessTiers,
})

describe('ladder properties', () => {
  it('finds nothing wrong with a generated monotone ladder', () => {
    fc.assert(
      fc.property(monotoneLadder({ omitEmptyRows: true }), (generated) => {
        expect(
          ladderFindings({ tiers: generated.tiers, ...generatedCatalogue(generated) }),
        ).toEqual([])
      }),
    )
  })

  it('reports exactly the expected break when two neighbours swap one benefit’s values', () => {
    fc.assert(
      fc.property(monotoneLadder({ omitEmptyRows: false }), fc.nat(), (generated, pick) => {
        const { tiers, benefits } = generated
        // Pairs of neighbours whose values for a (non-step) benefit strictly rise.
        const rising = benefits.slice(0, -1).flatMap((benefit) =>
          tiers.slice(0, -1).flatMap((tier, index) => {
            const lowerValue = tier.benefits.find((row) => row.benefitId === benefit.id)!.value
            const upperValue = tiers[index + 1]!.benefits.find(
              (row) => row.benefitId === benefit.id,
            )!.value
            return compareValues(benefit.shape, lowerValue, upperValue) < 0
              ? [{ benefit, index, lowerValue, upperValue }]
              : []
          }),
        )
        fc.pre(rising.length > 0)
        const { benefit, index, lowerValue, upperValue } = rising[pick % rising.length]!
        const swapValue = (tier: TierDefinition, value: BenefitValue): TierDefinition => ({
          ...tier,
          benefits: tier.benefits.map((row) =>
            row.benefitId === benefit.id ? { ...row, value } : row,
          ),
        })
        const lower = swapValue(tiers[index]!, upperValue)
        const upper = swapValue(tiers[index + 1]!, lowerValue)
        const swapped = tiers.map((tier, tierIndex) =>
          tierIndex === index ? lower : tierIndex === index + 1 ? upper : tier,
        )
        const rowPath = (tier: TierDefinition) =>
          `benefits.${tier.benefits.findIndex((row) => row.benefitId === benefit.id)}.${valueFieldName(benefit.shape.kind)}`
        const expected = (
          tier: TierDefinition,
          other: TierDefinition,
          against: 'lower' | 'higher',
          value: BenefitValue,
          otherValue: BenefitValue,
        ) => ({
          tierId: tier.id,
          finding: {
            code: 'gradient-benefit-lower',
            path: rowPath(tier),
            message: gradientBenefitLower({
              against,
              tier: tier.name,
              other: other.name,
              benefit: benefit.name,
              kind: benefit.shape.kind,
              value: formatValueLocalized(benefit, value),
              otherValue: formatValueLocalized(benefit, otherValue),
              hasRow: true,
            }),
          },
        })

        const context = generatedCatalogue(generated)
        expect(
          tierFindings({ subject: upper, others: others(upper, swapped), ...context }),
        ).toEqual([expected(upper, lower, 'lower', lowerValue, upperValue).finding])
        expect(ladderFindings({ tiers: swapped, ...context })).toEqual([
          expected(lower, upper, 'higher', upperValue, lowerValue),
          expected(upper, lower, 'lower', lowerValue, upperValue),
        ])
      }),
    )
  })
})
