import { AuthenticationError, type CollectionAfterErrorHook } from 'payload'

import { recordAccountEvent } from '../../src/operations/audit/auditLog'

/**
 * The wrong password that locked an account (`maxLoginAttempts`). Later attempts on a locked
 * account fail with another error, so each lockout is recorded once. REST sign-ins only: the
 * GraphQL login mutation does not run collection error hooks.
 */
export const recordLockout: CollectionAfterErrorHook = async ({ collection, error, req }) => {
  if (!collection || !(error instanceof AuthenticationError)) return
  const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase().trim() : ''
  if (!email) return
  const account = await req.payload.db.findOne<{
    id: string
    email: string
    name: string
    lockUntil?: string | null
  }>({
    collection: collection.slug,
    where: { email: { equals: email } },
    select: { email: true, name: true, lockUntil: true },
    req,
  })
  const lockUntil = account?.lockUntil
  if (!account || typeof lockUntil !== 'string' || new Date(lockUntil).getTime() <= Date.now()) {
    return
  }
  await recordAccountEvent(req, {
    collection,
    account: { id: account.id, email: account.email, name: account.name },
    action: 'lockout',
    changes: [{ path: 'lockUntil', before: null, after: lockUntil }],
  })
}
