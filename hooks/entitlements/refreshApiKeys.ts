import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { apiKeysChanged } from '../../src/operations/entitlements/apiKeys'

/** A revoked or re-roled key stops working on the lean path with the very next request. */
export const refreshApiKeys: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({
  doc,
  req,
}) => {
  apiKeysChanged(req.payload)
  return doc
}
