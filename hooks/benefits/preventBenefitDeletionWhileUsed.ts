import type { CollectionBeforeDeleteHook } from 'payload'

import { throwIfFindings } from '../../src/adapters/findings'
import { benefitInUse } from '../../src/domain/catalogue/messages'
import { tiersReferencing } from '../../src/operations/findReferences'

/** A benefit that any tier grants (published or in its latest draft) is archived, not deleted. */
export const preventBenefitDeletionWhileUsed: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const users = await tiersReferencing(req, { 'benefits.benefit': { equals: id } })
  if (users.count === 0) return
  throwIfFindings(
    [
      {
        code: 'benefit-in-use',
        path: 'status',
        message: benefitInUse({ users }),
      },
    ],
    { req, collection: collection.slug, fallbackPath: 'status' },
  )
}
