import type { CollectionBeforeChangeHook } from 'payload'

import { throwFieldError } from '../../src/adapters/findings'
import { adminRole, roleChangeRefusal } from '../../src/domain/staff/roleChanges'

const rolesOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined

/**
 * The last administrator keeps the admin role, or nobody could grant roles any more
 * (docs/rules.md rule 13). Non-administrators never get here with roles: their attempts are
 * refused before the operation (refuseRoleChangesByNonAdmins).
 */
export const keepAnAdministrator: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const requested = rolesOf(data.roles)
  const current = rolesOf(originalDoc?.roles) ?? []
  if (operation !== 'update' || !originalDoc || !requested) return data
  if (!current.includes(adminRole) || requested.includes(adminRole)) return data
  const { totalDocs: otherAdmins } = await req.payload.count({
    collection: collection.slug,
    where: { and: [{ roles: { in: [adminRole] } }, { id: { not_equals: originalDoc.id } }] },
    overrideAccess: true,
    req,
  })
  const refusal = roleChangeRefusal({
    // Non-administrators' role changes never reach this hook, so the caller acts as an admin.
    actorRoles: [adminRole],
    current,
    requested,
    self: req.user ? String(req.user.id) === String(originalDoc.id) : false,
    otherAdmins,
  })
  if (refusal) throwFieldError(req, collection.slug, refusal.path, refusal.message, originalDoc.id)
  return data
}
