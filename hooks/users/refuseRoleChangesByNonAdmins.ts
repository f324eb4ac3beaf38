import type { CollectionBeforeOperationHook } from 'payload'

import { throwForbidden } from '../../src/adapters/findings'
import { adminRole, roleChangeRefusal } from '../../src/domain/staff/roleChanges'

const rolesOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined

/**
 * A non-administrator's update that changes roles — their own, the only record they may edit — is
 * refused with a 403 (docs/rules.md rule 13). It runs before the operation because Payload's field
 * access would otherwise drop the roles silently and answer 200.
 */
export const refuseRoleChangesByNonAdmins: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update' || overrideAccess || !req.user) return args
  const actorRoles = rolesOf((req.user as { roles?: unknown }).roles) ?? []
  if (actorRoles.includes(adminRole)) return args
  const { data, id } = args as { data?: { roles?: unknown }; id?: unknown }
  const refusal = roleChangeRefusal({
    actorRoles,
    current: actorRoles,
    requested: rolesOf(data?.roles),
    self: id === undefined || String(id) === String(req.user.id),
    otherAdmins: 0,
  })
  if (refusal) {
    throwForbidden(req, {
      collection: collection.slug,
      path: refusal.path,
      reason: refusal.reason,
      message: refusal.message,
    })
  }
  return args
}
