import type { CollectionBeforeChangeHook } from 'payload'

import { benefitFromDoc, editedName } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { benefitChangeFindings } from '../../src/domain/catalogue/ladder'
import { keyChangeInUse, shapeChangeInUse } from '../../src/domain/catalogue/messages'
import type { Finding } from '../../src/domain/catalogue/types'
import { tiersReferencing } from '../../src/operations/findReferences'
import { loadCatalogue } from '../../src/operations/loadCatalogue'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/**
 * Editing a benefit can break tiers from the other side: a new shape, a removed or re-ordered
 * level, a renamed key. Checked against every tier that uses the benefit.
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

  const findings: Finding[] = []
  if (after.key !== before.key) {
    findings.push({
      code: 'key-change-in-use',
      path: 'key',
      message: keyChangeInUse({ before: before.key, after: after.key, users }),
    })
  }
  const catalogue = await loadCatalogue(req)
  findings.push(
    ...benefitChangeFindings({
      before,
      after,
      tiers: catalogue.tiers,
      benefits: new Map([...catalogue.benefitsById, [id, after]]),
      accessTiers: catalogue.accessTiersById,
    }),
  )
  // Unpublished drafts hold the benefit too: its shape must not change under them either.
  if (after.shape.kind !== before.shape.kind && !findings.some((f) => f.path === 'valueShape')) {
    findings.push({
      code: 'shape-change-in-use',
      path: 'valueShape',
      message: shapeChangeInUse({
        benefit: after.name,
        from: before.shape.kind,
        to: after.shape.kind,
        tiers: users.examples,
      }),
    })
  }
  throwIfFindings(findings, { req, collection: collection.slug, fallbackPath: 'valueShape' })
  return data
}
