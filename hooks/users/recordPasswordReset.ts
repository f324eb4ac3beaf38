import type { CollectionAfterOperationHook } from 'payload'

import { actorOf, recordAccountEvent } from '../../src/operations/audit/auditLog'
import { secretChange } from '../../src/domain/audit/secrets'

/**
 * A password set through the emailed reset link (Payload writes it without document hooks): the
 * account's owner acted, signed out, by proving they hold the link.
 */
export const recordPasswordReset: CollectionAfterOperationHook = async ({
  collection,
  operation,
  req,
  result,
}) => {
  if (operation !== 'resetPassword' || !result?.user) return result
  const account = { ...result.user, collection: collection.slug }
  await recordAccountEvent(req, {
    collection,
    account,
    action: 'update',
    changes: [secretChange('password', 'changed')],
    actor: actorOf(account),
  })
  return result
}
