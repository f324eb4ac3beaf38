// docs/rules.md rule 13: nobody raises their own role. A non-administrator's role change is refused
// with a 403 and a reason (it used to answer 200 while silently keeping the role); administrators
// change roles, but the last administrator keeps the admin role.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { graphql, rest, testPayload } from '../helpers/api'
import { fieldErrors, inEnglish } from '../helpers/refusals'
import { staffFactory, type TestStaff } from '../helpers/staff'

let payload: Payload
let factory: ReturnType<typeof staffFactory>
let admin: TestStaff
let operations: TestStaff

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  // First, so that on an empty database it is the one made administrator.
  admin = await factory.staff(['admin'])
  operations = await factory.staff(['operations'])
})

afterAll(async () => {
  await factory.cleanup()
})

type ForbiddenBody = {
  errors?: { message: string; data?: { reason?: string; errors?: { path: string }[] } }[]
}

const rolesOf = async (id: string) =>
  (await payload.findByID({ collection: slugs.users, id })).roles

describe('a non-administrator changing roles', () => {
  it('gets 403 with a reason for making themselves an admin, and keeps their role', async () => {
    const zh = await rest('PATCH', `/${slugs.users}/${operations.id}`, {
      as: operations,
      json: { roles: ['admin'] },
    })
    expect(zh.status).toBe(403)
    const [error] = (zh.body as ForbiddenBody).errors ?? []
    expect(error?.data?.reason).toBe('roles-admin-only')
    expect(fieldErrors(zh.body).map((field) => field.path)).toEqual(['roles'])
    expect(error?.message).toBe(
      '不能修改自己的角色：角色只能由管理员授予或收回。如需其他权限，请联系管理员。',
    )
    const en = await rest('PATCH', `/${slugs.users}/${operations.id}`, {
      as: operations,
      json: { roles: ['operations', 'admin'] },
      headers: inEnglish,
    })
    expect(en.status).toBe(403)
    expect((en.body as ForbiddenBody).errors?.[0]?.message).toBe(
      'You cannot change your own roles: only an administrator grants or removes roles. Ask an administrator if you need other access.',
    )
    expect(await rolesOf(operations.id)).toEqual(['operations'])
  })

  it('gets 403 in bulk too', async () => {
    const { status, body } = await rest(
      'PATCH',
      `/${slugs.users}?where[id][equals]=${operations.id}`,
      { as: operations, json: { roles: ['admin'] }, headers: inEnglish },
    )
    expect(status).toBe(403)
    expect((body as ForbiddenBody).errors?.[0]?.data?.reason).toBe('roles-admin-only')
    expect(await rolesOf(operations.id)).toEqual(['operations'])
  })

  it('gets 403 through GraphQL', async () => {
    const mutation = `
      mutation ($id: String!) {
        updateUser(id: $id, data: { roles: [admin] }) {
          roles
        }
      }
    `
    const zh = await graphql(mutation, { as: operations, variables: { id: operations.id } })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(zh.errors?.[0]?.message).toContain('不能修改自己的角色')
    const en = await graphql(mutation, {
      as: operations,
      variables: { id: operations.id },
      headers: inEnglish,
    })
    expect(en.errors?.[0]?.message).toContain('You cannot change your own roles')
    expect(await rolesOf(operations.id)).toEqual(['operations'])
  })

  it('may still edit their own name, sending their roles back unchanged', async () => {
    const { status } = await rest('PATCH', `/${slugs.users}/${operations.id}`, {
      as: operations,
      json: { name: 'Ops (renamed)', roles: ['operations'] },
    })
    expect(status).toBe(200)
  })
})

describe('an administrator changing roles', () => {
  it("changes another user's roles", async () => {
    const { status } = await rest('PATCH', `/${slugs.users}/${operations.id}`, {
      as: admin,
      json: { roles: ['operations', 'support'] },
    })
    expect(status).toBe(200)
    expect(await rolesOf(operations.id)).toEqual(['operations', 'support'])
    await payload.update({
      collection: slugs.users,
      id: operations.id,
      data: { roles: ['operations'] },
    })
  })

  it('cannot remove the admin role from the only administrator', async () => {
    expect(
      (await payload.count({ collection: slugs.users, where: { roles: { in: ['admin'] } } }))
        .totalDocs,
    ).toBe(1)
    const zh = await rest('PATCH', `/${slugs.users}/${admin.id}`, {
      as: admin,
      json: { roles: ['operations'] },
    })
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body)).toEqual([
      {
        path: 'roles',
        message:
          '你是唯一的管理员，不能移除自己的管理员角色，否则将没有人能管理员工角色。请先把另一名员工设为管理员。',
      },
    ])
    const en = await rest('PATCH', `/${slugs.users}/${admin.id}`, {
      as: admin,
      json: { roles: ['operations'] },
      headers: inEnglish,
    })
    expect(fieldErrors(en.body)[0]?.message).toContain('You are the only administrator')
    expect(await rolesOf(admin.id)).toEqual(['admin'])
  })

  it('removes their own admin role once another administrator exists', async () => {
    const second = await factory.staff(['admin'])
    const { status } = await rest('PATCH', `/${slugs.users}/${admin.id}`, {
      as: second,
      json: { roles: ['admin', 'support'] },
    })
    expect(status).toBe(200)
    const dropped = await rest('PATCH', `/${slugs.users}/${admin.id}`, {
      as: admin,
      json: { roles: ['support'] },
    })
    expect(dropped.status).toBe(200)
    expect(await rolesOf(admin.id)).toEqual(['support'])
  })
})
