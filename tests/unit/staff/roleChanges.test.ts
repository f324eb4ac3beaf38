// docs/rules.md rule 13: only administrators change roles, so nobody raises their own; the last
// administrator keeps the role.
import { describe, expect, it } from 'vitest'

import { roleChangeRefusal } from '../../../src/domain/staff/roleChanges'

const base = { current: ['operations'], self: true, otherAdmins: 1 }

describe('roleChangeRefusal', () => {
  it('forbids an operations user making themselves an admin, in Chinese and English', () => {
    const refusal = roleChangeRefusal({ ...base, actorRoles: ['operations'], requested: ['admin'] })
    expect(refusal).toMatchObject({ kind: 'forbidden', reason: 'roles-admin-only', path: 'roles' })
    expect(refusal?.message.en).toBe(
      'You cannot change your own roles: only an administrator grants or removes roles. Ask an administrator if you need other access.',
    )
    expect(refusal?.message.zh).toContain('不能修改自己的角色')
  })

  it('forbids dropping a role too, but not sending the same roles back in another order', () => {
    const actor = { actorRoles: ['operations', 'support'], current: ['operations', 'support'] }
    expect(roleChangeRefusal({ ...base, ...actor, requested: ['support'] })?.kind).toBe('forbidden')
    expect(
      roleChangeRefusal({ ...base, ...actor, requested: ['support', 'operations'] }),
    ).toBeNull()
    expect(roleChangeRefusal({ ...base, ...actor, requested: undefined })).toBeNull()
  })

  it('lets an admin change roles, their own included', () => {
    const admin = { actorRoles: ['admin'], current: ['admin'], otherAdmins: 1 }
    expect(roleChangeRefusal({ ...base, ...admin, requested: ['admin', 'support'] })).toBeNull()
    expect(roleChangeRefusal({ ...base, ...admin, requested: ['operations'] })).toBeNull()
  })

  it('keeps the admin role on the last administrator', () => {
    const last = { actorRoles: ['admin'], current: ['admin'], otherAdmins: 0 }
    const refusal = roleChangeRefusal({ ...base, ...last, requested: ['operations'] })
    expect(refusal).toMatchObject({ kind: 'invalid', reason: 'last-admin', path: 'roles' })
    expect(refusal?.message.en).toContain('You are the only administrator')
    const other = roleChangeRefusal({ ...base, ...last, self: false, requested: ['viewer'] })
    expect(other?.message.en).toContain('This is the only administrator')
  })
})
