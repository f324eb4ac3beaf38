import type { CollectionBeforeChangeHook } from 'payload'

import { tierFromDoc, toLocalized } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { ladderFindings, tierFindings } from '../../src/domain/catalogue/ladder'
import { loadCatalogue } from '../../src/operations/loadCatalogue'
import { preservingLocale } from '../../src/operations/preserveLocale'

/**
 * On publish, checks the tier against the live ladder (DOMAIN rules 1–4). Drafts may be
 * incomplete and are not checked. Archiving takes the tier out of the ladder, so the rest is
 * checked without it.
 */
export const validateTierOnPublish: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published' || context.skipCatalogueValidation) return data

  const catalogue = await loadCatalogue(req)
  const id = originalDoc?.id === undefined ? '' : String(originalDoc.id)
  const stored = id
    ? await preservingLocale(req, () =>
        req.payload.findByID({
          collection: collection.slug,
          id,
          locale: 'all',
          depth: 0,
          req,
          overrideAccess: true,
        }),
      )
    : {}
  const merged = { ...originalDoc, ...data, id }
  const subject = tierFromDoc(merged, catalogue.benefitKinds)
  // `data` carries names in the edited locale only; the other language comes from the stored doc.
  const storedName = toLocalized((stored as { name?: unknown }).name)
  const locale = req.locale === 'en' ? 'en' : 'zh'
  subject.name = { ...storedName, [locale]: toLocalized(data.name)[locale] || storedName[locale] }
  const others = catalogue.tiers.filter((tier) => tier.id !== id)
  const context_ = {
    benefits: catalogue.benefitsById,
    accessTiers: catalogue.accessTiersById,
  }

  const findings =
    data.status === 'archived'
      ? ladderFindings({ tiers: others, ...context_ }).map(({ finding }) => ({
          ...finding,
          path: 'status',
        }))
      : tierFindings({ subject, others, ...context_ })
  throwIfFindings(findings, { req, collection: collection.slug, fallbackPath: 'benefits' })
  return data
}
