import type { CollectionAfterOperationHook } from 'payload'

import { recordAccountEvent } from '../../src/operations/audit/auditLog'

/** An administrator unlocked a locked-out account (Payload resets it without document hooks). */
export const recordUnlock: CollectionAfterOperationHook = async ({
  args,
  collection,
  operation,
  req,
  result,
}) => {
  if (operation !== 'unlock' || !result) return result
  const email = typeof args.data?.email === 'string' ? args.data.email.toLowerCase().trim() : ''
  const account = await req.payload.db.findOne({
    collection: collection.slug,
    where: { email: { equals: email } },
    select: { email: true, name: true },
    req,
  })
  if (account) await recordAccountEvent(req, { collection, account, action: 'unlock', changes: [] })
  return result
}
