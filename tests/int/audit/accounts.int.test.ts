// The audit log of staff users and service accounts: who created, changed, locked, unlocked or
// deleted which account, with role changes as a field diff and secrets only ever as a marker.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { redacted } from '../../../src/domain/audit/secrets'
import { rest, signIn, testPayload } from '../../helpers/api'
import { staffFactory, type TestStaff } from '../../helpers/staff'

type Change = { path: string; before?: unknown; after?: unknown; secret?: string }
type Entry = {
  id: string
  action: string
  targetCollection: string
  documentId: string
  documentTitle?: string
  summary?: string
  actorEmail?: string
  actorName?: string
  actorType: string
  secretsChanged?: string[]
  changes: Change[]
}

let payload: Payload
let factory: ReturnType<typeof staffFactory>
let admin: TestStaff
let viewer: TestStaff
/** Every secret these tests handle; none may appear anywhere in the audit log. */
const secrets = new Set<string>()
const userIds: string[] = []
const accountIds: string[] = []

const entriesFor = async (documentId: string): Promise<Entry[]> => {
  const { body, status } = await rest(
    'GET',
    `/${slugs.auditLog}?where[documentId][equals]=${documentId}&sort=-createdAt&limit=100`,
    { as: viewer },
  )
  expect(status).toBe(200)
  return body.docs as Entry[]
}

/** The entries written since `known` was read, newest first. */
const since = async (documentId: string, known: Entry[]): Promise<Entry[]> => {
  const seen = new Set(known.map((entry) => entry.id))
  return (await entriesFor(documentId)).filter((entry) => !seen.has(entry.id))
}

/** Remembers the secrets stored for a document: hash, salt, reset token, API key and its index. */
const rememberStoredSecrets = async (collection: 'users' | 'service-accounts', id: string) => {
  const stored = (await payload.db.findOne({
    collection,
    where: { id: { equals: id } },
  })) as Record<string, unknown> | null
  for (const field of ['hash', 'salt', 'resetPasswordToken', 'apiKey', 'apiKeyIndex']) {
    const value = stored?.[field]
    if (typeof value === 'string' && value) secrets.add(value)
  }
}

const password = () => {
  const value = `pw-${randomUUID()}`
  secrets.add(value)
  return value
}

const apiKey = () => {
  const value = `audit-key-${randomUUID()}`
  secrets.add(value)
  return value
}

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  admin = await factory.staff(['admin'])
  viewer = await factory.staff(['viewer'])
})

afterAll(async () => {
  if (userIds.length) {
    await payload.delete({ collection: slugs.users, where: { id: { in: userIds } } })
  }
  if (accountIds.length) {
    await payload.delete({ collection: slugs.serviceAccounts, where: { id: { in: accountIds } } })
  }
  await factory.cleanup()
})

describe('the audit log of staff users', () => {
  const email = `audited-${randomUUID().slice(0, 8)}@test.example`
  let id: string
  let currentPassword = password()

  it('records a staff user an admin creates: who, each field, the roles, and that a password was set', async () => {
    const created = await rest('POST', `/${slugs.users}`, {
      as: admin,
      json: { name: '新同事', email, password: currentPassword, roles: ['viewer'] },
    })
    expect(created.status).toBe(201)
    id = (created.body.doc as { id: string }).id
    userIds.push(id)
    await rememberStoredSecrets(slugs.users, id)

    const entries = await entriesFor(id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'create',
      targetCollection: slugs.users,
      documentTitle: email,
      actorType: 'staff',
      actorEmail: admin.email,
      secretsChanged: ['password'],
    })
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'name', after: '新同事' },
        { path: 'email', after: email },
        { path: 'roles', after: ['viewer'] },
        { path: 'password', before: null, after: redacted, secret: 'set' },
      ]),
    )
    expect(entries[0]!.changes).toHaveLength(4)
  })

  it('records a role change as one field diff, from the old roles to the new', async () => {
    const known = await entriesFor(id)
    const changed = await rest('PATCH', `/${slugs.users}/${id}`, {
      as: admin,
      json: { roles: ['operations', 'viewer'] },
    })
    expect(changed.status).toBe(200)
    const written = await since(id, known)
    expect(written).toHaveLength(1)
    expect(written[0]).toMatchObject({ action: 'update', actorEmail: admin.email })
    expect(written[0]!.changes).toEqual([
      { path: 'roles', before: ['viewer'], after: ['operations', 'viewer'] },
    ])
  })

  it('records a user editing their own name as that user', async () => {
    const own = await signIn(email, currentPassword)
    const known = await entriesFor(id)
    expect(
      (await rest('PATCH', `/${slugs.users}/${id}`, { as: own, json: { name: '新同事 Nia' } }))
        .status,
    ).toBe(200)
    const written = await since(id, known)
    expect(written.map((entry) => [entry.actorEmail, entry.changes])).toEqual([
      [email, [{ path: 'name', before: '新同事', after: '新同事 Nia' }]],
    ])
  })

  it('records a password change only as a redacted marker', async () => {
    const own = await signIn(email, currentPassword)
    const known = await entriesFor(id)
    currentPassword = password()
    expect(
      (
        await rest('PATCH', `/${slugs.users}/${id}`, {
          as: own,
          json: { password: currentPassword },
        })
      ).status,
    ).toBe(200)
    await rememberStoredSecrets(slugs.users, id)
    const written = await since(id, known)
    expect(written).toHaveLength(1)
    expect(written[0]).toMatchObject({ secretsChanged: ['password'] })
    expect(written[0]!.changes).toEqual([
      { path: 'password', before: redacted, after: redacted, secret: 'changed' },
    ])
  })

  it('writes nothing for signing in, a wrong password, refreshing the session or signing out', async () => {
    const known = await entriesFor(id)
    const own = await signIn(email, currentPassword)
    const wrong = await rest('POST', `/${slugs.users}/login`, {
      json: { email, password: 'not-the-password' },
    })
    expect(wrong.status).toBe(401)
    expect((await rest('POST', `/${slugs.users}/refresh-token`, { as: own })).status).toBe(200)
    expect((await rest('POST', `/${slugs.users}/logout`, { as: own })).status).toBe(200)
    // A good sign-in resets the counter the wrong password raised; still nothing to record.
    await signIn(email, currentPassword)
    expect(await since(id, known)).toEqual([])
  })

  it("records a lockout once, on the wrong password that caused it, and an admin's unlock", async () => {
    const known = await entriesFor(id)
    const attempt = () =>
      rest('POST', `/${slugs.users}/login`, { json: { email, password: 'wrong-again' } })
    for (let count = 1; count <= 5; count++) expect((await attempt()).status).toBe(401)
    // Locked: the right password is refused too, and nothing more is recorded.
    expect(
      (await rest('POST', `/${slugs.users}/login`, { json: { email, password: currentPassword } }))
        .status,
    ).toBe(401)
    expect((await attempt()).status).toBe(401)
    const locked = await since(id, known)
    expect(locked).toHaveLength(1)
    expect(locked[0]).toMatchObject({ action: 'lockout', actorType: 'system' })
    expect(locked[0]!.changes).toEqual([
      { path: 'lockUntil', before: null, after: expect.any(String) },
    ])

    const unlocked = await rest('POST', `/${slugs.users}/unlock`, { as: admin, json: { email } })
    expect(unlocked.status).toBe(200)
    const written = await since(id, [...known, ...locked])
    expect(written.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ['unlock', admin.email],
    ])
    await signIn(email, currentPassword)
  })

  it('records a password reset through the emailed link as done by the account owner, and nothing for asking for it', async () => {
    const known = await entriesFor(id)
    const asked = await rest('POST', `/${slugs.users}/forgot-password`, { json: { email } })
    expect(asked.status).toBe(200)
    expect(await since(id, known)).toEqual([])
    const stored = await payload.db.findOne<{ id: string; resetPasswordToken?: string }>({
      collection: slugs.users,
      where: { id: { equals: id } },
    })
    const token = stored!.resetPasswordToken!
    secrets.add(token)
    currentPassword = password()
    const reset = await rest('POST', `/${slugs.users}/reset-password`, {
      json: { token, password: currentPassword },
    })
    expect(reset.status).toBe(200)
    await rememberStoredSecrets(slugs.users, id)
    const written = await since(id, known)
    expect(written).toHaveLength(1)
    expect(written[0]).toMatchObject({
      action: 'update',
      actorType: 'staff',
      actorEmail: email,
      secretsChanged: ['password'],
    })
    expect(written[0]!.changes).toEqual([
      { path: 'password', before: redacted, after: redacted, secret: 'changed' },
    ])
  })

  it('records the deletion of a staff user with its fields and no secret', async () => {
    const doomed = await rest('POST', `/${slugs.users}`, {
      as: admin,
      json: {
        name: '临时',
        email: `doomed-${randomUUID().slice(0, 8)}@test.example`,
        password: password(),
        roles: ['support'],
      },
    })
    const doomedId = (doomed.body.doc as { id: string }).id
    await rememberStoredSecrets(slugs.users, doomedId)
    expect((await rest('DELETE', `/${slugs.users}/${doomedId}`, { as: admin })).status).toBe(200)
    const [deleted] = await entriesFor(doomedId)
    expect(deleted).toMatchObject({ action: 'delete', actorEmail: admin.email })
    expect(deleted!.changes).toEqual(
      expect.arrayContaining([{ path: 'roles', before: ['support'] }]),
    )
  })
})

describe('the audit log of service accounts and their API keys', () => {
  let id: string
  const name = `Audit app ${randomUUID().slice(0, 8)}`
  /** The admin's own request for generating and revoking a key (see the API key field). */
  const keyRequest = (key: string | null) =>
    rest('PATCH', `/${slugs.serviceAccounts}/${id}?depth=0&fallback-locale=null&locale=zh`, {
      as: admin,
      json: { apiKey: key, enableAPIKey: Boolean(key) },
    })

  it('records a service account created with a key: its fields and that a key was set', async () => {
    const created = await rest('POST', `/${slugs.serviceAccounts}`, {
      as: admin,
      json: { name, roles: ['frontend'], enableAPIKey: true, apiKey: apiKey() },
    })
    expect(created.status).toBe(201)
    id = (created.body.doc as { id: string }).id
    accountIds.push(id)
    await rememberStoredSecrets(slugs.serviceAccounts, id)
    const entries = await entriesFor(id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'create',
      documentTitle: name,
      actorEmail: admin.email,
      secretsChanged: ['apiKey'],
    })
    expect(entries[0]!.changes).toEqual([
      { path: 'name', after: name },
      { path: 'roles', after: ['frontend'] },
      { path: 'enableAPIKey', after: true },
      { path: 'apiKey', before: null, after: redacted, secret: 'set' },
    ])
  })

  it('records a key rotation as the only change, and nothing for sending the same key again', async () => {
    const known = await entriesFor(id)
    const key = apiKey()
    expect((await keyRequest(key)).status).toBe(200)
    await rememberStoredSecrets(slugs.serviceAccounts, id)
    const rotated = await since(id, known)
    expect(rotated.map((entry) => entry.changes)).toEqual([
      [{ path: 'apiKey', before: redacted, after: redacted, secret: 'changed' }],
    ])
    expect(rotated[0]!.summary).toContain('apiKey (changed)')
    // The new key works at once.
    expect(
      (await rest('GET', `/${slugs.serviceAccounts}/me`, { as: { apiKey: key } })).status,
    ).toBe(200)
    expect((await keyRequest(key)).status).toBe(200)
    expect(await since(id, [...known, ...rotated])).toEqual([])
  })

  it('records disabling and enabling the key, and a rename without touching the key', async () => {
    const known = await entriesFor(id)
    expect((await keyRequest(null)).status).toBe(200)
    const disabled = await since(id, known)
    expect(disabled.map((entry) => entry.changes)).toEqual([
      [
        { path: 'enableAPIKey', before: true, after: false },
        { path: 'apiKey', before: redacted, after: null, secret: 'removed' },
      ],
    ])

    expect((await keyRequest(apiKey())).status).toBe(200)
    await rememberStoredSecrets(slugs.serviceAccounts, id)
    const enabled = await since(id, [...known, ...disabled])
    expect(enabled.map((entry) => entry.changes)).toEqual([
      [
        { path: 'enableAPIKey', before: false, after: true },
        { path: 'apiKey', before: null, after: redacted, secret: 'set' },
      ],
    ])

    const renamed = `${name} (web)`
    expect(
      (
        await rest('PATCH', `/${slugs.serviceAccounts}/${id}`, {
          as: admin,
          json: { name: renamed, roles: ['frontend', 'billing'] },
        })
      ).status,
    ).toBe(200)
    const [latest] = await entriesFor(id)
    expect(latest!.changes).toEqual([
      { path: 'name', before: name, after: renamed },
      { path: 'roles', before: ['frontend'], after: ['frontend', 'billing'] },
    ])
  })

  it('records the deletion of a service account', async () => {
    expect((await rest('DELETE', `/${slugs.serviceAccounts}/${id}`, { as: admin })).status).toBe(
      200,
    )
    accountIds.splice(accountIds.indexOf(id), 1)
    const [deleted] = await entriesFor(id)
    expect(deleted).toMatchObject({ action: 'delete', actorEmail: admin.email })
  })
})

describe('secrets in the audit log', () => {
  it('never holds a password, hash, salt, reset token, API key or key index, in any entry', async () => {
    expect(secrets.size).toBeGreaterThan(10)
    const { docs } = await payload.find({
      collection: slugs.auditLog,
      pagination: false,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(0)
    const everything = JSON.stringify(docs)
    for (const secret of secrets) expect(everything).not.toContain(secret)
    const paths = docs.flatMap((entry) =>
      ((entry.changes as Change[] | null) ?? []).map((change) => change.path.split('.')[0]),
    )
    for (const internal of [
      'hash',
      'salt',
      'apiKeyIndex',
      'resetPasswordToken',
      'resetPasswordExpiration',
      'loginAttempts',
      'sessions',
      'hasAPIKey',
    ]) {
      expect(paths).not.toContain(internal)
    }
  })
})
