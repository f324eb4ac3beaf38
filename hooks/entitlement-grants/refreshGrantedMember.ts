import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { relationId } from '../../src/adapters/catalogue'
import { findMember, memberChanged } from '../../src/operations/entitlements/store'
import { recordGrantWebhook } from '../../src/operations/webhooks/timeWebhooks'

/**
 * A grant given, changed or removed reaches the member's very next check, and webhooks hear of it
 * when it changes what the member holds now (`member.entitlements.changed`, docs/webhooks.md).
 */
export const refreshGrantedMember: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  doc,
  req,
  ...rest
}: Parameters<CollectionAfterChangeHook>[0] | Parameters<CollectionAfterDeleteHook>[0]) => {
  const deleted = !('previousDoc' in rest)
  const previous = 'previousDoc' in rest ? relationId(rest.previousDoc?.member) : null
  const current = relationId(doc.member)
  const grantId = String(doc.id)
  const write = deleted
    ? 'deleted'
    : String((doc as { updatedAt?: string }).updatedAt ?? new Date().toISOString())
  for (const memberId of new Set([previous, current])) {
    if (!memberId) continue
    const before = findMember(req.payload, memberId)?.grants
    await memberChanged(req.payload, memberId)
    if (!before) continue // the store is not loaded in this process: nothing to compare with
    await recordGrantWebhook(req.payload, { memberId, grantId, before, write }).catch(
      (error: unknown) =>
        req.payload.logger.error(
          { err: error, grant: grantId },
          'member.entitlements.changed for a grant not recorded',
        ),
    )
  }
  return doc
}
