import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { catalogueChanged } from '../../src/operations/entitlements/store'

/**
 * The entitlement store compiles the published campaigns with its catalogue: any save, publish,
 * pause, resume, end or deletion rebuilds both on next use (checks then see the change at once).
 */
export const reloadLiveCampaigns: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({
  doc,
  req,
}) => {
  catalogueChanged(req.payload)
  return doc
}
