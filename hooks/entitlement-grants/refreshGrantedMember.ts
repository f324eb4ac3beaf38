import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { relationId } from '../../src/adapters/catalogue'
import { memberChanged } from '../../src/operations/entitlements/store'

/** A grant given, changed or removed reaches the member's very next check. */
export const refreshGrantedMember: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  doc,
  req,
  ...rest
}: Parameters<CollectionAfterChangeHook>[0] | Parameters<CollectionAfterDeleteHook>[0]) => {
  const previous = 'previousDoc' in rest ? relationId(rest.previousDoc?.member) : null
  const current = relationId(doc.member)
  for (const memberId of new Set([previous, current])) {
    if (memberId) await memberChanged(req.payload, memberId)
  }
  return doc
}
