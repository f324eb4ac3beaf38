// The catalogue as one comparison table in one language: what a pricing page renders.
import { formatPrice, formatValue } from './format'
import { byRank, grantOf, isLadderTier } from './ladder'
import {
  billingPeriods,
  notGrantedDisplay,
  type BenefitCategory,
  type BenefitDefinition,
  type BenefitValue,
  type BillingPeriod,
  type CourseAccessTierDefinition,
  type Locale,
  type TierDefinition,
  type TierKind,
  type ValueKind,
} from './types'
import { grantsNothing } from './values'

export type PricingMatrixAccessTier = { id: string; rank: number; name: string }

export type PricingMatrixPrice = {
  period: BillingPeriod
  /** In the smallest currency unit (分). */
  listPrice: number
  sellingPrice: number
  /** The selling price as money, e.g. ¥99. */
  display: string
}

export type PricingMatrixTier = {
  id: string
  slug: string
  name: string
  kind: TierKind
  rank: number
  honorary: boolean
  prices: PricingMatrixPrice[]
  growth: { reach: number; keep: number } | null
  accessTiers: PricingMatrixAccessTier[]
}

export type PricingMatrixCell = {
  tierId: string
  tierSlug: string
  /**
   * null when the tier does not grant the benefit (no row, or a row granting nothing, e.g. a flag
   * that is off); `display` is then `—`. Never Infinity, so the matrix is plain JSON.
   */
  value: BenefitValue | null
  display: string
}

export type PricingMatrixBenefit = {
  id: string
  key: string
  name: string
  unit: string
  category: BenefitCategory
  kind: ValueKind
  cells: PricingMatrixCell[]
}

export type PricingMatrix = {
  locale: Locale
  currency: string
  /** Ladder tiers by rank, then honorary tiers by rank. */
  tiers: PricingMatrixTier[]
  /** In the order given. */
  benefits: PricingMatrixBenefit[]
  /** By rank. */
  accessTiers: PricingMatrixAccessTier[]
}

const byAccessRank = (a: CourseAccessTierDefinition, b: CourseAccessTierDefinition): number =>
  a.rank - b.rank || a.id.localeCompare(b.id)

function cellFor(
  tier: TierDefinition,
  benefit: BenefitDefinition,
  locale: Locale,
): PricingMatrixCell {
  const value = grantOf(tier, benefit.id)?.value
  const granted = value !== undefined && !grantsNothing(benefit.shape, value)
  return {
    tierId: tier.id,
    tierSlug: tier.slug,
    value: granted ? value : null,
    display: granted ? formatValue(benefit, value, locale) : notGrantedDisplay,
  }
}

export function buildPricingMatrix(input: {
  tiers: readonly TierDefinition[]
  benefits: readonly BenefitDefinition[]
  accessTiers: readonly CourseAccessTierDefinition[]
  locale: Locale
  currency: string
}): PricingMatrix {
  const { locale, currency } = input
  const accessTiers = [...input.accessTiers].sort(byAccessRank)
  const accessView = (tier: CourseAccessTierDefinition): PricingMatrixAccessTier => ({
    id: tier.id,
    rank: tier.rank,
    name: tier.name[locale],
  })
  const tiers = [
    ...input.tiers.filter(isLadderTier).sort(byRank),
    ...input.tiers.filter((tier) => !isLadderTier(tier)).sort(byRank),
  ]

  return {
    locale,
    currency,
    tiers: tiers.map((tier) => {
      const opened = new Set(tier.accessTierIds)
      return {
        id: tier.id,
        slug: tier.slug,
        name: tier.name[locale],
        kind: tier.kind,
        rank: tier.rank,
        honorary: !isLadderTier(tier),
        prices: [...tier.prices]
          .sort((a, b) => billingPeriods.indexOf(a.period) - billingPeriods.indexOf(b.period))
          .map((price) => ({
            period: price.period,
            listPrice: price.listPrice,
            sellingPrice: price.sellingPrice,
            display: formatPrice(price.sellingPrice, currency, locale),
          })),
        growth: tier.growth ? { reach: tier.growth.reach, keep: tier.growth.keep } : null,
        accessTiers: accessTiers.filter((access) => opened.has(access.id)).map(accessView),
      }
    }),
    benefits: input.benefits.map((benefit) => ({
      id: benefit.id,
      key: benefit.key,
      name: benefit.name[locale],
      unit: benefit.unit[locale],
      category: benefit.category,
      kind: benefit.shape.kind,
      cells: tiers.map((tier) => cellFor(tier, benefit, locale)),
    })),
    accessTiers: accessTiers.map(accessView),
  }
}
