// Signed webhooks out (docs/webhooks.md, docs/rules.md rules 20–20), against the real database and
// a local receiver on 127.0.0.1 that fails, times out, then recovers: every event delivered, every
// signature valid, duplicates share an id, each member's events in order; two runners at once; the
// sweep after a crash between the ledger and the outbox; the three-day disable and the replay.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { retryWindowMs } from '../../../src/domain/webhooks/backoff'
import { memberChanged, rawCollection } from '../../../src/operations/entitlements/store'
import { deliverWebhooks } from '../../../src/operations/webhooks/delivery'
import { sweepLedgerWebhooks } from '../../../src/operations/webhooks/ledgerWebhooks'
import { recordWebhookEvent } from '../../../src/operations/webhooks/outbox'
import { rest, testPayload } from '../../helpers/api'
import { campaignFactory, fromNow, times, upgradeCampaign } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { outboxMessages } from '../../helpers/outbox'
import { staffFactory, type TestStaff } from '../../helpers/staff'
import { removeWebhooks, webhookReceiver, type ReceivedWebhook } from '../../helpers/webhooks'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let campaigns: ReturnType<typeof campaignFactory>
let receiver: Awaited<ReturnType<typeof webhookReceiver>>
let admin: TestStaff
let billing: { apiKey: string }
const endpointIds: string[] = []
const minute = 60_000

type Endpoint = { id: string; secret: string }

async function endpoint(path: string, fields: Record<string, unknown> = {}): Promise<Endpoint> {
  const response = await rest('POST', `/${slugs.webhookEndpoints}`, {
    as: admin,
    json: {
      url: receiver.url(path),
      events: [
        'member.entitlements.changed',
        'membership.renewed',
        'membership.expired',
        'membership.downgraded',
        'campaign.redeemed',
      ],
      ...fields,
    },
  })
  expect(response.status).toBe(201)
  const doc = response.body.doc as { id: string; secret: string }
  endpointIds.push(doc.id)
  return doc
}

/** The outbox's events about a member, in delivery order. */
async function eventsOf(memberId: string) {
  return rawCollection(payload, slugs.webhookEvents)
    .find({ member: new ObjectId(memberId) })
    .sort({ orderKey: 1 })
    .toArray()
}

async function deliveriesOf(endpointId: string, memberId?: string) {
  return rawCollection(payload, slugs.webhookDeliveries)
    .find({
      endpoint: new ObjectId(endpointId),
      ...(memberId ? { member: new ObjectId(memberId) } : {}),
    })
    .toArray()
}

const bodyOf = (request: ReceivedWebhook) =>
  JSON.parse(request.body) as { id: string; type: string; data: { member?: { id: string } } }

/** Runs the delivery job's work until nothing is due for the endpoint, moving the clock on. */
async function drain(endpointId: string, start: Date, step = 10 * minute, runs = 30) {
  let now = start
  for (let run = 0; run < runs; run += 1) {
    await deliverWebhooks(payload, { now })
    const open = (await deliveriesOf(endpointId)).filter(
      (delivery) => delivery.status === 'pending' || delivery.status === 'sending',
    )
    if (open.length === 0) return now
    now = new Date(now.getTime() + step)
  }
  throw new Error('deliveries still open')
}

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true'
  process.env.WEBHOOKS_TIMEOUT_MS = '400'
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  admin = await staff.staff(['admin'])
  billing = await staff.serviceAccount(['billing'])
  members = membersFactory(payload, billing)
  campaigns = campaignFactory(payload, fixture)
  receiver = await webhookReceiver()
})

afterAll(async () => {
  await receiver?.close()
  await removeWebhooks(payload, endpointIds)
  await campaigns?.cleanup()
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS
  delete process.env.WEBHOOKS_TIMEOUT_MS
})

describe('webhook endpoints (docs/rules.md rule 20)', () => {
  it('refuses private, loopback and metadata targets and plain http unless allowed, in zh and en', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'false'
    try {
      for (const [url, en] of [
        ['https://127.0.0.1:9/hook', /loopback/],
        ['https://169.254.169.254/latest/meta-data', /metadata/],
        ['https://10.0.0.8/hook', /private/],
        ['https://localhost/hook', /private/],
        ['http://hooks.example.com/hook', /must use https/],
      ] as const) {
        for (const language of ['zh', 'en'] as const) {
          const response = await rest('POST', `/${slugs.webhookEndpoints}?locale=${language}`, {
            as: admin,
            headers: { 'accept-language': language },
            json: { url, events: ['membership.renewed'] },
          })
          expect(response.status).toBe(400)
          const error = (
            response.body.errors as { data?: { errors?: { path: string; message: string }[] } }[]
          )[0]
          const field = error?.data?.errors?.[0]
          expect(field?.path).toBe('url')
          if (language === 'en') expect(field?.message).toMatch(en)
          else expect(field?.message).toMatch(/[\u4e00-\u9fff]/)
        }
      }
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true'
    }
  })

  it('generates a whsec_ secret on create, shown to admins only, never in the audit log', async () => {
    const created = await endpoint('/audited', { events: ['membership.renewed'], active: false })
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const support = await staff.staff(['support'])
    const read = await rest('GET', `/${slugs.webhookEndpoints}/${created.id}`, { as: support })
    expect(read.status).toBe(403)
    const audit = await payload.find({
      collection: slugs.auditLog,
      where: { documentId: { equals: created.id } },
      depth: 0,
    })
    expect(audit.totalDocs).toBe(1)
    expect(JSON.stringify(audit.docs)).not.toContain(created.secret)
    expect(JSON.stringify(audit.docs)).not.toContain(created.secret.slice(6, 20))
  })
})

describe('delivery to a receiver that fails, times out, then recovers', () => {
  let hook: Endpoint
  let personal: Endpoint
  const member = { a: '', b: '' }

  beforeAll(async () => {
    hook = await endpoint('/hook')
    personal = await endpoint('/personal', {
      events: ['membership.renewed'],
      includePersonalData: true,
    })
    receiver.answer('fail', '/hook')
    receiver.answer('accept', '/personal')
    const a = await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual' })
    member.a = a.id
    await rawCollection(payload, slugs.members).updateOne(
      { _id: new ObjectId(a.id) },
      { $set: { contact: { email: 'learner-a@test.example', phone: '13800000000' } } },
    )
    const renewal = {
      orderId: members.orderId(),
      type: 'renewal',
      member: a.externalId,
      tier: `gold-${fixture.suffix}`,
      billingPeriod: 'annual',
      amount: 69_900,
    }
    await members.order(renewal)
    // The same order again (billing retried): a duplicate, nothing new in the outbox.
    const repeat = await rest('POST', '/membership/orders', { as: billing, json: renewal })
    expect(repeat.status).toBe(200)
    await members.order({
      type: 'downgrade',
      member: a.externalId,
      tier: `silver-${fixture.suffix}`,
      billingPeriod: 'monthly',
      amount: 3900,
    })
    const b = await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual' })
    member.b = b.id
  })

  it('records the ledger events in the outbox once, in order, without contact details', async () => {
    const events = await eventsOf(member.a)
    const types = events.map((event) => event.type)
    expect(types).toEqual([
      'member.entitlements.changed', // the purchase
      'membership.renewed',
      'member.entitlements.changed', // the renewal moved the period end
      'membership.downgraded', // scheduled for the period end: nothing changes yet
    ])
    const purchase = events[0]!.data as { changes: { tier: { after: { slug: string } } } }
    expect(purchase.changes.tier.after.slug).toBe(`gold-${fixture.suffix}`)
    expect(events[3]!.data).toMatchObject({
      from: { slug: `gold-${fixture.suffix}` },
      to: { slug: `silver-${fixture.suffix}` },
    })
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length)
    expect(JSON.stringify(events)).not.toContain('learner-a@test.example')
    // Recording an event again writes nothing and keeps its id.
    const again = await recordWebhookEvent(payload, {
      type: events[1]!.type,
      member: member.a,
      subjectId: String(events[1]!.subjectId),
      occurredAt: new Date(),
      data: {},
    })
    expect(again).toMatchObject({ id: events[1]!.eventId, recorded: false })
    expect(await eventsOf(member.a)).toHaveLength(events.length)
  })

  it('delivers every event, signed, in order per member, duplicates sharing an id', async () => {
    const t0 = new Date()
    // 1. The receiver fails (500): one attempt per member's first event, nothing overtakes it.
    const failed = await deliverWebhooks(payload, { now: t0 })
    expect(failed.attempted).toBeGreaterThanOrEqual(2)
    const firstA = (await eventsOf(member.a))[0]!.eventId
    const seenA = receiver.received.filter(
      (request) => request.path === '/hook' && bodyOf(request).data.member?.id === member.a,
    )
    expect(seenA.map((request) => request.headers['webhook-id'])).toEqual([firstA])
    const [delivery] = (await deliveriesOf(hook.id, member.a)).filter(
      (entry) => entry.eventId === firstA,
    )
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 })
    expect(delivery!.lastError).toContain('HTTP 500')
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime())

    // Not yet due: nothing is sent.
    const early = await deliverWebhooks(payload, { now: new Date(t0.getTime() + 1000) })
    expect(early.attempted).toBe(0)

    // 2. It hangs past the timeout.
    receiver.answer('hang', '/hook')
    const t1 = new Date(t0.getTime() + 2 * minute)
    await deliverWebhooks(payload, { now: t1 })
    const [timedOut] = (await deliveriesOf(hook.id, member.a)).filter(
      (entry) => entry.eventId === firstA,
    )
    expect(timedOut).toMatchObject({ status: 'pending', attempts: 2, lastStatus: null })
    expect(timedOut!.lastError).toMatch(/no answer within 400 ms/)

    // 3. It recovers: everything arrives.
    receiver.answer('accept', '/hook')
    await drain(hook.id, new Date(t1.getTime() + 10 * minute))
    await drain(personal.id, new Date(t1.getTime() + 10 * minute))

    const wanted = [member.a, member.b]
    for (const memberId of wanted) {
      const outbox = (await eventsOf(memberId)).map((event) => event.eventId)
      const requests = receiver.received.filter(
        (request) => request.path === '/hook' && bodyOf(request).data.member?.id === memberId,
      )
      const accepted = requests.filter((request) => request.answered === 'accepted')
      // Every event delivered once it was accepted, in the outbox's order.
      expect(accepted.map((request) => request.headers['webhook-id'])).toEqual(outbox)
      // Duplicates (the failed and timed-out tries) carry the same id and body.
      for (const request of requests) {
        const same = accepted.find(
          (entry) => entry.headers['webhook-id'] === request.headers['webhook-id'],
        )
        expect(same).toBeDefined()
        expect(bodyOf(request).id).toBe(request.headers['webhook-id'])
        expect(bodyOf(request).type).toBe(bodyOf(same!).type)
      }
      // Every signature verifies with the reference library and the endpoint's secret.
      for (const request of requests) {
        expect(() => new Webhook(hook.secret).verify(request.body, request.headers)).not.toThrow()
      }
      const deliveries = await deliveriesOf(hook.id, memberId)
      expect(
        deliveries.map((entry) => entry.status).every((status) => status === 'delivered'),
      ).toBe(true)
    }
    const retried = receiver.received.filter(
      (request) => request.path === '/hook' && request.headers['webhook-id'] === firstA,
    )
    expect(retried.map((request) => request.answered)).toEqual(['failed', 'hung', 'accepted'])
  })

  it('adds contact details only for the endpoint that asked for them', async () => {
    const plain = receiver.received.filter((request) => request.path === '/hook')
    expect(plain.length).toBeGreaterThan(0)
    for (const request of plain)
      expect(request.body).not.toMatch(/learner-a@test\.example|13800000000/)
    const withContact = receiver.received.filter(
      (request) => request.path === '/personal' && bodyOf(request).data.member?.id === member.a,
    )
    expect(withContact).toHaveLength(1)
    expect(bodyOf(withContact[0]!).data.member).toMatchObject({
      contact: { email: 'learner-a@test.example', phone: '13800000000' },
    })
    expect(() =>
      new Webhook(personal.secret).verify(withContact[0]!.body, withContact[0]!.headers),
    ).not.toThrow()
  })
})

describe('exactly one sender per attempt', () => {
  it('two runners at once send each delivery once', async () => {
    const hook = await endpoint('/twice', { events: ['member.entitlements.changed'] })
    receiver.answer('accept', '/twice')
    const buyers = await Promise.all([1, 2, 3].map(() => members.buyer(`silver-${fixture.suffix}`)))
    const now = new Date()
    await Promise.all([
      deliverWebhooks(payload, { now }),
      deliverWebhooks(payload, { now }),
      deliverWebhooks(payload, { now }),
    ])
    const ids = receiver.received
      .filter((request) => request.path === '/twice')
      .map((request) => request.headers['webhook-id'])
    expect(ids).toHaveLength(buyers.length)
    expect(new Set(ids).size).toBe(buyers.length)
    const deliveries = await deliveriesOf(hook.id)
    expect(deliveries.map((entry) => [entry.status, entry.attempts])).toEqual(
      buyers.map(() => ['delivered', 1]),
    )
    // And a retried job finds nothing left to send there.
    await deliverWebhooks(payload, { now: new Date(now.getTime() + minute) })
    expect(receiver.received.filter((request) => request.path === '/twice')).toHaveLength(
      buyers.length,
    )
  })
})

describe('the outbox after a crash between the ledger and the outbox', () => {
  it('is finished by the sweep with the same event ids', async () => {
    const buyer = await members.buyer(`silver-${fixture.suffix}`)
    const before = await eventsOf(buyer.id)
    expect(before.length).toBeGreaterThan(0)
    // As if the process died after the member's ledger write: no outbox rows, marker behind.
    await rawCollection(payload, slugs.webhookEvents).deleteMany({ member: new ObjectId(buyer.id) })
    await rawCollection(payload, slugs.webhookDeliveries).deleteMany({
      member: new ObjectId(buyer.id),
    })
    await rawCollection(payload, slugs.members).updateOne(
      { _id: new ObjectId(buyer.id) },
      { $set: { webhooksThrough: 0 } },
    )
    await memberChanged(payload, buyer.id)
    expect(await eventsOf(buyer.id)).toHaveLength(0)
    expect(await sweepLedgerWebhooks(payload)).toBeGreaterThanOrEqual(before.length)
    const after = await eventsOf(buyer.id)
    expect(after.map((event) => event.eventId)).toEqual(before.map((event) => event.eventId))
    // Nothing left for the next sweep.
    expect(await sweepLedgerWebhooks(payload)).toBe(0)
  })
})

describe('campaign.redeemed', () => {
  it('is recorded once for a redemption, after its ledger events', async () => {
    const hook = await endpoint('/campaigns', { events: ['campaign.redeemed'] })
    receiver.answer('accept', '/campaigns')
    const campaign = await campaigns.published('webhook-upgrade', {
      ...upgradeCampaign(fixture, 'webhook-upgrade'),
      schedule: {
        timeZone: 'Asia/Shanghai',
        startsAt: fromNow(-times.hour),
        endsAt: fromNow(10 * times.day),
      },
    })
    const buyer = await members.buyer(`silver-${fixture.suffix}`)
    const orderId = members.orderId()
    // The offer price less the credit for the unused Silver month (docs/rules.md rule 18).
    const quote = await members.quote(buyer.id, `gold-${fixture.suffix}`, {
      period: 'annual',
      campaign,
    })
    const upgrade = {
      orderId,
      type: 'upgrade',
      member: buyer.id,
      tier: `gold-${fixture.suffix}`,
      billingPeriod: 'annual',
      amount: quote.amount,
      quote: quote.quoteId,
      campaign,
    }
    await members.order(upgrade)
    const repeat = await rest('POST', '/membership/orders', { as: billing, json: upgrade })
    expect(repeat.status).toBe(200)
    const events = await eventsOf(buyer.id)
    const redeemed = events.filter((event) => event.type === 'campaign.redeemed')
    expect(redeemed).toHaveLength(1)
    expect(redeemed[0]!.data).toMatchObject({
      orderId,
      campaign: { id: campaign, kind: 'upgrade' },
    })
    expect(events.at(-1)!.type).toBe('campaign.redeemed')
    await drain(hook.id, new Date())
    const received = receiver.received.filter((request) => request.path === '/campaigns')
    expect(received.map((request) => request.headers['webhook-id'])).toEqual([redeemed[0]!.eventId])
  })
})

describe('an endpoint failing for three days (docs/rules.md rule 22)', () => {
  it('is disabled, admins are told, and a replay after it is fixed sends the same event id', async () => {
    const hook = await endpoint('/broken', { events: ['member.entitlements.changed'] })
    receiver.answer('fail', '/broken')
    const buyer = await members.buyer(`silver-${fixture.suffix}`)
    const [delivery] = await deliveriesOf(hook.id, buyer.id)
    expect(delivery).toBeDefined()
    const t0 = new Date()
    await deliverWebhooks(payload, { now: t0 })
    await deliverWebhooks(payload, { now: new Date(t0.getTime() + retryWindowMs / 2) })
    let stored = await rawCollection(payload, slugs.webhookEndpoints).findOne({
      _id: new ObjectId(hook.id),
    })
    expect(stored?.active).toBe(true)
    const mails = outboxMessages().length
    const end = await deliverWebhooks(payload, { now: new Date(t0.getTime() + retryWindowMs) })
    expect(end.disabled).toBeGreaterThanOrEqual(1)
    stored = await rawCollection(payload, slugs.webhookEndpoints).findOne({
      _id: new ObjectId(hook.id),
    })
    expect(stored).toMatchObject({ active: false })
    expect(stored?.disabledReason).toContain('failed for 3 days')
    const [given] = await deliveriesOf(hook.id, buyer.id)
    expect(given).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 500 })
    const notice = outboxMessages().slice(mails)
    expect(notice.some((mail) => mail.headers.includes(`To: ${admin.email}`))).toBe(true)
    expect(notice.map((mail) => mail.body).join('\n')).toContain(receiver.url('/broken'))
    // Nothing is sent to a disabled endpoint, and it cannot be replayed until turned back on.
    const sentBefore = receiver.received.filter((request) => request.path === '/broken').length
    const later = await members.buyer(`silver-${fixture.suffix}`)
    await deliverWebhooks(payload, { now: new Date(t0.getTime() + retryWindowMs * 2) })
    expect(receiver.received.filter((request) => request.path === '/broken')).toHaveLength(
      sentBefore,
    )
    // Events while it is off are not queued for it.
    expect(await deliveriesOf(hook.id, later.id)).toEqual([])
    const path = `/${slugs.webhookDeliveries}/${String(given!._id)}/replay`
    const refused = await rest('POST', path, {
      as: admin,
      json: {},
      headers: { 'accept-language': 'en' },
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ reason: 'endpoint_inactive', field: 'endpoint' })

    // Fixed and turned back on: the replay sends it again with its id.
    receiver.answer('accept', '/broken')
    const enabled = await rest('PATCH', `/${slugs.webhookEndpoints}/${hook.id}`, {
      as: admin,
      json: { active: true },
    })
    expect(enabled.status).toBe(200)
    expect(enabled.body.doc).toMatchObject({ active: true, disabledAt: null, disabledReason: null })
    const replayed = await rest('POST', path, { as: admin, json: {} })
    expect(replayed.status).toBe(200)
    expect(replayed.body).toMatchObject({ delivery: { status: 'pending', replays: 1 } })
    await deliverWebhooks(payload, { now: new Date() })
    const [done] = await deliveriesOf(hook.id, buyer.id)
    expect(done).toMatchObject({ status: 'delivered', attempts: 4, replays: 1 })
    const sent = receiver.received.filter((request) => request.path === '/broken')
    expect(new Set(sent.map((request) => request.headers['webhook-id']))).toEqual(
      new Set([String(given!.eventId)]),
    )
    expect(sent.map((request) => request.answered)).toEqual([
      'failed',
      'failed',
      'failed',
      'accepted',
    ])
    expect(() =>
      new Webhook(hook.secret).verify(sent.at(-1)!.body, sent.at(-1)!.headers),
    ).not.toThrow()
  })
})

describe('expiry, the job and a sender that died', () => {
  it('announces an expiry recorded by the expiry job, with the tier lost', async () => {
    const hook = await endpoint('/expiry', {
      events: ['membership.expired', 'member.entitlements.changed'],
    })
    receiver.answer('accept', '/expiry')
    const lapsed = await members.buyer(`silver-${fixture.suffix}`, {
      occurredAt: new Date(Date.now() - 45 * times.day).toISOString(),
      autoRenew: false,
    })
    await payload.jobs.queue({ task: 'expireMemberships', input: {} })
    await payload.jobs.run({ queue: 'default' })
    const events = await eventsOf(lapsed.id)
    const expired = events.filter((event) => event.type === 'membership.expired')
    expect(expired).toHaveLength(1)
    expect(expired[0]!.data).toMatchObject({ tier: { slug: `silver-${fixture.suffix}` } })
    const change = events.at(-1)!
    expect(change.type).toBe('member.entitlements.changed')
    expect(change.data).toMatchObject({
      cause: { type: 'expiry' },
      changes: {
        tier: {
          before: { slug: `silver-${fixture.suffix}` },
          after: { slug: `free-${fixture.suffix}` },
        },
      },
    })
    // The delivery job on Payload's queue sends them.
    await payload.jobs.queue({ task: 'deliverWebhooks', input: {} })
    await payload.jobs.run({ queue: 'default' })
    const deliveries = await deliveriesOf(hook.id, lapsed.id)
    expect(deliveries.length).toBe(events.length)
    expect(deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true)
  })

  it('takes over a claim whose sender died once its lease has run out, with the same id', async () => {
    const hook = await endpoint('/takeover', { events: ['member.entitlements.changed'] })
    receiver.answer('accept', '/takeover')
    const buyer = await members.buyer(`silver-${fixture.suffix}`)
    const [delivery] = await deliveriesOf(hook.id, buyer.id)
    const now = new Date()
    // As if a runner claimed attempt 1 and died before sending: the claim and the delivery say so.
    const { webhookAttemptKey } = await import('../../../src/domain/webhooks/events')
    await rawCollection(payload, slugs.webhookAttempts).insertOne({
      _id: new ObjectId(webhookAttemptKey(delivery!._id.toHexString(), 1)),
      delivery: delivery!._id.toHexString(),
      attempt: 1,
      startedAt: now,
      leaseUntil: new Date(now.getTime() + minute),
    })
    await rawCollection(payload, slugs.webhookDeliveries).updateOne(
      { _id: delivery!._id },
      { $set: { status: 'sending', attempts: 1, leaseUntil: new Date(now.getTime() + minute) } },
    )
    await deliverWebhooks(payload, { now })
    expect(receiver.received.filter((request) => request.path === '/takeover')).toHaveLength(0)
    await deliverWebhooks(payload, { now: new Date(now.getTime() + 2 * minute) })
    const sent = receiver.received.filter((request) => request.path === '/takeover')
    expect(sent.map((request) => request.headers['webhook-id'])).toEqual([delivery!.eventId])
    const [done] = await deliveriesOf(hook.id, buyer.id)
    expect(done).toMatchObject({ status: 'delivered', attempts: 2 })
  })

  it('lets support read a member’s deliveries, never a frontend key or the endpoints', async () => {
    const support = await staff.staff(['support'])
    const frontend = await staff.serviceAccount(['frontend'])
    const mine = await rest('GET', `/${slugs.webhookDeliveries}?limit=1`, { as: support })
    expect(mine.status).toBe(200)
    expect((mine.body.docs as unknown[]).length).toBe(1)
    const theirs = await rest('GET', `/${slugs.webhookDeliveries}?limit=1`, { as: frontend })
    expect(theirs.status).toBe(403)
    const endpoints = await rest('GET', `/${slugs.webhookEndpoints}`, { as: support })
    expect(endpoints.status).toBe(403)
    const replay = await rest('POST', `/${slugs.webhookDeliveries}/${'a'.repeat(24)}/replay`, {
      as: support,
      json: {},
    })
    expect(replay.status).toBe(403)
  })
})
