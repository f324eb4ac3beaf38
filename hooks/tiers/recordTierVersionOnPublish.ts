import type { CollectionAfterChangeHook } from 'payload'

import { catalogueChanged } from '../../src/operations/entitlements/store'
import { recordTierVersion } from '../../src/operations/entitlements/tierVersions'

/** After a publish, the tier's terms become a new immutable plan version if they changed. */
export const recordTierVersionOnPublish: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  await recordTierVersion(req, String(doc.id))
  catalogueChanged(req.payload)
  return doc
}
