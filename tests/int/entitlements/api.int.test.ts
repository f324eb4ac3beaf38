// The entitlement API frontends call on every page: REST and GraphQL give the same answers; bad
// input gets a 4xx naming the field; answers change the moment the member does.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let frontend: { apiKey: string }
let silverMember: { id: string; externalId: string }
const courses: Record<'basic' | 'advanced' | 'masterclass' | 'draft', string> = {
  basic: '',
  advanced: '',
  masterclass: '',
  draft: '',
}

const without = (body: unknown, ...keys: string[]) =>
  Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([key]) => !keys.includes(key)),
  )
const withoutTime = (body: unknown) => without(body, 'evaluatedAt')

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  frontend = await staff.serviceAccount(['frontend'])
  const course = async (key: keyof typeof courses, accessTier: string, status = 'published') => {
    const doc = await payload.create({
      collection: slugs.courses,
      data: { title: `课程 ${key}`, slug: `${key}-${fixture.suffix}`, accessTier, status } as never,
    })
    courses[key] = String(doc.id)
  }
  await course('basic', fixture.accessTiers.basic)
  await course('advanced', fixture.accessTiers.advanced)
  await course('masterclass', fixture.accessTiers.masterclass)
  await course('draft', fixture.accessTiers.basic, 'draft')
  silverMember = await members.buyer(`silver-${fixture.suffix}`)
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

const check = (query: string) => rest('GET', `/entitlements/check?${query}`, { as: frontend })

const entitlementsQuery = `query ($member: String!) {
  memberEntitlements(member: $member) {
    member { id externalId } tier { id slug name { zh en } rank kind } version heldVersion
    grandfatheredUntil status period { start end billingPeriod } graceEndsAt autoRenew
    pendingChange { tier { id slug name { zh en } } effectiveAt }
    benefits { key name { zh en } category kind granted
      value { kind enabled unlimited amount level percent } display { zh en }
      source { type tierId tierSlug version grantId reason endsAt }
      quota { period limit used remaining resetsAt } }
    courseAccess { id rank name { zh en } source { type tierId tierSlug version grantId reason endsAt } }
    evaluatedAt
  }
}`

const upgradeFields = `upgrade { tier { id slug name { zh en } rank } price { period listPrice sellingPrice currency } }`
const sourceFields = `source { type tierId tierSlug version grantId reason endsAt }`
const courseFields = `id allowed reason message { zh en } accessTier { id rank name { zh en } } ${sourceFields} ${upgradeFields}`

/** GraphQL returns nulls for fields REST leaves out; compare the fields both have. */
const dropNulls = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(dropNulls)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, inner]) => inner !== null && inner !== undefined)
            .map(([key, inner]) => [key, dropNulls(inner)]),
        )
      : value

describe('GET /api/members/{id}/entitlements', () => {
  it('answers the same through REST and GraphQL, by Payload id or platform id', async () => {
    const byId = await rest('GET', `/members/${silverMember.id}/entitlements`, { as: frontend })
    const byExternal = await rest('GET', `/members/${silverMember.externalId}/entitlements`, {
      as: frontend,
    })
    expect(byId.status).toBe(200)
    expect(withoutTime(byExternal.body)).toEqual(withoutTime(byId.body))
    const viaGraphql = await graphql(entitlementsQuery, {
      as: frontend,
      variables: { member: silverMember.externalId },
    })
    expect(viaGraphql.errors).toBeUndefined()
    expect(dropNulls(withoutTime(viaGraphql.data!.memberEntitlements))).toEqual(
      dropNulls(withoutTime(byId.body)),
    )
  })

  it('lists every benefit with value, display, source and quota, and the open course tiers', async () => {
    const { body } = await rest('GET', `/members/${silverMember.id}/entitlements`, { as: frontend })
    const benefits = body.benefits as Record<string, unknown>[]
    const tutoring = benefits.find((benefit) => benefit.key === `tutoring-${fixture.suffix}`)!
    expect(tutoring).toMatchObject({
      granted: true,
      value: { kind: 'quota', amount: 4 },
      display: { zh: '每月 4 次', en: '4 sessions / month' },
      source: { type: 'tier', tierId: fixture.tiers.silver },
      quota: { period: 'month', limit: 4, used: 0, remaining: 4 },
    })
    expect(typeof (tutoring.quota as { resetsAt: string }).resetsAt).toBe('string')
    const community = benefits.find((benefit) => benefit.key === `community-${fixture.suffix}`)!
    expect(community).toMatchObject({ granted: false, source: null, display: { zh: '—' } })
    expect((body.courseAccess as { id: string }[]).map((tier) => tier.id)).toEqual([
      fixture.accessTiers.basic,
      fixture.accessTiers.advanced,
    ])
  })

  it('revalidates with an ETag: 304 while nothing changed, a new answer right after a grant', async () => {
    const path = `/members/${silverMember.id}/entitlements`
    const first = await rest('GET', path, { as: frontend, raw: true })
    const etag = first.headers!.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const again = await rest('GET', path, { as: frontend, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)

    const support = await staff.staff(['support'])
    const grant = await rest('POST', `/${slugs.entitlementGrants}`, {
      as: { token: support.token },
      json: {
        member: silverMember.id,
        benefit: fixture.benefits.community,
        enabled: true,
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        reason: '直播故障补偿',
      },
    })
    expect(grant.status).toBe(201)
    const changed = await rest('GET', path, { as: frontend, headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    const community = (changed.body.benefits as Record<string, unknown>[]).find(
      (benefit) => benefit.key === `community-${fixture.suffix}`,
    )
    expect(community).toMatchObject({
      granted: true,
      source: { type: 'grant', reason: '直播故障补偿' },
    })
    await payload.delete({
      collection: slugs.entitlementGrants,
      id: (grant.body.doc as { id: string }).id,
    })
  })

  it('refuses a grant that gives nothing or ends before it starts, at the field to fix', async () => {
    const support = await staff.staff(['support'])
    const grant = (fields: Record<string, unknown>) =>
      rest('POST', `/${slugs.entitlementGrants}`, {
        as: { token: support.token },
        json: {
          member: silverMember.id,
          benefit: fixture.benefits.tutoring,
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
          reason: 'test',
          ...fields,
        },
      })
    const negative = await grant({ amount: -1 })
    expect(negative.status).toBe(400)
    expect(negative.body).toMatchObject({ errors: [{ data: { errors: [{ path: 'amount' }] } }] })
    const backwards = await grant({ amount: 2, endsAt: new Date(Date.now() - 1000).toISOString() })
    expect(backwards.status).toBe(400)
    expect(backwards.body).toMatchObject({ errors: [{ data: { errors: [{ path: 'endsAt' }] } }] })
  })

  it('answers an unknown member with 404 member_unknown', async () => {
    const { status, body } = await rest('GET', '/members/nobody-like-this/entitlements', {
      as: frontend,
    })
    expect(status).toBe(404)
    expect(body.reason).toBe('member_unknown')
  })
})

describe('GET /api/entitlements/check', () => {
  it('allows a course the tier opens, naming the source', async () => {
    const { status, body } = await check(
      `member=${silverMember.externalId}&course=${courses.advanced}`,
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({
      allowed: true,
      reason: 'entitled',
      course: { source: { type: 'tier', tierId: fixture.tiers.silver } },
    })
  })

  it('refuses a course above the tier with tier_too_low and the cheapest tier that opens it', async () => {
    const { body } = await check(`member=${silverMember.id}&course=masterclass-${fixture.suffix}`)
    expect(body).toMatchObject({
      allowed: false,
      reason: 'tier_too_low',
      upgrade: {
        tier: { id: fixture.tiers.gold },
        price: { period: 'annual', sellingPrice: 69900, listPrice: 99900, currency: 'CNY' },
      },
    })
  })

  it.each([
    ['an unpublished course', () => courses.draft, 200, 'course_unpublished'],
    ['an unknown course', () => 'no-such-course', 404, 'course_unknown'],
  ])('refuses %s', async (_name, course, status, reason) => {
    const answer = await check(`member=${silverMember.id}&course=${course()}`)
    expect(answer.status).toBe(status)
    expect(answer.body).toMatchObject({ allowed: false, reason })
  })

  it('checks a benefit: included, not included with an upgrade, unknown', async () => {
    const included = await check(`member=${silverMember.id}&benefit=video-${fixture.suffix}`)
    expect(included.body).toMatchObject({
      allowed: true,
      benefit: { value: { display: { en: '1080p HD' } } },
    })
    const missing = await check(`member=${silverMember.id}&benefit=community-${fixture.suffix}`)
    expect(missing.body).toMatchObject({
      allowed: false,
      reason: 'not_included',
      upgrade: { tier: { id: fixture.tiers.gold } },
    })
    const unknown = await check(`member=${silverMember.id}&benefit=teleportation`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.reason).toBe('benefit_unknown')
  })

  it('tells a cancelled member why: membership_cancelled, not tier_too_low', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    expect((await check(`member=${member.id}&course=${courses.advanced}`)).body.allowed).toBe(true)
    await members.order({ type: 'cancellation', member: member.externalId, immediate: true })
    const { body } = await check(`member=${member.id}&course=${courses.advanced}`)
    expect(body).toMatchObject({ allowed: false, reason: 'membership_cancelled' })
    // The entry tier still opens the basic library.
    expect((await check(`member=${member.id}&course=${courses.basic}`)).body.allowed).toBe(true)
  })

  it('answers the same through GraphQL', async () => {
    const query = `query ($member: String!, $course: String) {
      checkEntitlement(member: $member, course: $course) {
        allowed reason message { zh en } member { id externalId }
        course { ${courseFields} } ${upgradeFields}
      }
    }`
    const viaRest = await check(`member=${silverMember.id}&course=${courses.masterclass}`)
    const viaGraphql = await graphql(query, {
      as: frontend,
      variables: { member: silverMember.id, course: courses.masterclass },
    })
    expect(viaGraphql.errors).toBeUndefined()
    expect(dropNulls(viaGraphql.data!.checkEntitlement)).toEqual(
      dropNulls(without(viaRest.body, 'evaluatedAt', 'benefit')),
    )
  })
})

describe('POST /api/entitlements/check-batch', () => {
  it('answers 50 courses in one call, in order, as single checks would', async () => {
    const list = Array.from(
      { length: 50 },
      (_, index) =>
        [courses.basic, courses.advanced, courses.masterclass, courses.draft, 'gone'][index % 5]!,
    )
    const { status, body } = await rest('POST', '/entitlements/check-batch', {
      as: frontend,
      json: {
        member: silverMember.externalId,
        courses: list,
        benefits: [`video-${fixture.suffix}`],
      },
    })
    expect(status).toBe(200)
    const answers = body.courses as { id: string; allowed: boolean; reason: string }[]
    expect(answers).toHaveLength(50)
    expect(answers.slice(0, 5).map((answer) => answer.reason)).toEqual([
      'entitled',
      'entitled',
      'tier_too_low',
      'course_unpublished',
      'course_unknown',
    ])
    const single = await check(`member=${silverMember.id}&course=${courses.masterclass}`)
    expect(answers[2]).toEqual(single.body.course)
    const viaGraphql = await graphql(
      `
        query ($member: String!, $courses: [String!]) {
          checkEntitlements(member: $member, courses: $courses) {
            courses {
              id
              allowed
              reason
            }
          }
        }
      `,
      { as: frontend, variables: { member: silverMember.id, courses: list } },
    )
    expect(viaGraphql.errors).toBeUndefined()
    expect((viaGraphql.data!.checkEntitlements as { courses: unknown[] }).courses).toEqual(
      answers.map(({ id, allowed, reason }) => ({ id, allowed, reason })),
    )
  })
})

describe('bad input', () => {
  it.each([
    ['an operator in the query string', 'member[$gt]=&course=x', 'member'],
    ['a missing member', 'course=x', 'member'],
    ['a malformed member id', 'member=a%20b&course=x', 'member'],
    ['the same member twice', 'member=a&member=b&course=x', 'member'],
    ['a negative amount', 'member=abc&benefit=video&amount=-1', 'amount'],
    ['neither course nor benefit', 'member=abc', 'course'],
  ])('answers %s with 400 naming the field', async (_name, query, field) => {
    const { status, body } = await check(query)
    expect(status).toBe(400)
    expect(body).toMatchObject({ reason: 'invalid_request', field })
  })

  it.each([
    ['an operator object as member', { member: { $ne: null }, courses: ['x'] }, 'member'],
    ['an operator object in the list', { member: 'abc', courses: [{ $gt: '' }] }, 'courses.0'],
    ['a list that is not a list', { member: 'abc', courses: 'x' }, 'courses'],
  ])('answers a batch with %s with 400', async (_name, json, field) => {
    const { status, body } = await rest('POST', '/entitlements/check-batch', { as: frontend, json })
    expect(status).toBe(400)
    expect(body).toMatchObject({ reason: 'invalid_request', field })
  })

  it('answers a body that is not JSON with 400', async () => {
    const { status } = await rest('POST', '/entitlements/check-batch', {
      as: frontend,
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(status).toBe(400)
  })

  it('refuses an operator object in GraphQL variables without reaching the service', async () => {
    const { status, data, errors } = await graphql(
      `
        query ($member: String!) {
          memberEntitlements(member: $member) {
            status
          }
        }
      `,
      { as: frontend, variables: { member: { $ne: null } } },
    )
    // GraphQL's own variable coercion refuses it (Payload answers such errors with 200).
    expect(status).toBeLessThan(500)
    expect(data).toBeNull()
    expect(errors?.[0]?.message).toMatch(/String cannot represent a non string value/)
  })
})

describe('who may ask', () => {
  it('needs an API key or a support/admin login', async () => {
    const path = `/entitlements/check?member=${silverMember.id}&course=${courses.basic}`
    expect((await rest('GET', path)).status).toBe(401)
    const viewer = await staff.staff(['viewer'])
    expect((await rest('GET', path, { as: { token: viewer.token } })).status).toBe(403)
    const support = await staff.staff(['support'])
    expect((await rest('GET', path, { as: { token: support.token } })).status).toBe(200)
  })

  it('shows member documents to support through GraphQL, never to a frontend key', async () => {
    const query = `query ($id: String!) {
      Members(where: { externalId: { equals: $id } }) { docs { id externalId status } }
    }`
    const variables = { id: silverMember.externalId }
    const support = await staff.staff(['support'])
    const asSupport = await graphql(query, { as: { token: support.token }, variables })
    expect(asSupport.errors).toBeUndefined()
    expect(asSupport.data!.Members).toMatchObject({
      docs: [{ id: silverMember.id, externalId: silverMember.externalId, status: 'active' }],
    })
    const asFrontend = await graphql(query, { as: frontend, variables })
    expect(asFrontend.data?.Members ?? null).toBeNull()
    expect(asFrontend.errors?.[0]?.message).toMatch(/not allowed|无权/i)
  })

  it('never lets a frontend list or read member documents', async () => {
    expect((await rest('GET', `/${slugs.members}`, { as: frontend })).status).toBe(403)
    expect(
      (await rest('GET', `/${slugs.members}/${silverMember.id}`, { as: frontend })).status,
    ).toBe(403)
  })
})
