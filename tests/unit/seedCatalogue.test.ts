import { describe, expect, it } from 'vitest'

import { seedAccessTiers, seedBenefits, seedCourses, seedTiers } from '../../seed/data/catalogue'
import { ladderFindings } from '../../src/domain/catalogue/ladder'
import {
  benefitCategories,
  valueKinds,
  type BenefitDefinition,
  type CourseAccessTierDefinition,
  type TierDefinition,
} from '../../src/domain/catalogue/types'

// The seed's keys stand in for database ids.
const benefits = new Map<string, BenefitDefinition>(
  seedBenefits.map((benefit) => [benefit.key, { ...benefit, id: benefit.key }]),
)
const accessTiers = new Map<string, CourseAccessTierDefinition>(
  seedAccessTiers.map((tier) => [tier.key, { id: tier.key, rank: tier.rank, name: tier.name }]),
)
const tiers: TierDefinition[] = seedTiers.map((tier) => ({
  id: tier.slug,
  slug: tier.slug,
  name: tier.name,
  rank: tier.rank,
  kind: tier.kind,
  // 元 -> 分 as the publish check reads them: a third decimal would stay and be refused.
  prices: tier.prices.map((price) => ({
    period: price.period,
    listPrice: Number((price.listPrice * 100).toFixed(6)),
    sellingPrice: Number((price.sellingPrice * 100).toFixed(6)),
  })),
  ...(tier.growth ? { growth: tier.growth } : {}),
  benefits: tier.benefits.map((grant) => ({ ...grant, benefitId: grant.benefit })),
  accessTierIds: tier.accessTiers,
}))

describe('the demo catalogue', () => {
  it('passes every guard rail', () => {
    expect(ladderFindings({ tiers, benefits, accessTiers })).toEqual([])
  })

  it('covers every benefit category and value shape, with at least 15 benefits', () => {
    expect(seedBenefits.length).toBeGreaterThanOrEqual(15)
    expect(new Set(seedBenefits.map((benefit) => benefit.category))).toEqual(
      new Set(benefitCategories),
    )
    expect(new Set(seedBenefits.map((benefit) => benefit.shape.kind))).toEqual(new Set(valueKinds))
  })

  it('has one entry tier, paid tiers, an honorary tier, five access tiers and 60+ courses', () => {
    expect(seedTiers.filter((tier) => tier.kind === 'entry')).toHaveLength(1)
    expect(seedTiers.filter((tier) => tier.kind === 'paid').length).toBeGreaterThanOrEqual(3)
    expect(seedTiers.filter((tier) => tier.kind === 'honorary')).toHaveLength(1)
    expect(seedAccessTiers).toHaveLength(5)
    expect(seedCourses.length).toBeGreaterThanOrEqual(60)
    for (const course of seedCourses) expect(accessTiers.has(course.accessTier)).toBe(true)
  })
})
