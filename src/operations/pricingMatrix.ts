// The published ladder as one comparison matrix: what a pricing page renders in one call.
import type { PayloadRequest } from 'payload'

import { globalSlugs } from '../../collections/slugs'
import { buildPricingMatrix, type PricingMatrix } from '../domain/catalogue/matrix'
import { benefitCategories, type Locale } from '../domain/catalogue/types'
import { loadCatalogue } from './loadCatalogue'

export async function pricingMatrix(req: PayloadRequest, locale: Locale): Promise<PricingMatrix> {
  const [catalogue, settings] = await Promise.all([
    loadCatalogue(req),
    req.payload.findGlobal({ slug: globalSlugs.membershipSettings, req, depth: 0 }),
  ])
  const categoryOrder = (category: string) =>
    benefitCategories.indexOf(category as (typeof benefitCategories)[number])
  const benefits = catalogue.benefits
    .filter((benefit) => catalogue.activeBenefitIds.has(benefit.id))
    .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category))
  return buildPricingMatrix({
    tiers: catalogue.tiers,
    benefits,
    accessTiers: catalogue.accessTiers,
    locale,
    currency: String((settings as { currency?: string }).currency ?? 'CNY'),
  })
}
