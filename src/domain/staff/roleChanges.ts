// Who may change staff roles (docs/rules.md rule 13): only administrators grant or remove roles,
// so nobody raises their own; and the last administrator keeps the role, or nobody could manage
// roles any more.
import type { Localized } from '../catalogue/types'

export const adminRole = 'admin'

export type RoleChangeRefusal = {
  /** `forbidden`: the caller may not do this at all (403); `invalid`: fix the value (400). */
  kind: 'forbidden' | 'invalid'
  reason: 'roles-admin-only' | 'last-admin'
  path: 'roles'
  message: Localized
}

const sameRoles = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((role) => right.has(role))
}

/**
 * A staff user's update that sets `requested` roles. Non-administrators may send their roles back
 * unchanged (the admin form does) but not change them.
 */
export function roleChangeRefusal(input: {
  actorRoles: readonly string[]
  /** The roles the edited user holds now. */
  current: readonly string[]
  /** The roles asked for; undefined when the update leaves roles alone. */
  requested: readonly string[] | undefined
  /** Whether the edited user is the caller. */
  self: boolean
  /** Administrators other than the edited user. */
  otherAdmins: number
}): RoleChangeRefusal | null {
  const { requested, current } = input
  if (requested === undefined || sameRoles(requested, current)) return null
  if (!input.actorRoles.includes(adminRole)) {
    return {
      kind: 'forbidden',
      reason: 'roles-admin-only',
      path: 'roles',
      message: input.self
        ? {
            zh: '不能修改自己的角色：角色只能由管理员授予或收回。如需其他权限，请联系管理员。',
            en: 'You cannot change your own roles: only an administrator grants or removes roles. Ask an administrator if you need other access.',
          }
        : {
            zh: '只有管理员可以授予或收回角色。',
            en: 'Only an administrator can grant or remove roles.',
          },
    }
  }
  if (current.includes(adminRole) && !requested.includes(adminRole) && input.otherAdmins === 0) {
    return {
      kind: 'invalid',
      reason: 'last-admin',
      path: 'roles',
      message: input.self
        ? {
            zh: '你是唯一的管理员，不能移除自己的管理员角色，否则将没有人能管理员工角色。请先把另一名员工设为管理员。',
            en: 'You are the only administrator: removing your admin role would leave nobody able to manage staff roles. Make another staff user an administrator first.',
          }
        : {
            zh: '这是唯一的管理员，不能移除其管理员角色，否则将没有人能管理员工角色。请先把另一名员工设为管理员。',
            en: 'This is the only administrator: removing the admin role would leave nobody able to manage staff roles. Make another staff user an administrator first.',
          },
    }
  }
  return null
}
