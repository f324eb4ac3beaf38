import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { memberChanged } from '../../src/operations/entitlements/store'

/** The entitlement store sees a member's change (or removal) before the request returns. */
export const rememberMemberChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await memberChanged(req.payload, String(doc.id))
  return doc
}

export const forgetMember: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await memberChanged(req.payload, String(doc.id))
  return doc
}
