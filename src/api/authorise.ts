// The one authorisation check every transport makes before parsing a request: the policy table
// decides, and the refusals (401 without a valid principal, 403 with the wrong role) are worded once.
import { mayCall, type OperationRule } from '../access/policy'
import type { Principal } from '../access/roles'
import type { Refusal } from '../operations/result'
import { transportRefusals } from './refusals'

/** null when `principal` may call an operation governed by `rule`. */
export function authorise(rule: OperationRule, principal: Principal | null): Refusal | null {
  if (mayCall(rule, principal)) return null
  if (!principal || rule === 'public') return transportRefusals.unauthorized
  return transportRefusals.forbidden(rule)
}

/** Payload's `req.user` (a staff user or a service account) as a principal. */
export const principalOf = (user: unknown): Principal | null =>
  user && typeof user === 'object' ? (user as Principal) : null
