// Orders from billing become ledger events; the member follows the ledger (docs/rules.md rule 10).
// Through POST /api/membership/orders and the admin's Local API.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { eventFromDoc, membershipFromDoc } from '../../../src/adapters/entitlements'
import { replayLedger } from '../../../src/domain/entitlements/membership'
import { memberEntitlements } from '../../../src/operations/entitlements/service'
import { catalogueOf, findMember } from '../../../src/operations/entitlements/store'
import { rest, testPayload } from '../../helpers/api'
import { valueOf } from '../../helpers/outcome'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let billing: { apiKey: string }
let frontend: { apiKey: string }
const day = 24 * 60 * 60 * 1000

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  billing = await staff.serviceAccount(['billing'])
  frontend = await staff.serviceAccount(['frontend'])
  members = membersFactory(payload, billing)
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

const silver = () => `silver-${fixture.suffix}`
const gold = () => `gold-${fixture.suffix}`

async function storedAndReplayed(memberId: string) {
  const doc = await payload.findByID({ collection: slugs.members, id: memberId, depth: 0 })
  const events = await payload.find({
    collection: slugs.membershipEvents,
    where: { member: { equals: memberId } },
    pagination: false,
    depth: 0,
  })
  const replayed = replayLedger(events.docs.map(eventFromDoc), 'Asia/Shanghai')
  return { stored: membershipFromDoc(doc), replayed }
}

describe('orders from billing', () => {
  it('records a first purchase, creating the member, and the member holds the tier at once', async () => {
    const externalId = members.externalId()
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type: 'purchase',
        member: externalId,
        tier: silver(),
        billingPeriod: 'monthly',
        amount: 3900,
      },
    })
    expect(status).toBe(201)
    expect(body).toMatchObject({ recorded: true, duplicate: false })
    const member = findMember(payload, externalId)!
    members.track(member.id)
    expect(member.membership).toMatchObject({
      tierId: fixture.tiers.silver,
      status: 'active',
      autoRenew: true,
      billingPeriod: 'monthly',
    })
    const { catalogue } = await catalogueOf(payload)
    expect(member.membership.planVersion).toBe(
      catalogue.latestPlanByTier.get(fixture.tiers.silver)!.version,
    )
    const answer = await rest('GET', `/members/${externalId}/entitlements`, { as: frontend })
    expect(answer.status).toBe(200)
    expect(answer.body.tier).toMatchObject({ id: fixture.tiers.silver })
  })

  it('changes nothing when the same order id arrives twice', async () => {
    const member = await members.buyer(silver())
    const orderId = members.orderId()
    const renewal = { orderId, type: 'renewal', member: member.externalId, amount: 3900 }
    const first = await rest('POST', '/membership/orders', { as: billing, json: renewal })
    expect(first.status).toBe(201)
    const bought = member.membership
    const after = findMember(payload, member.id)!.membership
    const second = await rest('POST', '/membership/orders', { as: billing, json: renewal })
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ recorded: false, duplicate: true })
    expect(findMember(payload, member.id)!.membership).toEqual(after)
    expect(after.eventCount).toBe(2)
    // Renewed early: the period keeps its start and ends a month later than it did.
    expect(after.periodStart).toEqual(bought.periodStart)
    expect(after.periodEnd!.getTime() - bought.periodEnd!.getTime()).toBeGreaterThan(27 * day)
  })

  it('refuses the same order id reused for another member (409) and changes nothing', async () => {
    const first = await members.buyer(silver())
    const other = await members.buyer(silver())
    const orderId = members.orderId()
    await members.order({ orderId, type: 'renewal', member: first.externalId })
    const before = findMember(payload, other.id)!.membership
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: { orderId, type: 'renewal', member: other.externalId, amount: 0 },
    })
    expect(status).toBe(409)
    expect(body.reason).toBe('order_conflict')
    expect(findMember(payload, other.id)!.membership).toEqual(before)
  })

  it('applies an upgrade at once and schedules a downgrade for the period end', async () => {
    const member = await members.buyer(silver())
    await members.order({
      type: 'upgrade',
      member: member.externalId,
      tier: gold(),
      billingPeriod: 'annual',
    })
    const upgraded = findMember(payload, member.id)!.membership
    expect(upgraded.tierId).toBe(fixture.tiers.gold)
    expect(upgraded.billingPeriod).toBe('annual')

    await members.order({
      type: 'downgrade',
      member: member.externalId,
      tier: silver(),
      billingPeriod: 'monthly',
      amount: 3900,
    })
    const scheduled = findMember(payload, member.id)!.membership
    expect(scheduled.tierId).toBe(fixture.tiers.gold)
    expect(scheduled.pendingChange).toMatchObject({
      tierId: fixture.tiers.silver,
      effectiveAt: upgraded.periodEnd,
    })
    const now = await memberEntitlements(payload, { member: member.id })
    expect(valueOf(now)).toMatchObject({
      tier: { id: fixture.tiers.gold },
      pendingChange: { tier: { id: fixture.tiers.silver } },
    })
    const afterPeriod = await memberEntitlements(
      payload,
      { member: member.id },
      new Date(upgraded.periodEnd!.getTime() + day),
    )
    expect(valueOf(afterPeriod)).toMatchObject({
      tier: { id: fixture.tiers.silver },
      status: 'active',
    })
  })

  it.each([
    ['an upgrade to a lower tier', 'upgrade', 'silver', 'monthly', 'not_an_upgrade'],
    ['a downgrade to a higher tier', 'downgrade', 'gold', 'annual', 'not_a_downgrade'],
    ['a purchase of the entry tier', 'purchase', 'free', 'monthly', 'tier_not_purchasable'],
  ])('refuses %s with 422 and a reason', async (_name, type, tier, billingPeriod, code) => {
    const member = await members.buyer(type === 'downgrade' ? silver() : gold(), {
      billingPeriod: type === 'downgrade' ? 'monthly' : 'annual',
    })
    const before = findMember(payload, member.id)!.membership
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type,
        member: member.externalId,
        tier: `${tier}-${fixture.suffix}`,
        billingPeriod,
        amount: 100,
      },
    })
    expect(status).toBe(422)
    expect(body.reason).toBe(code)
    expect((body.message as { zh: string; en: string }).en.length).toBeGreaterThan(10)
    expect(findMember(payload, member.id)!.membership).toEqual(before)
  })

  it('refuses a billing period the tier does not sell', async () => {
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type: 'purchase',
        member: members.externalId(),
        tier: gold(),
        billingPeriod: 'monthly',
        amount: 100,
      },
    })
    expect(status).toBe(422)
    expect(body.reason).toBe('billing_period_not_offered')
  })

  it.each([
    ['an operator object as member', { member: { $ne: null } }, 'member'],
    ['a negative amount', { amount: -5 }, 'amount'],
    ['an unknown order type', { type: 'refund' }, 'type'],
    ['a malformed order id', { orderId: 'a b' }, 'orderId'],
    ['a time that is not ISO 8601', { occurredAt: 'yesterday' }, 'occurredAt'],
  ])('answers %s with 400 naming the field', async (_name, change, field) => {
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type: 'purchase',
        member: members.externalId(),
        tier: silver(),
        billingPeriod: 'monthly',
        amount: 3900,
        ...change,
      },
    })
    expect(status).toBe(400)
    expect(body).toMatchObject({ reason: 'invalid_request', field })
  })

  it('answers an order for an unknown member id with 404 member_unknown', async () => {
    const { status, body } = await rest('POST', '/membership/orders', {
      as: billing,
      json: { orderId: members.orderId(), type: 'renewal', member: 'nobody-here', amount: 0 },
    })
    expect(status).toBe(404)
    expect(body.reason).toBe('member_unknown')
  })

  it('takes orders from billing keys and admins only', async () => {
    const json = { orderId: members.orderId(), type: 'renewal', member: 'x', amount: 0 }
    expect((await rest('POST', '/membership/orders', { json })).status).toBe(401)
    expect((await rest('POST', '/membership/orders', { as: frontend, json })).status).toBe(403)
  })
})

describe('deleting a tier members hold', () => {
  it('is refused with the number of members, pointing to archiving', async () => {
    await members.buyer(silver())
    const admin = await staff.staff(['admin'])
    const { status, body } = await rest('DELETE', `/${slugs.tiers}/${fixture.tiers.silver}`, {
      as: { token: admin.token },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/members hold this tier|名会员持有/)
  })
})

describe('the ledger', () => {
  it('implies the stored membership: replaying every event gives the member document', async () => {
    const member = await members.buyer(silver())
    await members.order({ type: 'renewal', member: member.externalId, amount: 3900 })
    await members.order({
      type: 'upgrade',
      member: member.externalId,
      tier: gold(),
      billingPeriod: 'annual',
    })
    await members.order({ type: 'cancellation', member: member.externalId })
    const { stored, replayed } = await storedAndReplayed(member.id)
    expect(stored).toEqual(replayed)
    expect(replayed).toMatchObject({ tierId: fixture.tiers.gold, autoRenew: false, eventCount: 4 })
  })

  it('cannot be edited or deleted, even by an admin', async () => {
    const member = await members.buyer(silver())
    const admin = await staff.staff(['admin'])
    const events = await payload.find({
      collection: slugs.membershipEvents,
      where: { member: { equals: member.id } },
      depth: 0,
    })
    const id = String(events.docs[0]!.id)
    const patch = await rest('PATCH', `/${slugs.membershipEvents}/${id}`, {
      as: { token: admin.token },
      json: { amount: 1 },
    })
    expect(patch.status).toBe(403)
    const removal = await rest('DELETE', `/${slugs.membershipEvents}/${id}`, {
      as: { token: admin.token },
    })
    expect(removal.status).toBe(403)
    await expect(
      payload.update({ collection: slugs.membershipEvents, id, data: { amount: 1 } }),
    ).rejects.toThrow(/append|追加/)
  })

  it('lets support record a grant of extra days in the admin, and refuses them a purchase', async () => {
    const member = await members.buyer(silver())
    const support = await staff.staff(['support'])
    const before = findMember(payload, member.id)!.membership.periodEnd!
    const grant = await rest('POST', `/${slugs.membershipEvents}`, {
      as: { token: support.token },
      json: { member: member.id, type: 'grant', days: 30, reason: '直播故障补偿' },
    })
    expect(grant.status).toBe(201)
    const after = findMember(payload, member.id)!.membership.periodEnd!
    expect(after.getTime() - before.getTime()).toBe(30 * day)
    const purchase = await rest('POST', `/${slugs.membershipEvents}`, {
      as: { token: support.token },
      json: { member: member.id, type: 'purchase', tier: fixture.tiers.gold },
    })
    expect(purchase.status).toBe(403)
  })
})
