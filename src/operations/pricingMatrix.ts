// The published ladder as one comparison matrix: what a pricing page renders in one call, with the
// live public campaign offers (docs/campaigns.md) beside each tier's prices.
import type { PayloadRequest } from 'payload'

import { globalSlugs } from '../../collections/slugs'
import { publicOffers } from '../domain/campaigns/offers'
import { buildPricingMatrix, type PricingMatrix } from '../domain/catalogue/matrix'
import { benefitCategories, type Locale } from '../domain/catalogue/types'
import { liveCampaignUsage } from './campaigns/memberRedemptions'
import { catalogueOf } from './entitlements/store'
import { loadCatalogue } from './loadCatalogue'

/** A live public offer on one price of a tier, texts in the matrix's locale. */
export type PricingOffer = {
  campaign: { id: string; slug: string; name: string }
  kind: string
  period: string
  sellingPrice: number
  offerPrice: number
  saving: number
  bonusDays: number
  trialDays: number
  endsAt: string
  headline: string
  callToAction: string
}

export type PricingMatrixWithOffers = Omit<PricingMatrix, 'tiers'> & {
  tiers: (PricingMatrix['tiers'][number] & { offers: PricingOffer[] })[]
}

export async function pricingMatrix(
  req: PayloadRequest,
  locale: Locale,
  now = new Date(),
): Promise<PricingMatrixWithOffers> {
  const [catalogue, settings, store] = await Promise.all([
    loadCatalogue(req),
    req.payload.findGlobal({ slug: globalSlugs.membershipSettings, req, depth: 0 }),
    catalogueOf(req.payload),
  ])
  const categoryOrder = (category: string) =>
    benefitCategories.indexOf(category as (typeof benefitCategories)[number])
  const benefits = catalogue.benefits
    .filter((benefit) => catalogue.activeBenefitIds.has(benefit.id))
    .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category))
  const matrix = buildPricingMatrix({
    tiers: catalogue.tiers,
    benefits,
    accessTiers: catalogue.accessTiers,
    locale,
    currency: String((settings as { currency?: string }).currency ?? 'CNY'),
  })
  const pricesOf = new Map(catalogue.tiers.map((tier) => [tier.id, tier.prices]))
  return {
    ...matrix,
    tiers: matrix.tiers.map((tier) => ({
      ...tier,
      offers: publicOffers(
        store.offers.campaigns,
        tier.id,
        pricesOf.get(tier.id) ?? [],
        now,
        (id) => liveCampaignUsage(req.payload, id),
      ).map(({ campaign: { definition }, price, quote }) => ({
        campaign: { id: definition.id, slug: definition.slug, name: definition.name[locale] },
        kind: definition.kind,
        period: price.period,
        sellingPrice: price.sellingPrice,
        offerPrice: quote.price,
        saving: quote.saving,
        bonusDays: definition.terms.offer.bonusDays,
        trialDays: definition.terms.offer.trialDays,
        endsAt: quote.endsAt.toISOString(),
        headline: definition.copy[locale].headline,
        callToAction: definition.copy[locale].callToAction,
      })),
    })),
  }
}
