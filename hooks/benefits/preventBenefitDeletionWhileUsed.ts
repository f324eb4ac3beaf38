import type { CollectionBeforeDeleteHook } from 'payload'

import { benefitFromDoc } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { benefitInUse } from '../../src/domain/catalogue/messages'
import {
  grantsReferencing,
  tierVersionsHolding,
  tiersReferencing,
} from '../../src/operations/findReferences'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/**
 * A benefit that any tier grants (published or in its latest draft), that support grants refer to,
 * or that paying members still hold through the tier version they paid for is archived, not
 * deleted (docs/rules.md rule 6).
 */
export const preventBenefitDeletionWhileUsed: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const benefit = benefitFromDoc(await storedInAllLocales(req, collection.slug, String(id)))
  const [users, grants, held] = await Promise.all([
    tiersReferencing(req, { 'benefits.benefit': { equals: id } }),
    grantsReferencing(req, String(id)),
    tierVersionsHolding(req, benefit),
  ])
  if (users.count === 0 && grants.count === 0 && held.members === 0) return
  const holdings = {
    members: held.members,
    versions: {
      count: held.versions.length,
      examples: held.versions.slice(0, 3).map(({ name, version }) => ({
        zh: `${name.zh} v${version}`,
        en: `${name.en} v${version}`,
      })),
    },
    until: held.until,
    timeZone: held.timeZone,
  }
  throwIfFindings(
    [
      {
        code: 'benefit-in-use',
        path: 'status',
        message: benefitInUse({ users, grants, holdings }),
      },
    ],
    { req, id, collection: collection.slug, fallbackPath: 'status' },
  )
}
