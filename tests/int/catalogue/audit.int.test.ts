import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { staffFactory, type TestStaff } from '../../helpers/staff'

type Entry = {
  id: string
  action: string
  targetCollection: string
  documentId: string
  actorEmail?: string
  actorType: string
  changes: { path: string; before: unknown; after: unknown }[]
}

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
let operations: TestStaff
let admin: TestStaff
let viewer: TestStaff

const entriesFor = async (documentId: string): Promise<Entry[]> => {
  const { body } = await rest(
    'GET',
    `/${slugs.auditLog}?where[documentId][equals]=${documentId}&sort=-createdAt&limit=50`,
    { as: viewer },
  )
  return body.docs as Entry[]
}

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  operations = await factory.staff(['operations'])
  admin = await factory.staff(['admin'])
  viewer = await factory.staff(['viewer'])
  fixture = await createCatalogueFixture(payload)
})

afterAll(async () => {
  await fixture?.cleanup()
  await factory.cleanup()
})

describe('the audit log', () => {
  it('records who changed which field of a benefit, from what to what', async () => {
    await rest('PATCH', `/${slugs.benefits}/${fixture.benefits.tutoring}?locale=zh`, {
      as: operations,
      json: { name: '一对一辅导' },
    })
    const [latest] = await entriesFor(fixture.benefits.tutoring)
    expect(latest).toMatchObject({
      action: 'update',
      targetCollection: slugs.benefits,
      actorEmail: operations.email,
      actorType: 'staff',
    })
    expect(latest?.changes).toContainEqual({
      path: 'name',
      before: '1对1辅导',
      after: '一对一辅导',
    })
  })

  it('records a publish with the changed benefit row', async () => {
    const rows = fixture.rows.gold.map((row) => ({ ...row }))
    rows[0] = { ...rows[0]!, amount: 12 }
    const { status } = await rest('PATCH', `/${slugs.tiers}/${fixture.tiers.gold}`, {
      as: operations,
      json: { benefits: rows, _status: 'published' },
    })
    expect(status).toBe(200)
    const [latest] = await entriesFor(fixture.tiers.gold)
    expect(latest?.action).toBe('publish')
    expect(latest?.changes).toContainEqual({ path: 'benefits.0.amount', before: 8, after: 12 })
  })

  it('records creations and deletions', async () => {
    const created = await rest('POST', `/${slugs.courses}`, {
      as: operations,
      json: {
        slug: `audited-${fixture.suffix}`,
        title: '审计课程',
        accessTier: fixture.accessTiers.basic,
        status: 'draft',
      },
    })
    const id = (created.body.doc as { id: string }).id
    await rest('DELETE', `/${slugs.courses}/${id}`, { as: operations })
    const actions = (await entriesFor(id)).map((entry) => entry.action)
    expect(actions).toEqual(['delete', 'create'])
  })

  it('can be filtered by document and by user', async () => {
    const { body } = await rest(
      'GET',
      `/${slugs.auditLog}?where[and][0][documentId][equals]=${fixture.tiers.gold}&where[and][1][actorEmail][equals]=${operations.email}`,
      { as: viewer },
    )
    const docs = body.docs as Entry[]
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((entry) => entry.documentId === fixture.tiers.gold)).toBe(true)
  })

  it('cannot be created, changed or deleted through REST or GraphQL, not even by an admin', async () => {
    const [entry] = await entriesFor(fixture.tiers.gold)
    const id = entry!.id
    expect(
      (await rest('POST', `/${slugs.auditLog}`, { as: admin, json: { ...entry } })).status,
    ).toBe(403)
    expect(
      (await rest('PATCH', `/${slugs.auditLog}/${id}`, { as: admin, json: { action: 'create' } }))
        .status,
    ).toBe(403)
    expect((await rest('DELETE', `/${slugs.auditLog}/${id}`, { as: admin })).status).toBe(403)
    const mutation = await graphql(
      `
        mutation ($id: String!) {
          deleteAuditEntry: deleteAuditLog(id: $id) {
            id
          }
        }
      `,
      { as: admin, variables: { id } },
    )
    // Refused by access (not a schema error: the mutation exists).
    expect(mutation.errors?.[0]?.message).toMatch(/无权|not allowed/)
    const stillThere = await payload.findByID({ collection: slugs.auditLog, id })
    expect(stillThere.action).toBe(entry!.action)
  })

  it('records changes to the membership settings, and refuses an unknown time zone', async () => {
    const bad = await rest('POST', `/globals/membership-settings`, {
      as: operations,
      json: { timeZone: 'Mars/Olympus' },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('Mars/Olympus')
    const good = await rest('POST', `/globals/membership-settings`, {
      as: operations,
      json: { timeZone: 'Asia/Hong_Kong' },
    })
    expect(good.status).toBe(200)
    const [latest] = await entriesFor('membership-settings')
    expect(latest?.changes).toContainEqual(
      expect.objectContaining({ path: 'timeZone', after: 'Asia/Hong_Kong' }),
    )
    await rest('POST', `/globals/membership-settings`, {
      as: operations,
      json: { timeZone: 'Asia/Shanghai' },
    })
  })

  it('cannot be changed or deleted from server code either', async () => {
    const [entry] = await entriesFor(fixture.tiers.gold)
    await expect(
      payload.update({ collection: slugs.auditLog, id: entry!.id, data: { action: 'create' } }),
    ).rejects.toThrow(/只能追加|appended/)
    await expect(payload.delete({ collection: slugs.auditLog, id: entry!.id })).rejects.toThrow(
      /只能追加|appended/,
    )
  })
})
