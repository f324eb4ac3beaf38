// Reads the catalogue the rules compare against: every benefit and course-access tier, and the
// tiers that are published and not archived (the live ladder).
import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { preservingLocale } from './preserveLocale'
import { accessTierFromDoc, benefitFromDoc, tierFromDoc } from '../adapters/catalogue'
import type {
  BenefitDefinition,
  CourseAccessTierDefinition,
  TierDefinition,
  ValueKind,
} from '../domain/catalogue/types'

export type CatalogueSnapshot = {
  benefits: BenefitDefinition[]
  benefitsById: Map<string, BenefitDefinition>
  benefitKinds: Map<string, ValueKind>
  /** Benefits not archived: the ones a pricing page lists. */
  activeBenefitIds: Set<string>
  accessTiers: CourseAccessTierDefinition[]
  accessTiersById: Map<string, CourseAccessTierDefinition>
  /** Published, non-archived tiers. */
  tiers: TierDefinition[]
}

export async function loadCatalogue(req: PayloadRequest): Promise<CatalogueSnapshot> {
  const common = { req, depth: 0, locale: 'all', pagination: false, overrideAccess: true } as const
  const [benefitDocs, accessTierDocs, tierDocs] = await preservingLocale(req, () =>
    Promise.all([
      req.payload.find({ ...common, collection: slugs.benefits, sort: 'createdAt' }),
      req.payload.find({ ...common, collection: slugs.courseAccessTiers, sort: 'rank' }),
      req.payload.find({
        ...common,
        collection: slugs.tiers,
        sort: 'rank',
        where: {
          and: [{ _status: { equals: 'published' } }, { status: { not_equals: 'archived' } }],
        },
      }),
    ]),
  )
  const benefits = benefitDocs.docs.map((doc) => benefitFromDoc(doc))
  const benefitKinds = new Map(benefits.map((benefit) => [benefit.id, benefit.shape.kind]))
  const accessTiers = accessTierDocs.docs.map((doc) => accessTierFromDoc(doc))
  const activeBenefitIds = new Set(
    benefitDocs.docs.filter((doc) => doc.status !== 'archived').map((doc) => String(doc.id)),
  )
  return {
    benefits,
    activeBenefitIds,
    benefitsById: new Map(benefits.map((benefit) => [benefit.id, benefit])),
    benefitKinds,
    accessTiers,
    accessTiersById: new Map(accessTiers.map((tier) => [tier.id, tier])),
    tiers: tierDocs.docs.map((doc) => tierFromDoc(doc, benefitKinds)),
  }
}
