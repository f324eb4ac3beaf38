// Composable access rules. Read rules may return a query constraint instead of a yes/no, so lists
// filter in the database rather than per document.
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { hasAnyRole, type Principal, type Role } from './roles'

const principalOf = (user: unknown): Principal | null => (user as Principal | null) ?? null

export const anyone: Access = () => true
export const nobody: Access = () => false

/** A yes/no rule; usable for collection, admin-panel and field access alike. */
export type RoleRule = (args: { req: PayloadRequest }) => boolean

/** Granted to principals holding at least one of `roles`. */
export const allow =
  (...roles: Role[]): RoleRule =>
  ({ req }) =>
    hasAnyRole(principalOf(req.user), roles)

/** The signed-in principal's own record in its own auth collection. */
export const ownRecord =
  (authSlug: string): Access =>
  ({ req }) => {
    const principal = principalOf(req.user)
    return principal?.collection === authSlug ? { id: { equals: principal.id } } : false
  }

/** Grants when any rule grants; query constraints from several rules are OR-ed. */
export const anyOf =
  (...rules: Access[]): Access =>
  async (args) => {
    const constraints: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (result && typeof result === 'object') constraints.push(result)
    }
    if (constraints.length === 0) return false
    return constraints.length === 1 ? (constraints[0] as Where) : { or: constraints }
  }

export const allowField = (...roles: Role[]): FieldAccess => allow(...roles)
