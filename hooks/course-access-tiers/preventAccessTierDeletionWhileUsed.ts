import type { CollectionBeforeDeleteHook } from 'payload'

import { throwIfFindings } from '../../src/adapters/findings'
import type { Finding } from '../../src/domain/catalogue/types'
import { accessTierInUse } from '../../src/domain/catalogue/messages'
import { coursesReferencing, tiersReferencing } from '../../src/operations/findReferences'

/** A course-access tier that courses belong to or tiers open is archived, not deleted. */
export const preventAccessTierDeletionWhileUsed: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const [courses, tiers] = await Promise.all([
    coursesReferencing(req, { accessTier: { equals: id } }),
    tiersReferencing(req, { accessTiers: { contains: id } }),
  ])
  const findings: Finding[] = []
  if (courses.count > 0) {
    findings.push({
      code: 'access-tier-in-use',
      path: 'status',
      message: accessTierInUse({ by: 'courses', references: courses }),
    })
  }
  if (tiers.count > 0) {
    findings.push({
      code: 'access-tier-in-use',
      path: 'status',
      message: accessTierInUse({ by: 'tiers', references: tiers }),
    })
  }
  throwIfFindings(findings, { req, id, collection: collection.slug, fallbackPath: 'status' })
}
