import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import type { StaffRole } from '../../../src/access/roles'
import { graphql, rest, testPayload, type Credentials } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
const as: Partial<Record<StaffRole | 'frontend' | 'anonymous', Credentials>> = {}
let draftTierId = ''
let draftCourseId = ''
let publishedCourseId = ''

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  for (const role of ['admin', 'operations', 'marketing', 'support', 'viewer'] as const) {
    as[role] = await factory.staff([role])
  }
  as.frontend = await factory.serviceAccount()
  as.anonymous = null
  fixture = await createCatalogueFixture(payload)
  const draft = await payload.create({
    collection: slugs.tiers,
    data: {
      name: '钻石（筹备中）',
      slug: `diamond-${fixture.suffix}`,
      rank: 3,
      kind: 'paid',
      _status: 'draft',
    } as never,
    draft: true,
  })
  draftTierId = String(draft.id)
  fixture.track(draftTierId)
  const course = (status: string) =>
    payload.create({
      collection: slugs.courses,
      data: {
        slug: `${status}-course-${fixture.suffix}`,
        title: `${status} course`,
        accessTier: fixture.accessTiers.basic,
        status: status as 'draft',
      },
    })
  draftCourseId = String((await course('draft')).id)
  publishedCourseId = String((await course('published')).id)
})

afterAll(async () => {
  await fixture?.cleanup()
  await factory.cleanup()
})

const newBenefit = () => ({
  key: `access-test-${Math.random().toString(36).slice(2, 8)}`,
  name: '测试权益',
  category: 'bundle',
  valueShape: 'flag',
})

describe('editing the catalogue', () => {
  it.each(['admin', 'operations'] as const)('is allowed for %s', async (role) => {
    const { status, body } = await rest('POST', `/${slugs.benefits}`, {
      as: as[role],
      json: newBenefit(),
    })
    expect(status).toBe(201)
    await payload.delete({ collection: slugs.benefits, id: (body.doc as { id: string }).id })
  })

  it.each(['marketing', 'support', 'viewer', 'frontend', 'anonymous'] as const)(
    'is refused for %s',
    async (role) => {
      const created = await rest('POST', `/${slugs.benefits}`, { as: as[role], json: newBenefit() })
      expect(created.status).toBe(403)
      const updated = await rest('PATCH', `/${slugs.tiers}/${fixture.tiers.silver}`, {
        as: as[role],
        json: { name: '改名' },
      })
      expect(updated.status).toBe(403)
      const deleted = await rest('DELETE', `/${slugs.courses}/${publishedCourseId}`, {
        as: as[role],
      })
      expect(deleted.status).toBe(403)
    },
  )
})

describe('reading tiers', () => {
  it.each(['marketing', 'support', 'viewer'] as const)('shows %s drafts too', async (role) => {
    const { body } = await rest('GET', `/${slugs.tiers}?limit=100&draft=true`, { as: as[role] })
    expect((body.docs as { id: string }[]).map((doc) => doc.id)).toContain(draftTierId)
  })

  it.each(['frontend', 'anonymous'] as const)('shows %s published tiers only', async (role) => {
    for (const query of ['', '&draft=true']) {
      const { status, body } = await rest('GET', `/${slugs.tiers}?limit=100${query}`, {
        as: as[role],
      })
      expect(status).toBe(200)
      const ids = (body.docs as { id: string }[]).map((doc) => doc.id)
      expect(ids).toEqual(expect.arrayContaining([fixture.tiers.free, fixture.tiers.gold]))
      expect(ids).not.toContain(draftTierId)
    }
    const direct = await rest('GET', `/${slugs.tiers}/${draftTierId}?draft=true`, { as: as[role] })
    expect(direct.status).toBe(404)
    const versions = await rest('GET', `/${slugs.tiers}/versions`, { as: as[role] })
    expect(versions.status).toBe(403)
  })

  it('hides internal exception reasons from frontends and visitors', async () => {
    await payload.update({
      collection: slugs.tiers,
      id: fixture.tiers.gold,
      data: { accessExceptionReason: '内部备注', _status: 'published' } as never,
    })
    for (const role of ['frontend', 'anonymous'] as const) {
      const { body } = await rest('GET', `/${slugs.tiers}/${fixture.tiers.gold}`, { as: as[role] })
      expect(body.accessExceptionReason).toBeUndefined()
      const query = await graphql(
        `
          query ($id: String!) {
            Tier(id: $id) {
              accessExceptionReason
              benefits {
                exceptionReason
              }
            }
          }
        `,
        { as: as[role], variables: { id: fixture.tiers.gold } },
      )
      expect(query.errors).toBeUndefined()
      const tier = query.data?.Tier as {
        accessExceptionReason: string | null
        benefits: { exceptionReason: string | null }[]
      }
      expect(tier.accessExceptionReason).toBeNull()
      expect(tier.benefits.length).toBeGreaterThan(0)
      expect(tier.benefits.every((row) => row.exceptionReason === null)).toBe(true)
    }
    const staff = await rest('GET', `/${slugs.tiers}/${fixture.tiers.gold}`, { as: as.viewer })
    expect(staff.body.accessExceptionReason).toBe('内部备注')
  })
})

describe('reading benefits and course-access tiers', () => {
  it.each(['frontend', 'anonymous'] as const)(
    'is open to %s (the pricing catalogue)',
    async (role) => {
      expect((await rest('GET', `/${slugs.benefits}`, { as: as[role] })).status).toBe(200)
      expect((await rest('GET', `/${slugs.courseAccessTiers}`, { as: as[role] })).status).toBe(200)
    },
  )
})

describe('reading courses', () => {
  it('shows a frontend key published courses only', async () => {
    const { body } = await rest('GET', `/${slugs.courses}?limit=200`, { as: as.frontend })
    const ids = (body.docs as { id: string }[]).map((doc) => doc.id)
    expect(ids).toContain(publishedCourseId)
    expect(ids).not.toContain(draftCourseId)
  })

  it('is refused to anonymous visitors', async () => {
    expect((await rest('GET', `/${slugs.courses}`)).status).toBe(403)
  })

  it('shows staff every course', async () => {
    const { body } = await rest('GET', `/${slugs.courses}?limit=200`, { as: as.support })
    expect((body.docs as { id: string }[]).map((doc) => doc.id)).toContain(draftCourseId)
  })
})

describe('the audit log', () => {
  it.each(['frontend', 'anonymous'] as const)('is hidden from %s', async (role) => {
    expect((await rest('GET', `/${slugs.auditLog}`, { as: as[role] })).status).toBe(403)
  })
})
