import { describe, expect, it } from 'vitest'

import { buildPricingMatrix } from '../../../src/domain/catalogue/matrix'
import type { Locale } from '../../../src/domain/catalogue/types'
import {
  advanced,
  allBenefits,
  answers,
  basic,
  community,
  discount,
  flag,
  free,
  gold,
  grant,
  honorary,
  masterclass,
  silver,
  tutoring,
  within,
} from './fixtures'

const build = (locale: Locale, tiers = [honorary, gold, free, silver]) =>
  buildPricingMatrix({
    tiers,
    benefits: allBenefits,
    accessTiers: [masterclass, basic, advanced],
    locale,
    currency: 'CNY',
  })

const row = (matrix: ReturnType<typeof build>, id: string) =>
  matrix.benefits.find((benefit) => benefit.id === id)

describe('buildPricingMatrix', () => {
  it('lists ladder tiers by rank, then honorary tiers', () => {
    const matrix = build('zh')
    expect(matrix.tiers.map((tier) => [tier.slug, tier.name, tier.honorary])).toEqual([
      ['free', '免费', false],
      ['silver', '白银', false],
      ['gold', '黄金', false],
      ['honorary', '荣誉会员', true],
    ])
  })

  it('shows each cell in Chinese, with — where a tier grants nothing', () => {
    const matrix = build('zh')
    expect(row(matrix, tutoring.id)?.cells.map((cell) => cell.display)).toEqual([
      '—',
      '每月 4 次',
      '每月 8 次',
      '—',
    ])
    expect(row(matrix, discount.id)?.cells.map((cell) => cell.display)).toEqual([
      '—',
      '9折',
      '8折',
      '—',
    ])
  })

  it('speaks English when asked', () => {
    const matrix = build('en')
    const tutoringRow = row(matrix, tutoring.id)
    expect(tutoringRow).toMatchObject({
      key: 'tutoring',
      name: '1:1 tutoring',
      unit: 'sessions',
      category: 'learning-service',
      kind: 'quota',
    })
    expect(tutoringRow?.cells.map((cell) => cell.display)).toEqual([
      '—',
      '4 sessions / month',
      '8 sessions / month',
      '—',
    ])
    expect(matrix.tiers[2]?.accessTiers.map((tier) => tier.name)).toEqual([
      'Basic library',
      'Advanced courses',
      'Masterclasses',
    ])
  })

  it('gives a null value where the tier has no row or a row granting nothing', () => {
    const switchedOff = { ...silver, benefits: [...silver.benefits, grant(community, flag(false))] }
    const matrix = build('en', [free, switchedOff, gold])
    expect(row(matrix, community.id)?.cells).toEqual([
      { tierId: free.id, tierSlug: 'free', value: null, display: '—' },
      { tierId: silver.id, tierSlug: 'silver', value: null, display: '—' },
      {
        tierId: gold.id,
        tierSlug: 'gold',
        value: { kind: 'flag', enabled: true },
        display: 'Included',
      },
    ])
    expect(row(matrix, answers.id)?.cells[0]).toEqual({
      tierId: free.id,
      tierSlug: 'free',
      value: within(48),
      display: 'within 48 h',
    })
  })

  it('keeps benefits in the order given and access tiers by rank', () => {
    const matrix = build('zh')
    expect(matrix.benefits.map((benefit) => benefit.id)).toEqual(
      allBenefits.map((benefit) => benefit.id),
    )
    expect(matrix.accessTiers).toEqual([
      { id: basic.id, rank: 1, name: '基础课程库' },
      { id: advanced.id, rank: 2, name: '精选进阶课' },
      { id: masterclass.id, rank: 3, name: '大师课' },
    ])
  })

  it('shows prices in billing-period order with the selling price as money', () => {
    const priced = {
      ...gold,
      prices: [
        { period: 'annual' as const, listPrice: 99900, sellingPrice: 69900 },
        { period: 'monthly' as const, listPrice: 9900, sellingPrice: 8990 },
      ],
    }
    const matrix = build('zh', [free, silver, priced])
    expect(matrix.tiers[2]?.prices).toEqual([
      { period: 'monthly', listPrice: 9900, sellingPrice: 8990, display: '¥89.90' },
      { period: 'annual', listPrice: 99900, sellingPrice: 69900, display: '¥699' },
    ])
    expect(matrix.currency).toBe('CNY')
    expect(matrix.locale).toBe('zh')
  })

  it('gives growth thresholds for growth tiers and null for the others', () => {
    const growing = { ...gold, kind: 'growth' as const, growth: { reach: 3000, keep: 2000 } }
    const matrix = build('zh', [free, silver, growing])
    expect(matrix.tiers.map((tier) => tier.growth)).toEqual([
      null,
      null,
      { reach: 3000, keep: 2000 },
    ])
  })

  it('survives a JSON round trip unchanged', () => {
    const matrix = build('en')
    expect(JSON.parse(JSON.stringify(matrix))).toEqual(matrix)
  })
})
