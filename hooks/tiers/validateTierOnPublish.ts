import type { CollectionBeforeChangeHook } from 'payload'

import { editedName, tierFromDoc } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { ladderFindings, tierFindings } from '../../src/domain/catalogue/ladder'
import { loadCatalogue } from '../../src/operations/loadCatalogue'
import { loadPriceRules } from '../../src/operations/loadPriceRules'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/**
 * On publish, checks the tier against the live ladder (docs/rules.md rules 1–5). Drafts may be
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

  const [catalogue, priceRules] = await Promise.all([loadCatalogue(req), loadPriceRules(req)])
  const id = originalDoc?.id === undefined ? '' : String(originalDoc.id)
  const stored = id ? await storedInAllLocales(req, collection.slug, id) : {}
  // Prices exactly as typed, so a third decimal is refused rather than rounded away.
  const subject = tierFromDoc({ ...originalDoc, ...data, id }, catalogue.benefitKinds, {
    exactPrices: true,
  })
  subject.name = editedName(stored.name, data.name, req.locale)
  const others = catalogue.tiers.filter((tier) => tier.id !== id)
  const rules = {
    benefits: catalogue.benefitsById,
    accessTiers: catalogue.accessTiersById,
    priceRules,
  }

  const findings =
    (data.status ?? originalDoc?.status) === 'archived'
      ? ladderFindings({ tiers: others, ...rules }).map(({ finding }) => ({
          ...finding,
          path: 'status',
        }))
      : tierFindings({ subject, others, ...rules })
  throwIfFindings(findings, { req, id, collection: collection.slug, fallbackPath: 'benefits' })
  return data
}
