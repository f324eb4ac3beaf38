import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { relationId } from '../../src/adapters/catalogue'
import { grantWritten } from '../../src/operations/webhooks/timeWebhooks'

/**
 * A grant given, changed or removed reaches the member's very next check, and webhooks hear of it
 * when it changes what the member holds now (`member.entitlements.changed`, docs/webhooks.md).
 */
export const refreshGrantedMember: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  doc,
  req,
  ...rest
}: Parameters<CollectionAfterChangeHook>[0] | Parameters<CollectionAfterDeleteHook>[0]) => {
  const changed = 'previousDoc' in rest
  await grantWritten(req.payload, {
    grantId: String(doc.id),
    memberIds: [changed ? relationId(rest.previousDoc?.member) : null, relationId(doc.member)],
    write: changed ? String((doc as { updatedAt?: string }).updatedAt) : 'deleted',
  })
  return doc
}
