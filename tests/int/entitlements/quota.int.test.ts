// docs/rules.md rule 9: quotas are never over-spent, even under concurrent use; a repeated idempotency key
// counts once; windows reset in the platform time zone; unlimited never blocks.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { consumeBenefit } from '../../../src/operations/entitlements/consume'
import { resetStore } from '../../../src/operations/entitlements/store'
import { graphql, rest, testPayload } from '../../helpers/api'
import { valueOf } from '../../helpers/outcome'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let frontend: { apiKey: string }
let keyNumber = 0
const nextKey = () => `key-${Date.now()}-${(keyNumber += 1)}`

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  frontend = await staff.serviceAccount(['frontend'])
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

const tutoring = () => `tutoring-${fixture.suffix}`
const consume = (member: string, extra: Record<string, unknown> = {}) =>
  rest('POST', '/entitlements/consume', {
    as: frontend,
    json: { member, benefit: tutoring(), amount: 1, idempotencyKey: nextKey(), ...extra },
  })

async function grantTutoring(memberId: string, value: Record<string, unknown>) {
  const grant = await payload.create({
    collection: slugs.entitlementGrants,
    data: {
      member: memberId,
      benefit: fixture.benefits.tutoring,
      ...value,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'test',
    },
  })
  return String(grant.id)
}

describe('POST /api/entitlements/consume', () => {
  it('counts a repeated idempotency key once', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    const idempotencyKey = nextKey()
    const first = await consume(member.externalId, { idempotencyKey })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ consumed: true, replayed: false, used: 1, remaining: 3 })
    const repeat = await consume(member.externalId, { idempotencyKey })
    expect(repeat.status).toBe(200)
    expect(repeat.body).toMatchObject({ consumed: true, replayed: true, used: 1, remaining: 3 })
    const { body } = await rest('GET', `/members/${member.id}/entitlements`, { as: frontend })
    const quota = (body.benefits as { key: string; quota: unknown }[]).find(
      (benefit) => benefit.key === tutoring(),
    )!.quota
    expect(quota).toMatchObject({ used: 1, remaining: 3, limit: 4 })
  })

  it('lets exactly 10 of 50 parallel requests take the last 10 units; usage ends at the cap', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    await grantTutoring(member.id, { amount: 12 })
    expect((await consume(member.id, { amount: 2 })).status).toBe(200)
    const answers = await Promise.all(Array.from({ length: 50 }, () => consume(member.id)))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(10)
    expect(statuses.filter((status) => status === 409)).toHaveLength(40)
    expect(answers.find((answer) => answer.status === 409)!.body).toMatchObject({
      consumed: false,
      reason: 'quota_exhausted',
    })
    const rows = await payload.find({
      collection: slugs.benefitUsage,
      where: { member: { equals: member.id } },
      pagination: false,
    })
    expect(rows.docs.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(12)
    expect(Math.max(...rows.docs.map((row) => Number(row.usedAfter)))).toBe(12)

    // A fresh process (empty store) reads the same usage back from the database.
    resetStore(payload)
    const after = await consume(member.id)
    expect(after.status).toBe(409)
    expect(after.body).toMatchObject({ value: { quota: { used: 12, remaining: 0 } } })
  })

  it('never blocks an unlimited quota', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    await grantTutoring(member.id, { unlimited: true })
    const { status, body } = await consume(member.id, { amount: 500 })
    expect(status).toBe(200)
    expect(body).toMatchObject({ consumed: true, limit: null, remaining: null })
  })

  it('resets a monthly quota at 00:00 Asia/Shanghai on the 1st, not at UTC midnight', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`, {
      occurredAt: '2026-11-20T00:00:00+08:00',
    })
    const lastSecondOfNovember = new Date('2026-11-30T15:59:59Z') // 23:59:59 in Shanghai
    const firstSecondOfDecember = new Date('2026-11-30T16:00:00Z') // 00:00:00 on 1 December
    const input = { member: member.id, benefit: tutoring(), amount: 4 }
    const november = await consumeBenefit(
      payload,
      { ...input, idempotencyKey: nextKey() },
      lastSecondOfNovember,
    )
    expect(valueOf(november)).toMatchObject({
      consumed: true,
      remaining: 0,
      resetsAt: '2026-11-30T16:00:00.000Z',
    })
    const stillNovember = await consumeBenefit(
      payload,
      { ...input, amount: 1, idempotencyKey: nextKey() },
      lastSecondOfNovember,
    )
    expect(stillNovember).toMatchObject({ ok: false, refusal: { reason: 'quota_exhausted' } })
    const december = await consumeBenefit(
      payload,
      { ...input, idempotencyKey: nextKey() },
      firstSecondOfDecember,
    )
    expect(valueOf(december)).toMatchObject({
      consumed: true,
      used: 4,
      resetsAt: '2026-12-31T16:00:00.000Z',
    })
  })

  it.each([
    [
      'a benefit that is not a quota',
      { benefit: () => `video-${fixture.suffix}` },
      400,
      'not_consumable',
    ],
    ['an unknown benefit', { benefit: () => 'nothing-like-it' }, 404, 'benefit_unknown'],
  ])('refuses %s', async (_name, change, status, code) => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    const answer = await consume(member.id, { benefit: change.benefit() })
    expect(answer.status).toBe(status)
    expect(answer.body.reason).toBe(code)
  })

  it('refuses a quota the tier does not include (403 not_included)', async () => {
    const free = await payload.create({
      collection: slugs.members,
      data: { externalId: members.externalId() },
    })
    members.track(String(free.id))
    const answer = await consume(String(free.id))
    expect(answer.status).toBe(403)
    expect(answer.body).toMatchObject({ reason: 'not_included', upgrade: { tier: {} } })
  })

  it("refuses a cancelled member's quota (403 membership_cancelled)", async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    await members.order({ type: 'cancellation', member: member.externalId, immediate: true })
    const answer = await consume(member.id)
    expect(answer.status).toBe(403)
    expect(answer.body.reason).toBe('membership_cancelled')
  })

  it.each([
    ['a negative amount', { amount: -1 }, 'amount'],
    ['a fractional amount', { amount: 1.5 }, 'amount'],
    ['no idempotency key', { idempotencyKey: undefined }, 'idempotencyKey'],
    ['an operator object as member', { member: { $ne: null } }, 'member'],
  ])('answers %s with 400', async (_name, change, field) => {
    const answer = await consume('someone', change)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ reason: 'invalid_request', field })
  })

  it('answers the same through the GraphQL mutation, refusals as errors with the REST body', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    const mutation = `mutation ($member: String!, $benefit: String!, $amount: Int, $key: String!) {
      consumeBenefit(member: $member, benefit: $benefit, amount: $amount, idempotencyKey: $key) {
        consumed replayed reason used limit remaining resetsAt
      }
    }`
    const variables = { member: member.externalId, benefit: tutoring(), amount: 3, key: nextKey() }
    const first = await graphql(mutation, { as: frontend, variables })
    expect(first.errors).toBeUndefined()
    expect(first.data!.consumeBenefit).toMatchObject({ consumed: true, used: 3, remaining: 1 })
    const repeat = await graphql(mutation, { as: frontend, variables })
    expect(repeat.data!.consumeBenefit).toMatchObject({ consumed: true, replayed: true, used: 3 })
    // A refusal is a GraphQL error whose extensions are the REST answer and its status.
    const tooMuch = await graphql(mutation, {
      as: frontend,
      variables: { ...variables, amount: 2, key: nextKey() },
    })
    expect(tooMuch.data).toBeNull()
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({
      reason: 'quota_exhausted',
      status: 409,
      consumed: false,
      value: { quota: { used: 3, remaining: 1 } },
    })
  })
})
