import type { CollectionBeforeChangeHook } from 'payload'

import { benefitFromDoc, editedName } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { benefitChangeFindings } from '../../src/domain/catalogue/ladder'
import { benefitMeaningFindings } from '../../src/domain/catalogue/meaning'
import { tiersReferencing } from '../../src/operations/findReferences'
import { loadCatalogue } from '../../src/operations/loadCatalogue'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/**
 * Editing a benefit can break tiers from the other side: a new key, shape, quota period or
 * duration unit (docs/rules.md rule 4), a removed or re-ordered level. Checked against every tier
 * that uses the benefit, published or in a draft.
 */
export const validateBenefitChange: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || context.skipCatalogueValidation) return data

  const id = String(originalDoc.id)
  const users = await tiersReferencing(req, { 'benefits.benefit': { equals: id } })
  if (users.count === 0) return data

  const stored = await storedInAllLocales(req, collection.slug, id)
  const before = benefitFromDoc(stored)
  const after = benefitFromDoc({ ...stored, ...data, id })
  after.name = editedName(stored.name, data.name, req.locale)

  let findings = benefitMeaningFindings({ before, after, users })
  if (findings.length === 0) {
    const catalogue = await loadCatalogue(req)
    findings = benefitChangeFindings({
      before,
      after,
      tiers: catalogue.tiers,
      benefits: new Map([...catalogue.benefitsById, [id, after]]),
      accessTiers: catalogue.accessTiersById,
    })
  }
  throwIfFindings(findings, { req, id, collection: collection.slug, fallbackPath: 'valueShape' })
  return data
}
