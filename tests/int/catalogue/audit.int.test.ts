import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditedCollections, auditedGlobals, slugs } from '../../../collections/slugs'
import {
  recordChange,
  recordDeletion,
  recordGlobalChange,
} from '../../../hooks/audit/recordAuditEntry'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory, type TestStaff } from '../../helpers/staff'

type Entry = {
  id: string
  action: string
  targetCollection: string
  documentId: string
  actorEmail?: string
  actorName?: string
  actorType: string
  actorServiceAccount?: string
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

/** The entries a change wrote: everything for the document newer than `known`. */
const newEntries = async (documentId: string, known: Entry[]): Promise<Entry[]> => {
  const seen = new Set(known.map((entry) => entry.id))
  return (await entriesFor(documentId)).filter((entry) => !seen.has(entry.id))
}

/** Saves through the admin's own request: multipart `_payload`, depth 0, no locale fallback. */
const adminSave = (path: string, data: Record<string, unknown>, query: string) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  return rest('PATCH', `${path}?depth=0&fallback-locale=null&${query}`, {
    as: operations,
    body: form,
  })
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

  it('records one real tier change made with populated relationships as one entry with only that field', async () => {
    const path = `/${slugs.tiers}/${fixture.tiers.gold}`
    // What an API client does: read the tier (REST populates relationships to depth 2), change one
    // value, send the whole document back.
    const { body: tier } = await rest('GET', `${path}?locale=zh`, { as: operations })
    const rows = tier.benefits as { benefit: unknown; level?: string }[]
    expect(rows[1]!.benefit).toMatchObject({ id: fixture.benefits.video })
    expect(tier.accessTiers).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: fixture.accessTiers.basic })]),
    )
    const known = await entriesFor(fixture.tiers.gold)
    const edited = { ...tier, colour: '#B45309' }
    const { status } = await rest('PATCH', `${path}?locale=zh`, { as: operations, json: edited })
    expect(status).toBe(200)
    const written = await newEntries(fixture.tiers.gold, known)
    expect(written).toHaveLength(1)
    expect(written[0]).toMatchObject({ action: 'publish', actorEmail: operations.email })
    expect(written[0]!.changes).toEqual([{ path: 'colour', after: '#B45309' }])
  })

  it('records saving a draft and publishing it in the admin as one entry each; the publish lists what members will see change', async () => {
    const path = `/${slugs.tiers}/${fixture.tiers.gold}`
    const { body: stored } = await rest('GET', `${path}?locale=zh&depth=0&draft=true`, {
      as: operations,
    })
    const rows = stored.benefits as { amount?: number }[]
    const amount = rows[0]!.amount!
    const draft = {
      ...stored,
      benefits: rows.map((row, index) => (index === 0 ? { ...row, amount: amount + 1 } : row)),
    }
    const known = await entriesFor(fixture.tiers.gold)
    expect(
      (await adminSave(path, { ...draft, _status: 'draft' }, 'locale=zh&draft=true')).status,
    ).toBe(200)
    const saved = await newEntries(fixture.tiers.gold, known)
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ action: 'save-draft' })
    expect(saved[0]!.changes).toEqual([
      { path: 'benefits.0.amount', before: amount, after: amount + 1 },
      { path: '_status', before: 'published', after: 'draft' },
    ])

    expect((await adminSave(path, { ...draft, _status: 'published' }, 'locale=zh')).status).toBe(
      200,
    )
    const published = await newEntries(fixture.tiers.gold, [...known, ...saved])
    expect(published).toHaveLength(1)
    expect(published[0]).toMatchObject({ action: 'publish' })
    expect(published[0]!.changes).toEqual([
      { path: 'benefits.0.amount', before: amount, after: amount + 1 },
    ])
  })

  it('records only the field edited in one language, not the values the other language falls back to', async () => {
    const path = `/${slugs.tiers}/${fixture.tiers.silver}`
    await rest('PATCH', `${path}?locale=zh`, { as: operations, json: { description: '入门付费' } })
    const known = await entriesFor(fixture.tiers.silver)
    // Default REST reads fall back to zh for the missing English description.
    const { status } = await rest('PATCH', `${path}?locale=en`, {
      as: operations,
      json: { colour: '#94A3B8' },
    })
    expect(status).toBe(200)
    const written = await newEntries(fixture.tiers.silver, known)
    expect(written.map((entry) => entry.changes)).toEqual([[{ path: 'colour', after: '#94A3B8' }]])
  })

  it('writes no entry for a save that changes nothing', async () => {
    const path = `/${slugs.benefits}/${fixture.benefits.answers}`
    const { body: benefit } = await rest('GET', `${path}?locale=zh`, { as: operations })
    const known = await entriesFor(fixture.benefits.answers)
    expect(
      (await rest('PATCH', `${path}?locale=zh`, { as: operations, json: benefit })).status,
    ).toBe(200)
    expect(await newEntries(fixture.benefits.answers, known)).toEqual([])
  })

  it('records a course-access tier change, and the system as the actor of a change without a user', async () => {
    await payload.update({
      collection: slugs.courseAccessTiers,
      id: fixture.accessTiers.masterclass,
      locale: 'en',
      data: { name: 'Master classes' },
    })
    const [latest] = await entriesFor(fixture.accessTiers.masterclass)
    expect(latest).toMatchObject({ action: 'update', actorType: 'system', locale: 'en' })
    expect(latest?.actorEmail).toBeUndefined()
    expect(latest?.changes).toEqual([
      { path: 'name', before: 'Masterclasses', after: 'Master classes' },
    ])
  })

  it("names a service account as the actor of a change made with its key's identity", async () => {
    const account = await factory.serviceAccount(['frontend'])
    const user = await payload.findByID({ collection: slugs.serviceAccounts, id: account.id })
    await payload.update({
      collection: slugs.courseAccessTiers,
      id: fixture.accessTiers.advanced,
      locale: 'zh',
      data: { name: '进阶课程' },
      user: { ...user, collection: slugs.serviceAccounts },
    })
    const [latest] = await entriesFor(fixture.accessTiers.advanced)
    expect(latest).toMatchObject({ actorType: 'service', actorName: user.name })
    // A viewer may not read service accounts, so the reference stays an id.
    expect(latest?.actorServiceAccount).toBe(account.id)
    expect(latest?.actorEmail).toBeUndefined()
  })

  it("records support's entitlement grants with the member and benefit by id", async () => {
    const support = await factory.staff(['support'])
    const members = membersFactory(payload, null)
    const member = await payload.create({
      collection: slugs.members,
      data: { externalId: members.externalId() },
    })
    members.track(String(member.id))
    try {
      const created = await rest('POST', `/${slugs.entitlementGrants}`, {
        as: support,
        json: {
          member: member.id,
          benefit: fixture.benefits.community,
          enabled: true,
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
          reason: '直播故障补偿',
        },
      })
      expect(created.status).toBe(201)
      const id = (created.body.doc as { id: string }).id
      const [entry] = await entriesFor(id)
      expect(entry).toMatchObject({ action: 'create', actorEmail: support.email })
      expect(entry?.changes).toEqual(
        expect.arrayContaining([
          { path: 'member', after: member.id },
          { path: 'benefit', after: fixture.benefits.community },
          { path: 'reason', after: '直播故障补偿' },
        ]),
      )
    } finally {
      await members.cleanup()
    }
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
    const entries = await entriesFor(id)
    expect(entries.map((entry) => entry.action)).toEqual(['delete', 'create'])
    // Both responses populated the access tier; the entries hold its id.
    for (const entry of entries) {
      expect(entry.changes).toContainEqual(
        expect.objectContaining({
          path: 'accessTier',
          [entry.action === 'create' ? 'after' : 'before']: fixture.accessTiers.basic,
        }),
      )
    }
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

  it('is wired into exactly the audited collections and globals', () => {
    const wired = payload.config.collections
      .filter(
        (collection) =>
          collection.hooks.afterChange.includes(recordChange) &&
          collection.hooks.afterDelete.includes(recordDeletion),
      )
      .map((collection) => collection.slug)
    expect(wired.sort()).toEqual([...auditedCollections].sort())
    const partlyWired = payload.config.collections.filter(
      (collection) =>
        collection.hooks.afterChange.includes(recordChange) !==
        collection.hooks.afterDelete.includes(recordDeletion),
    )
    expect(partlyWired).toEqual([])
    const globals = payload.config.globals
      .filter((global) => global.hooks.afterChange.includes(recordGlobalChange))
      .map((global) => global.slug)
    expect(globals).toEqual([...auditedGlobals])
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
