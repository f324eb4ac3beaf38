import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { graphql, rest, testPayload } from '../helpers/api'
import { staffFactory, type TestStaff } from '../helpers/staff'

let payload: Payload
let factory: ReturnType<typeof staffFactory>
let admin: TestStaff
let viewer: TestStaff
let operations: TestStaff
let frontend: { id: string; apiKey: string }

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  admin = await factory.staff(['admin'])
  viewer = await factory.staff(['viewer'])
  operations = await factory.staff(['operations'])
  frontend = await factory.serviceAccount()
})

afterAll(async () => {
  await factory.cleanup()
})

describe('staff users', () => {
  it('are hidden from anonymous visitors over REST and GraphQL', async () => {
    const list = await rest('GET', `/${slugs.users}`)
    expect(list.status).toBe(403)

    const byId = await rest('GET', `/${slugs.users}/${admin.id}`)
    expect(byId.status).toBe(403)

    const query = await graphql('{ Users { docs { email } } }')
    expect(query.data?.Users ?? null).toBeNull()
    expect(query.errors?.[0]?.message).toMatch(/无权|not allowed/)
  })

  it('are all listed for an admin', async () => {
    const { status, body } = await rest('GET', `/${slugs.users}?limit=100`, { as: admin })
    expect(status).toBe(200)
    const emails = (body.docs as { email: string }[]).map((doc) => doc.email)
    expect(emails).toEqual(expect.arrayContaining([admin.email, viewer.email, operations.email]))
  })

  it('show a non-admin only their own record', async () => {
    const { status, body } = await rest('GET', `/${slugs.users}?limit=100`, { as: viewer })
    expect(status).toBe(200)
    expect((body.docs as { email: string }[]).map((doc) => doc.email)).toEqual([viewer.email])

    const other = await rest('GET', `/${slugs.users}/${admin.id}`, { as: viewer })
    expect(other.status).toBe(404)
  })

  it('cannot be created by a viewer or an operations user', async () => {
    for (const actor of [viewer, operations]) {
      const { status } = await rest('POST', `/${slugs.users}`, {
        as: actor,
        json: {
          name: 'Intruder',
          email: `intruder-${actor.id}@test.example`,
          password: 'x-123456',
          roles: ['viewer'],
        },
      })
      expect(status).toBe(403)
    }
  })

  it('cannot raise their own role over REST', async () => {
    const before = await payload.findByID({ collection: slugs.users, id: viewer.id })
    const { status } = await rest('PATCH', `/${slugs.users}/${viewer.id}`, {
      as: viewer,
      json: { roles: ['admin'], name: 'Still a viewer' },
    })
    // Refused outright (it used to answer 200 and drop the roles silently).
    expect(status).toBe(403)
    const stored = await payload.findByID({ collection: slugs.users, id: viewer.id })
    expect(stored.roles).toEqual(['viewer'])
    expect(stored.name).toBe(before.name)
  })

  it('cannot raise their own role over GraphQL', async () => {
    const result = await graphql(
      `
        mutation ($id: String!) {
          updateUser(id: $id, data: { roles: [admin] }) {
            roles
          }
        }
      `,
      { as: operations, variables: { id: operations.id } },
    )
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(403)
    const stored = await payload.findByID({ collection: slugs.users, id: operations.id })
    expect(stored.roles).toEqual(['operations'])
  })

  it('get their roles changed by an admin', async () => {
    const target = await factory.staff(['viewer'])
    const { status } = await rest('PATCH', `/${slugs.users}/${target.id}`, {
      as: admin,
      json: { roles: ['viewer', 'support'] },
    })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: slugs.users, id: target.id })
    expect(stored.roles).toEqual(['viewer', 'support'])
  })

  it('are locked out after five wrong passwords', async () => {
    const target = await factory.staff(['viewer'])
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await rest('POST', `/${slugs.users}/login`, {
        json: { email: target.email, password: 'wrong-password' },
      })
      expect(wrong.status).toBe(401)
    }
    const right = await rest('POST', `/${slugs.users}/login`, {
      json: { email: target.email, password: target.password },
    })
    expect(right.status).toBe(401)
    const stored = await payload.findByID({
      collection: slugs.users,
      id: target.id,
      showHiddenFields: true,
    })
    expect(new Date(String(stored.lockUntil)).getTime()).toBeGreaterThan(Date.now())
  })
})

describe('a frontend API key', () => {
  it('reads public media', async () => {
    const { status, body } = await rest('GET', `/${slugs.media}?limit=5`, { as: frontend })
    expect(status).toBe(200)
    expect(Array.isArray(body.docs)).toBe(true)
  })

  it('cannot read staff users or other service accounts', async () => {
    expect((await rest('GET', `/${slugs.users}`, { as: frontend })).status).toBe(403)
    const other = await factory.serviceAccount()
    const accounts = await rest('GET', `/${slugs.serviceAccounts}?limit=100`, { as: frontend })
    expect((accounts.body.docs as { id: string }[]).map((doc) => doc.id)).toEqual([frontend.id])
    expect(
      (await rest('GET', `/${slugs.serviceAccounts}/${other.id}`, { as: frontend })).status,
    ).toBe(404)
    const query = await graphql('{ Users { docs { email } } }', { as: frontend })
    expect(query.data?.Users ?? null).toBeNull()
    expect(query.errors?.[0]?.message).toMatch(/无权|not allowed/)
  })

  it('cannot write anything', async () => {
    const media = await rest('PATCH', `/${slugs.media}?where[alt][exists]=true`, {
      as: frontend,
      json: { alt: 'changed by a frontend' },
    })
    expect((media.body.docs as unknown[] | undefined) ?? []).toHaveLength(0)
    const user = await rest('POST', `/${slugs.users}`, {
      as: frontend,
      json: { name: 'x', email: 'frontend-made@test.example', password: 'x-123456' },
    })
    expect(user.status).toBe(403)
  })

  it('is rejected when unknown', async () => {
    const { status } = await rest('GET', `/${slugs.users}`, { as: { apiKey: 'not-a-real-key' } })
    expect(status).toBe(403)
    const me = await rest('GET', `/${slugs.serviceAccounts}/me`, {
      as: { apiKey: 'not-a-real-key' },
    })
    expect(me.body.user).toBeNull()
  })

  it('identifies its service account with the frontend role', async () => {
    const me = await rest('GET', `/${slugs.serviceAccounts}/me`, { as: frontend })
    expect(me.status).toBe(200)
    expect((me.body.user as { roles: string[] }).roles).toEqual(['frontend'])
  })
})

describe('viewers', () => {
  it('cannot upload or change media', async () => {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: 'viewer upload' }))
    form.append(
      'file',
      new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
      'x.png',
    )
    const { status } = await rest('POST', `/${slugs.media}`, { as: viewer, body: form })
    expect(status).toBe(403)
  })
})
