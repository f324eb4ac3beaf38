// One operation, three transports, one answer: every row of the operation table
// (src/api/operations.ts) is driven through each transport it declares (Payload REST, GraphQL, the
// lean node:http path) for its success, every refusal reason it can give, 401, 403 and malformed
// input, and the answers must be the same: status, body, and for GraphQL the error extensions.
// A new operation joins with its cases below; the coverage test fails until every reason has one.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import * as GraphQL from 'graphql'
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { apiOperations, type ApiOperation, type OperationName } from '../../src/api/operations'
import { apiTypes } from '../../src/graphql/types'
import { findMember, rawCollection } from '../../src/operations/entitlements/store'
import type { InputReason } from '../../src/domain/input/refusal'
import type { RefusalReason } from '../../src/operations/result'
import { createDispatcher } from '../../src/server/hotDispatch'
import { apiRoutes } from '../../src/server/apiRoutes'
import { authHeaders, graphql, rest, testPayload, type Credentials } from '../helpers/api'
import { campaignFactory, fromNow, times } from '../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../helpers/catalogue'
import { membersFactory } from '../helpers/members'
import { staffFactory } from '../helpers/staff'
import { removeWebhooks, replayWorld } from '../helpers/webhooks'

type Transport = 'rest' | 'graphql' | 'lean'
type Who =
  'frontend' | 'billing' | 'admin' | 'operations' | 'marketing' | 'viewer' | 'anonymous' | 'badKey'

/** What to send: neutral fields (path, query or body on HTTP; arguments on GraphQL) or raw HTTP. */
type Sent = {
  fields?: Record<string, unknown>
  /** A query string or body text only HTTP can carry. */
  query?: string
  body?: string
  headers?: Record<string, string>
  /** Values that differ from transport to transport (a fresh member's ids), named for comparing. */
  aliases?: Record<string, string>
}

type Case = {
  operation: OperationName
  name: string
  as: Who
  send: () => Sent | Promise<Sent>
  status: number
  /** The refusal expected; none for an answer. */
  reason?: RefusalReason | InputReason
  field?: string
  /**
   * Refused by the input guard in front of every route (src/domain/input), before the operation
   * and its schema: the guard's body, `{ reason, field, errors: [{ message }] }`, on REST and lean.
   */
  guarded?: true
  /** `send` again for every transport: the case changes what it reads. */
  fresh?: boolean
  /** Transports that can carry this input, and why the others cannot. */
  only?: { transports: Transport[]; because: string }
}

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let campaigns: ReturnType<typeof campaignFactory>
let lean: Server
let leanUrl = ''
const keys = {} as Record<'frontend' | 'billing', { apiKey: string }>
let operationsToken: { token: string }
let adminToken: { token: string }
/** Webhook deliveries for the replay cases. */
let deliveries: Awaited<ReturnType<typeof replayWorld>>
let marketingToken: { token: string }
/** A staff session no API operation admits (not the database's first user, who is an admin). */
let viewerToken: { token: string }
const world = {
  silver: { id: '', externalId: '' },
  gold: { id: '', externalId: '' },
  entry: { id: '', externalId: '' },
  cancelled: { id: '', externalId: '' },
  expired: { id: '', externalId: '' },
  courses: { basic: '', advanced: '', masterclass: '', draft: '' },
  /** Campaigns by what they refuse with (silver → gold at 20 % off unless said otherwise). */
  campaigns: { live: '', later: '', exhausted: '', renewal: '', trial: '' },
  /** Has redeemed the renewal campaign; has used a trial. */
  redeemed: { id: '', externalId: '' },
  trialled: { id: '', externalId: '' },
  /** Referred by `referrer` (both new members); codes by member. */
  referred: { id: '', externalId: '' },
  referrer: { id: '', externalId: '' },
  codes: { silver: '', gold: '', entry: '', referred: '', referrer: '' },
  /** An in-app message in world.silver's inbox. */
  message: '',
}
const campaignIds: string[] = []
const messageIds: ObjectId[] = []
const claims: string[] = []
/** Members the orders below introduce, removed with the rest. */
const introduced: string[] = []

const credentials = (who: Who): Credentials =>
  who === 'anonymous'
    ? null
    : who === 'badKey'
      ? { apiKey: 'not-a-key-anybody-holds' }
      : who === 'admin'
        ? adminToken
        : who === 'operations'
          ? operationsToken
          : who === 'marketing'
            ? marketingToken
            : who === 'viewer'
              ? viewerToken
              : keys[who]

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  keys.billing = await staff.serviceAccount(['billing'])
  keys.frontend = await staff.serviceAccount(['frontend'])
  operationsToken = { token: (await staff.staff(['operations'])).token }
  adminToken = { token: (await staff.staff(['admin'])).token }
  deliveries = await replayWorld(payload)
  marketingToken = { token: (await staff.staff(['marketing'])).token }
  viewerToken = { token: (await staff.staff(['viewer'])).token }
  members = membersFactory(payload, keys.billing)
  for (const [key, accessTier, status] of [
    ['basic', fixture.accessTiers.basic, 'published'],
    ['advanced', fixture.accessTiers.advanced, 'published'],
    ['masterclass', fixture.accessTiers.masterclass, 'published'],
    ['draft', fixture.accessTiers.basic, 'draft'],
  ] as const) {
    const doc = await payload.create({
      collection: slugs.courses,
      data: { title: `课程 ${key}`, slug: `${key}-${fixture.suffix}`, accessTier, status } as never,
    })
    world.courses[key] = String(doc.id)
  }
  world.silver = await members.buyer(`silver-${fixture.suffix}`)
  world.gold = await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual' })
  world.cancelled = await members.buyer(`silver-${fixture.suffix}`)
  await members.order({ type: 'cancellation', member: world.cancelled.externalId, immediate: true })
  world.expired = await members.buyer(`silver-${fixture.suffix}`, {
    occurredAt: new Date(Date.now() - 120 * 86_400_000).toISOString(),
  })
  const entry = await payload.create({
    collection: slugs.members,
    data: { externalId: members.externalId() },
  })
  members.track(String(entry.id))
  world.entry = { id: String(entry.id), externalId: String(entry.externalId) }
  await campaignWorld()
  await referralWorld()
  world.message = await inboxMessage(world.silver.id)
  // A live Silver → Gold upgrade: memberOffers answers it, refused checks carry it as `offer`.
  campaignIds.push(
    await campaigns.published('parity-upgrade', {
      schedule: { startsAt: fromNow(-times.hour), endsAt: fromNow(10 * times.day) },
    }),
  )

  // The lean path in process: the app server's dispatch with the generated hot routes; what they
  // hand on (no API key) would go to Next.
  lean = createServer(
    createDispatcher({
      routes: apiRoutes(payload),
      log: () => {},
      fallback: async (_request, response) => {
        response.writeHead(418, { 'content-type': 'application/json' }).end('{"toNext":true}')
      },
    }),
  )
  await new Promise<void>((resolve) => lean.listen(0, '127.0.0.1', resolve))
  leanUrl = `http://127.0.0.1:${(lean.address() as AddressInfo).port}`
})

afterAll(async () => {
  if (deliveries) await removeWebhooks(payload, deliveries.endpoints)
  lean?.closeAllConnections()
  await new Promise((resolve) => lean?.close(resolve))
  for (const externalId of introduced) {
    const member = findMember(payload, externalId)
    if (member) members.track(member.id)
  }
  if (claims.length) {
    await rawCollection(payload, slugs.usageRequests).deleteMany({ _id: { $in: claims } } as never)
  }
  const campaign = { $in: [...campaignIds, ...campaignIds.map((id) => new ObjectId(id))] }
  await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
  await rawCollection(payload, slugs.campaignClaims).deleteMany({ campaign } as never)
  if (messageIds.length) {
    await rawCollection(payload, slugs.memberMessages).deleteMany({ _id: { $in: messageIds } })
  }
  await members?.cleanup()
  await campaigns?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

/** The campaigns the order refusals need, and the members who already used them. */
async function campaignWorld() {
  campaigns = campaignFactory(payload, fixture)
  const live = { startsAt: fromNow(-times.hour), endsAt: fromNow(10 * times.day) }
  const published = async (slug: string, changes: Record<string, unknown> = {}) => {
    const id = await campaigns.published(slug, { schedule: live, ...changes })
    campaignIds.push(id)
    return id
  }
  world.campaigns.live = await published('parity-live')
  world.campaigns.later = await published('parity-later', {
    schedule: { startsAt: fromNow(times.day), endsAt: fromNow(10 * times.day) },
  })
  world.campaigns.exhausted = await published('parity-gone', {
    terms: { budget: { totalRedemptions: 1, perMember: 1, maxDiscount: null } },
  })
  world.campaigns.renewal = await published('parity-renewal', {
    kind: 'renewal',
    terms: { target: { tier: null }, offer: { discount: { kind: 'amount_off', amount: 5 } } },
  })
  world.campaigns.trial = await published('parity-trial', {
    kind: 'trial',
    terms: { offer: { discount: { kind: 'fixed_price', price: 0 }, trialDays: 7 } },
  })
  const taker = await members.buyer(`silver-${fixture.suffix}`)
  // Quoted with that campaign (the helper asks the quote and pays what it says).
  await members.order({
    type: 'upgrade',
    member: taker.id,
    tier: `gold-${fixture.suffix}`,
    billingPeriod: 'annual',
    campaign: world.campaigns.exhausted,
  })
  world.redeemed = await members.buyer(`silver-${fixture.suffix}`)
  await members.order({
    type: 'renewal',
    member: world.redeemed.id,
    amount: 3400,
    campaign: world.campaigns.renewal,
  })
  world.trialled = await members.buyer(`silver-${fixture.suffix}`)
  await rawCollection(payload, slugs.campaignRedemptions).insertOne({
    _id: members.orderId(),
    campaign: new ObjectId(world.campaigns.trial),
    member: new ObjectId(world.trialled.id),
    kind: 'trial',
    redeemedAt: new Date(Date.now() - times.day),
  } as never)
}

/** One in-app reminder in the member's inbox, as the message job writes it. */
async function inboxMessage(memberId: string): Promise<string> {
  const at = new Date('2026-11-20T02:00:00.000Z')
  const _id = new ObjectId()
  await rawCollection(payload, slugs.memberMessages).insertOne({
    _id,
    key: `renewal_reminder:${memberId}:parity:7`,
    member: new ObjectId(memberId),
    kind: 'renewal_reminder',
    state: 'sent',
    title: '你的会员将于 2026-12-01 到期',
    body: '你好：\n续费后权益不中断。',
    offer: null,
    link: null,
    inbox: true,
    readAt: null,
    deliveries: [],
    createdAt: at,
    updatedAt: at,
  } as never)
  messageIds.push(_id)
  return _id.toHexString()
}

/** Codes of the members the referral cases use, and a referral between two new members. */
async function referralWorld() {
  const fresh = async () => {
    const doc = await payload.create({
      collection: slugs.members,
      data: { externalId: members.externalId() },
    })
    members.track(String(doc.id))
    return { id: String(doc.id), externalId: String(doc.externalId) }
  }
  world.referrer = await fresh()
  world.referred = await fresh()
  const code = async (member: string) =>
    String((await rest('GET', `/members/${member}/referral`, { as: keys.frontend })).body.code)
  world.codes = {
    silver: await code(world.silver.id),
    gold: await code(world.gold.id),
    entry: await code(world.entry.id),
    referred: await code(world.referred.id),
    referrer: await code(world.referrer.id),
  }
  const attributed = await rest('POST', `/members/${world.referred.id}/referral`, {
    as: keys.frontend,
    json: { code: world.codes.referrer },
  })
  if (attributed.status !== 201) throw new Error(`referral world: ${attributed.status}`)
}

/** An upgrade from silver to gold at the live campaign's price, unless changed. */
const campaignUpgrade = (member: string, changes: Record<string, unknown> = {}) => ({
  type: 'upgrade',
  member,
  tier: `gold-${fixture.suffix}`,
  billingPeriod: 'annual',
  amount: 55_920,
  campaign: world.campaigns.live,
  ...changes,
})

/** A quote for an upgrade to gold (annual), as billing would ask it. */
async function quoteFor(member: string) {
  const answer = await rest(
    'GET',
    `/members/${member}/quote?tier=gold-${fixture.suffix}&period=annual`,
    { as: keys.billing },
  )
  if (answer.status !== 200) throw new Error(`quote: ${answer.status}`)
  return answer.body as { quoteId: string; amount: number }
}

/** Well-formed, but signed by nobody. */
const forgedQuote = `q1.${Buffer.from('["x","y","annual",1,0,null,null,1,0,9999999999999]').toString('base64url')}.${'A'.repeat(43)}`

const suffixed = (name: string) => () => `${name}-${fixture.suffix}`
const tutoring = suffixed('tutoring')
const order = (fields: Record<string, unknown>) => ({
  orderId: members.orderId(),
  amount: 0,
  ...fields,
})

const cases: Case[] = [
  // GET /api/members/{id}/entitlements
  ...(['externalId', 'id'] as const).map((by): Case => ({
    operation: 'memberEntitlements',
    name: `everything the member has, by ${by}`,
    as: 'frontend',
    send: () => ({ fields: { member: world.silver[by] } }),
    status: 200,
  })),
  {
    operation: 'memberEntitlements',
    name: '304 while nothing changed',
    as: 'frontend',
    send: async () => {
      const first = await rest('GET', `/members/${world.silver.id}/entitlements`, {
        as: keys.frontend,
        raw: true,
      })
      return {
        fields: { member: world.silver.id },
        headers: { 'if-none-match': first.headers!.get('etag')! },
      }
    },
    status: 304,
    only: { transports: ['rest', 'lean'], because: 'GraphQL has no conditional requests' },
  },
  {
    operation: 'memberEntitlements',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'memberEntitlements',
    name: 'a malformed member id',
    as: 'frontend',
    send: () => ({ fields: { member: 'a b' }, headers: { 'accept-language': 'en-GB,en;q=0.8' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'member',
  },

  // GET /api/members/{id}/offers
  ...(
    [
      ['the live offers of a member in the audience', () => ({ member: world.silver.id })],
      [
        'of one kind, for one tier, in English, by externalId',
        () => ({
          member: world.silver.externalId,
          kind: 'upgrade',
          tier: `gold-${fixture.suffix}`,
          locale: 'en',
        }),
      ],
      ['none outside the audience', () => ({ member: world.gold.id })],
    ] as const
  ).map(([name, fields]): Case => ({
    operation: 'memberOffers',
    name,
    as: 'frontend',
    send: () => ({ fields: fields() }),
    status: 200,
  })),
  {
    operation: 'memberOffers',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  ...([['a malformed kind', { member: 'abc', kind: 'bargain' }, 'kind']] as const).map(
    ([name, fields, field]): Case => ({
      operation: 'memberOffers',
      name,
      as: 'frontend',
      send: () => ({ fields, headers: { 'accept-language': 'en' } }),
      status: 400,
      reason: 'invalid_request',
      field,
    }),
  ),

  // GET /api/entitlements/check
  ...(
    [
      ['a course the tier opens', () => ({ course: world.courses.advanced })],
      ['a course above the tier (allowed: false)', () => ({ course: world.courses.masterclass })],
      ['an unpublished course', () => ({ course: world.courses.draft })],
      ['a benefit not included', () => ({ benefit: `community-${fixture.suffix}` })],
      ['two units of a quota, by slug', () => ({ benefit: tutoring(), amount: 2 })],
    ] as const
  ).map(([name, fields]): Case => ({
    operation: 'checkEntitlement',
    name,
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.externalId, ...fields() } }),
    status: 200,
  })),
  {
    operation: 'checkEntitlement',
    name: 'a lapsed membership (allowed: false, membership_cancelled)',
    as: 'frontend',
    send: () => ({ fields: { member: world.cancelled.id, course: world.courses.advanced } }),
    status: 200,
  },
  {
    operation: 'checkEntitlement',
    name: 'an unknown course',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, course: 'no-such-course' } }),
    status: 404,
    reason: 'course_unknown',
    field: 'course',
  },
  {
    operation: 'checkEntitlement',
    name: 'an unknown benefit',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, benefit: 'teleportation' } }),
    status: 404,
    reason: 'benefit_unknown',
    field: 'benefit',
  },
  {
    operation: 'checkEntitlement',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', course: 'x' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  ...(
    [
      ['a malformed member id', { member: 'a b', course: 'x' }, 'member'],
      ['a negative amount', { member: 'abc', benefit: 'video', amount: -1 }, 'amount'],
      ['neither course nor benefit', { member: 'abc' }, 'course'],
    ] as const
  ).map(([name, fields, field]): Case => ({
    operation: 'checkEntitlement',
    name,
    as: 'frontend',
    send: () => ({ fields }),
    status: 400,
    reason: 'invalid_request',
    field,
  })),
  ...(
    [
      ['an operator in the query string', 'member[$gt]=&course=x'],
      ['the same member twice', 'member=a&member=b&course=x'],
    ] as const
  ).map(([name, query]): Case => ({
    operation: 'checkEntitlement',
    name,
    as: 'frontend',
    send: () => ({ query }),
    status: 400,
    reason: 'invalid_request',
    field: 'member',
    only: { transports: ['rest', 'lean'], because: 'GraphQL arguments are typed: one String' },
  })),

  // POST /api/entitlements/check-batch
  {
    operation: 'checkBatch',
    name: 'courses and benefits, in the order asked',
    as: 'frontend',
    send: () => ({
      fields: {
        member: world.silver.externalId,
        courses: [
          world.courses.basic,
          world.courses.masterclass,
          world.courses.draft,
          'gone',
          `advanced-${fixture.suffix}`,
        ],
        benefits: [`video-${fixture.suffix}`, `community-${fixture.suffix}`, 'teleportation'],
      },
    }),
    status: 200,
  },
  {
    operation: 'checkBatch',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', courses: ['x'] } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  ...(
    [
      ['201 courses', () => ({ member: 'abc', courses: Array(201).fill('x') }), 'courses'],
      ['nothing to check', () => ({ member: 'abc', courses: [], benefits: [] }), 'courses'],
      ['a malformed item', () => ({ member: 'abc', benefits: ['ok', 'a b'] }), 'benefits.1'],
    ] as const
  ).map(([name, fields, field]): Case => ({
    operation: 'checkBatch',
    name,
    as: 'frontend',
    send: () => ({ fields: fields() }),
    status: 400,
    reason: 'invalid_request',
    field,
  })),
  ...(
    [
      ['an operator object as member', '{"member":{"$ne":null},"courses":["x"]}', 'member'],
      ['an operator object in the list', '{"member":"abc","courses":[{"$gt":""}]}', 'courses.0'],
    ] as const
  ).map(([name, body, field]): Case => ({
    operation: 'checkBatch',
    name,
    as: 'frontend',
    send: () => ({ body }),
    status: 400,
    reason: 'invalid_request',
    field,
    only: {
      transports: ['rest', 'lean'],
      because: 'GraphQL refuses values of the wrong type before the resolver',
    },
  })),

  // POST /api/entitlements/consume
  {
    operation: 'consumeBenefit',
    name: 'one unit of a quota',
    as: 'frontend',
    fresh: true,
    send: async () => {
      const member = await members.buyer(`silver-${fixture.suffix}`)
      return {
        fields: {
          member: member.externalId,
          benefit: tutoring(),
          amount: 1,
          idempotencyKey: `parity-${member.id}`,
        },
        aliases: { [member.id]: '<member id>', [member.externalId]: '<member>' },
      }
    },
    status: 200,
  },
  ...(
    [
      [
        'an unknown member',
        () => ({ member: 'nobody-like-this' }),
        404,
        'member_unknown',
        'member',
      ],
      [
        'an unknown benefit',
        () => ({ benefit: 'teleportation' }),
        404,
        'benefit_unknown',
        'benefit',
      ],
      [
        'a benefit that is not a quota',
        () => ({ benefit: `video-${fixture.suffix}` }),
        400,
        'not_consumable',
        'benefit',
      ],
      [
        'a quota the tier lacks',
        () => ({ member: world.entry.id }),
        403,
        'not_included',
        'benefit',
      ],
      [
        'a cancelled membership',
        () => ({ member: world.cancelled.id }),
        403,
        'membership_cancelled',
        'benefit',
      ],
      [
        'an expired membership',
        () => ({ member: world.expired.externalId }),
        403,
        'membership_expired',
        'benefit',
      ],
      ['more than is left', () => ({ amount: 5 }), 409, 'quota_exhausted', 'benefit'],
    ] as const
  ).map(([name, fields, status, reason, field]): Case => ({
    operation: 'consumeBenefit',
    name,
    as: 'frontend',
    send: () => ({
      fields: {
        member: world.silver.externalId,
        benefit: tutoring(),
        idempotencyKey: `parity-refused-${fixture.suffix}`,
        ...fields(),
      },
    }),
    status,
    reason,
    field,
  })),
  {
    operation: 'consumeBenefit',
    name: 'the same idempotency key still in progress',
    as: 'frontend',
    send: async () => {
      const idempotencyKey = `parity-pending-${fixture.suffix}`
      const claim = `${world.silver.id}:${idempotencyKey}`
      claims.push(claim)
      const now = new Date()
      await rawCollection(payload, slugs.usageRequests).insertOne({
        _id: claim,
        state: 'pending',
        at: now,
        createdAt: now,
        updatedAt: now,
      } as never)
      return { fields: { member: world.silver.id, benefit: tutoring(), idempotencyKey } }
    },
    status: 409,
    reason: 'request_in_progress',
    field: 'idempotencyKey',
  },
  ...(
    [
      ['a zero amount', { amount: 0 }, 'amount'],
      ['a malformed idempotency key', { idempotencyKey: 'a b' }, 'idempotencyKey'],
    ] as const
  ).map(([name, change, field]): Case => ({
    operation: 'consumeBenefit',
    name,
    as: 'frontend',
    send: () => ({
      fields: { member: 'someone', benefit: 'tutoring', idempotencyKey: 'k-1', ...change },
    }),
    status: 400,
    reason: 'invalid_request',
    field,
  })),
  {
    operation: 'consumeBenefit',
    name: 'a fractional amount',
    as: 'frontend',
    send: () => ({ body: '{"member":"someone","benefit":"b","idempotencyKey":"k","amount":1.5}' }),
    status: 400,
    reason: 'invalid_request',
    field: 'amount',
    only: { transports: ['rest', 'lean'], because: 'GraphQL refuses 1.5 for an Int itself' },
  },

  // POST /api/membership/orders (billing; REST only)
  {
    operation: 'recordOrder',
    name: 'a first purchase',
    as: 'billing',
    fresh: true,
    send: () => {
      const member = members.externalId()
      introduced.push(member)
      const fields = order({
        type: 'purchase',
        member,
        tier: `silver-${fixture.suffix}`,
        billingPeriod: 'monthly',
        amount: 3900,
        occurredAt: '2026-11-20T10:00:00+08:00',
      })
      return { fields, aliases: { [String(fields.orderId)]: '<order>', [member]: '<member>' } }
    },
    status: 201,
  },
  {
    operation: 'recordOrder',
    name: 'the same order again',
    as: 'billing',
    fresh: true,
    send: async () => {
      const fields = order({ type: 'renewal', member: world.silver.externalId, amount: 3900 })
      await members.order(fields)
      return { fields }
    },
    status: 200,
  },
  {
    operation: 'recordOrder',
    name: 'an order id used for another type',
    as: 'billing',
    fresh: true,
    send: async () => {
      const fields = order({ type: 'renewal', member: world.silver.externalId })
      await members.order(fields)
      return { fields: { ...fields, type: 'cancellation' } }
    },
    status: 409,
    reason: 'order_conflict',
    field: 'orderId',
  },
  ...(
    [
      [
        'an unknown member',
        () => ({ type: 'renewal', member: 'nobody-here' }),
        404,
        'member_unknown',
        'member',
      ],
      [
        'an unknown tier',
        () => ({ type: 'upgrade', member: world.silver.id, tier: 'no-such-tier' }),
        404,
        'tier_unknown',
        'tier',
      ],
      [
        'the entry tier',
        () => ({ type: 'purchase', member: world.entry.id, tier: `free-${fixture.suffix}` }),
        422,
        'tier_not_purchasable',
        'tier',
      ],
      [
        'a billing period the tier does not sell',
        () => ({
          type: 'purchase',
          member: world.entry.id,
          tier: `gold-${fixture.suffix}`,
          billingPeriod: 'monthly',
        }),
        422,
        'billing_period_not_offered',
        'billingPeriod',
      ],
      [
        'an upgrade to a lower tier',
        () => ({
          type: 'upgrade',
          member: world.gold.id,
          tier: `silver-${fixture.suffix}`,
          billingPeriod: 'monthly',
        }),
        422,
        'not_an_upgrade',
        'tier',
      ],
      [
        'a downgrade to a higher tier',
        () => ({
          type: 'downgrade',
          member: world.silver.id,
          tier: `gold-${fixture.suffix}`,
          billingPeriod: 'annual',
        }),
        422,
        'not_a_downgrade',
        'tier',
      ],
      [
        'a purchase during a paid period',
        () => ({
          type: 'purchase',
          member: world.silver.id,
          tier: `silver-${fixture.suffix}`,
          billingPeriod: 'monthly',
        }),
        422,
        'already_member',
        'type',
      ],
      [
        'a renewal with nothing to renew',
        () => ({ type: 'renewal', member: world.entry.id }),
        422,
        'nothing_to_renew',
        'type',
      ],
      [
        'a renewal of another tier',
        () => ({ type: 'renewal', member: world.silver.id, tier: `gold-${fixture.suffix}` }),
        422,
        'renewal_tier_mismatch',
        'tier',
      ],
      [
        'a cancellation with nothing to cancel',
        () => ({ type: 'cancellation', member: world.entry.id }),
        422,
        'nothing_to_cancel',
        'type',
      ],
      [
        'an unknown campaign',
        () => ({ type: 'renewal', member: world.silver.id, campaign: 'no-such-campaign' }),
        404,
        'campaign_unknown',
        'campaign',
      ],
      [
        'a campaign not started yet',
        () => ({ type: 'renewal', member: world.silver.id, campaign: world.campaigns.later }),
        422,
        'campaign_not_live',
        'campaign',
      ],
      [
        'a campaign for another audience',
        () => campaignUpgrade(world.entry.id, { type: 'purchase' }),
        422,
        'not_eligible',
        'member',
      ],
      [
        'a campaign order at the selling price',
        () => ({
          type: 'renewal',
          member: world.silver.id,
          amount: 3900,
          campaign: world.campaigns.renewal,
        }),
        422,
        'amount_mismatch',
        'amount',
      ],
      [
        'a campaign whose budget is used up',
        () => ({ type: 'renewal', member: world.silver.id, campaign: world.campaigns.exhausted }),
        422,
        'campaign_exhausted',
        'campaign',
      ],
      [
        'a campaign the member already redeemed',
        () => ({
          type: 'renewal',
          member: world.redeemed.id,
          amount: 3400,
          campaign: world.campaigns.renewal,
        }),
        422,
        'already_redeemed',
        'member',
      ],
      [
        'a second trial',
        () => ({
          type: 'trial',
          member: world.trialled.id,
          tier: `gold-${fixture.suffix}`,
          campaign: world.campaigns.trial,
        }),
        422,
        'trial_used',
        'member',
      ],
      [
        'an upgrade without a quote',
        () => campaignUpgrade(world.silver.id),
        422,
        'quote_required',
        'quote',
      ],
      [
        'an upgrade with a quote this system did not issue',
        () => campaignUpgrade(world.silver.id, { quote: forgedQuote }),
        422,
        'quote_unknown',
        'quote',
      ],
      [
        'a trial order without its campaign',
        () => ({ type: 'trial', member: world.silver.id, tier: `gold-${fixture.suffix}` }),
        422,
        'trial_needs_campaign',
        'campaign',
      ],
      [
        'an unknown order type',
        () => ({ type: 'refund', member: 'u-1' }),
        400,
        'invalid_request',
        'type',
      ],
      [
        'a negative amount',
        () => ({ type: 'renewal', member: 'u-1', amount: -5 }),
        400,
        'invalid_request',
        'amount',
      ],
      [
        'an operator object as member',
        () => ({ type: 'renewal', member: { $ne: null } }),
        400,
        'invalid_request',
        'member',
      ],
    ] as const
  ).map(([name, fields, status, reason, field]): Case => ({
    operation: 'recordOrder',
    name,
    as: 'billing',
    send: () => ({ fields: order(fields()) }),
    status,
    reason,
    field,
  })),

  {
    operation: 'recordOrder',
    name: 'an upgrade at its quote',
    as: 'billing',
    fresh: true,
    send: async () => {
      const member = await members.buyer(`silver-${fixture.suffix}`)
      const quote = await quoteFor(member.id)
      const fields = order({
        type: 'upgrade',
        member: member.externalId,
        tier: `gold-${fixture.suffix}`,
        quote: quote.quoteId,
        amount: quote.amount,
      })
      return {
        fields,
        aliases: {
          [String(fields.orderId)]: '<order>',
          [member.id]: '<member id>',
          [String(quote.amount)]: '<amount>',
        },
      }
    },
    status: 201,
  },
  {
    operation: 'recordOrder',
    name: 'an upgrade at another amount than its quote',
    as: 'billing',
    send: async () => {
      const quote = await quoteFor(world.silver.id)
      return {
        fields: order({
          type: 'upgrade',
          member: world.silver.id,
          tier: `gold-${fixture.suffix}`,
          quote: quote.quoteId,
          amount: quote.amount + 1,
        }),
      }
    },
    status: 422,
    reason: 'amount_mismatch',
    field: 'amount',
  },
  {
    operation: 'recordOrder',
    name: 'an upgrade whose quote is stale (the member renewed since)',
    as: 'billing',
    fresh: true,
    send: async () => {
      const member = await members.buyer(`silver-${fixture.suffix}`)
      const quote = await quoteFor(member.id)
      await members.order({ type: 'renewal', member: member.id, amount: 3900 })
      return {
        fields: order({
          type: 'upgrade',
          member: member.id,
          tier: `gold-${fixture.suffix}`,
          quote: quote.quoteId,
          amount: quote.amount,
        }),
      }
    },
    status: 422,
    reason: 'quote_expired',
    field: 'quote',
  },
  {
    operation: 'recordOrder',
    name: 'a malformed quote id',
    as: 'billing',
    send: () => ({ fields: order({ ...campaignUpgrade(world.silver.id), quote: 'q1.nope' }) }),
    status: 400,
    reason: 'invalid_request',
    field: 'quote',
  },

  // GET /api/members/{id}/quote
  ...(
    [
      [
        'an upgrade priced with the best live offer and the credit',
        () => ({ member: world.silver.id, tier: `gold-${fixture.suffix}` }),
      ],
      [
        'by externalId, for one campaign, in English',
        () => ({
          member: world.silver.externalId,
          tier: fixture.tiers.gold,
          period: 'annual',
          campaign: world.campaigns.live,
          locale: 'en',
        }),
      ],
      [
        'from the entry tier (no credit)',
        () => ({ member: world.entry.id, tier: `silver-${fixture.suffix}` }),
      ],
    ] as const
  ).map(([name, fields]): Case => ({
    operation: 'memberQuote',
    name,
    as: 'frontend',
    send: () => ({ fields: fields() }),
    status: 200,
  })),
  ...(
    [
      [
        'an unknown member',
        () => ({ member: 'nobody-like-this' }),
        404,
        'member_unknown',
        'member',
      ],
      ['an unknown tier', () => ({ tier: 'no-such-tier' }), 404, 'tier_unknown', 'tier'],
      [
        'the entry tier',
        () => ({ member: world.entry.id, tier: `free-${fixture.suffix}` }),
        422,
        'tier_not_purchasable',
        'tier',
      ],
      [
        'a period the tier does not sell',
        () => ({ period: 'monthly' }),
        422,
        'billing_period_not_offered',
        'period',
      ],
      [
        'a lower tier (a downgrade waits for the period end)',
        () => ({ member: world.gold.id, tier: `silver-${fixture.suffix}` }),
        422,
        'not_an_upgrade',
        'tier',
      ],
      [
        'a campaign that does not exist',
        () => ({ campaign: 'no-such-campaign' }),
        404,
        'campaign_unknown',
        'campaign',
      ],
      [
        'a campaign that is not an upgrade offer for the member',
        () => ({ campaign: world.campaigns.renewal }),
        422,
        'not_eligible',
        'campaign',
      ],
      ['a malformed period', () => ({ period: 'weekly' }), 400, 'invalid_request', 'period'],
    ] as const
  ).map(([name, fields, status, reason, field]): Case => ({
    operation: 'memberQuote',
    name,
    as: 'frontend',
    send: () => ({
      fields: { member: world.silver.id, tier: `gold-${fixture.suffix}`, ...fields() },
    }),
    status,
    reason,
    field,
  })),

  // POST /api/members/{id}/cancel-intent
  ...(
    [
      ['a member who will not renew, with the reason', false],
      ['confirmed at once: auto-renew is off at the period end', true],
    ] as const
  ).map(([name, confirm]): Case => ({
    operation: 'cancelIntent',
    name,
    as: 'frontend',
    fresh: true,
    send: async () => {
      const member = await members.buyer(`silver-${fixture.suffix}`)
      const end = member.membership.periodEnd!
      return {
        fields: { member: member.id, reason: 'too_expensive', text: '太贵了', confirm },
        aliases: {
          [member.id]: '<member id>',
          [member.externalId]: '<member>',
          [String(end.getTime())]: '<end ms>',
          [end.toISOString()]: '<end>',
        },
      }
    },
    status: 201,
  })),
  {
    operation: 'cancelIntent',
    name: 'asked again in the same period: the intent already there',
    as: 'frontend',
    send: async () => {
      const fields = { member: world.silver.id, reason: 'not_using' }
      await rest('POST', `/members/${world.silver.id}/cancel-intent`, {
        as: keys.frontend,
        json: fields,
      })
      return { fields: { ...fields, locale: 'en' } }
    },
    status: 200,
  },
  {
    operation: 'cancelIntent',
    name: 'a member with no paid membership',
    as: 'frontend',
    send: () => ({ fields: { member: world.entry.id, reason: 'other' } }),
    status: 422,
    reason: 'nothing_to_cancel',
    field: 'member',
  },
  {
    operation: 'cancelIntent',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', reason: 'other' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  ...(
    [
      ['a reason not on the list', { reason: 'bored' }, 'reason'],
      ['a text over 500 characters', { reason: 'other', text: 'x'.repeat(501) }, 'text'],
    ] as const
  ).map(([name, change, field]): Case => ({
    operation: 'cancelIntent',
    name,
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, ...change } }),
    status: 400,
    reason: 'invalid_request',
    field,
  })),

  // POST /api/tiers/{id}/publish-impact (the admin panel; REST only)
  {
    operation: 'publishImpact',
    name: 'the impact of cutting a benefit',
    as: 'operations',
    send: () => ({
      fields: {
        id: fixture.tiers.silver,
        fields: {
          benefits: fixture.rows.silver.map((row) =>
            row.benefit === fixture.benefits.tutoring ? { ...row, amount: 2 } : row,
          ),
        },
      },
    }),
    status: 200,
  },
  {
    operation: 'publishImpact',
    name: 'a tier that does not exist',
    as: 'operations',
    send: () => ({ fields: { id: 'f'.repeat(24) } }),
    status: 404,
    reason: 'tier_unknown',
    field: 'id',
  },
  {
    operation: 'publishImpact',
    name: 'a malformed tier id',
    as: 'operations',
    send: () => ({ fields: { id: 'gold' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'id',
  },
  {
    operation: 'publishImpact',
    name: 'edited fields that are not an object',
    as: 'operations',
    send: () => ({ fields: { id: fixture.tiers.silver, fields: [1, 2] } }),
    status: 400,
    reason: 'invalid_body',
    field: 'body',
    guarded: true,
  },

  // POST /api/webhook-deliveries/{id}/replay (the delivery's edit view; REST only)
  {
    operation: 'replayWebhookDelivery',
    name: 'a delivered event sent again',
    as: 'admin',
    send: () => ({ fields: { id: deliveries.delivered } }),
    status: 200,
  },
  {
    operation: 'replayWebhookDelivery',
    name: 'a delivery that does not exist',
    as: 'admin',
    send: () => ({ fields: { id: 'f'.repeat(24) }, headers: { 'accept-language': 'en' } }),
    status: 404,
    reason: 'delivery_unknown',
    field: 'id',
  },
  {
    operation: 'replayWebhookDelivery',
    name: 'a delivery being sent right now',
    as: 'admin',
    send: () => ({ fields: { id: deliveries.sending } }),
    status: 409,
    reason: 'delivery_in_progress',
    field: 'id',
  },
  {
    operation: 'replayWebhookDelivery',
    name: 'a delivery whose endpoint is off',
    as: 'admin',
    send: () => ({ fields: { id: deliveries.offline } }),
    status: 409,
    reason: 'endpoint_inactive',
    field: 'endpoint',
  },
  {
    operation: 'replayWebhookDelivery',
    name: 'a malformed delivery id',
    as: 'admin',
    send: () => ({ fields: { id: 'evt_1' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'id',
  },

  // POST /api/campaigns/preview-audience (the campaign editor's form as edited)
  {
    operation: 'audiencePreview',
    name: 'the audience of a saved campaign as edited',
    as: 'marketing',
    send: () => ({
      fields: {
        id: world.campaigns.live,
        terms: { offer: { discount: { kind: 'percent_off', percent: 30 } } },
      },
    }),
    status: 200,
  },
  {
    operation: 'audiencePreview',
    name: 'the audience of a campaign not yet saved, counted at its start',
    as: 'marketing',
    send: () => ({
      fields: {
        name: '新活动',
        kind: 'upgrade',
        schedule: { startsAt: fromNow(2 * times.day), endsAt: fromNow(5 * times.day) },
        terms: {
          audience: { tiers: [fixture.tiers.silver], statuses: ['active'] },
          target: { tier: fixture.tiers.gold, billingPeriods: ['annual'] },
          offer: { discount: { kind: 'amount_off', amount: 100 } },
          budget: { totalRedemptions: 1, perMember: 1, maxDiscount: null },
        },
      },
    }),
    status: 200,
  },
  {
    operation: 'audiencePreview',
    name: 'a campaign that does not exist',
    as: 'marketing',
    send: () => ({ fields: { id: 'f'.repeat(24) } }),
    status: 404,
    reason: 'campaign_unknown',
    field: 'id',
  },
  {
    operation: 'audiencePreview',
    name: 'a malformed campaign id',
    as: 'marketing',
    send: () => ({ fields: { id: 'double11' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'id',
  },
  {
    operation: 'audiencePreview',
    name: 'a negative redemption budget, named at its nested field',
    as: 'marketing',
    send: () => ({
      fields: { kind: 'upgrade', terms: { budget: { totalRedemptions: -3 } } },
      headers: { 'accept-language': 'en' },
    }),
    status: 400,
    reason: 'invalid_request',
    field: 'terms.budget.totalRedemptions',
  },
  {
    operation: 'audiencePreview',
    name: 'a campaign not yet saved without its kind',
    as: 'marketing',
    send: () => ({ fields: { terms: { budget: { totalRedemptions: 5 } } } }),
    status: 400,
    reason: 'invalid_request',
    field: 'kind',
  },

  // GET /api/campaigns/{id}/preview-audience (a saved campaign's latest draft)
  {
    operation: 'savedAudiencePreview',
    name: 'the audience of a saved campaign',
    as: 'marketing',
    send: () => ({ fields: { id: world.campaigns.live } }),
    status: 200,
  },
  {
    operation: 'savedAudiencePreview',
    name: 'a campaign that does not exist',
    as: 'marketing',
    send: () => ({ fields: { id: 'f'.repeat(24) } }),
    status: 404,
    reason: 'campaign_unknown',
    field: 'id',
  },
  {
    operation: 'savedAudiencePreview',
    name: 'a malformed campaign id',
    as: 'marketing',
    send: () => ({ fields: { id: 'double11' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'id',
  },

  // GET /api/campaigns/{id}/stats (REST and GraphQL)
  {
    operation: 'campaignStats',
    name: "a live campaign's figures",
    as: 'operations',
    send: () => ({ fields: { id: world.campaigns.renewal } }),
    status: 200,
  },
  {
    operation: 'campaignStats',
    name: 'the figures of a campaign that does not exist',
    as: 'operations',
    send: () => ({ fields: { id: 'e'.repeat(24) } }),
    status: 404,
    reason: 'campaign_unknown',
    field: 'id',
  },
  {
    operation: 'campaignStats',
    name: 'the figures of a malformed campaign id',
    as: 'operations',
    send: () => ({ fields: { id: 'not-an-id' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'id',
  },

  // GET /api/pricing-matrix (public)
  ...(['zh', 'en'] as const).map((locale): Case => ({
    operation: 'pricingMatrix',
    name: `the published ladder in ${locale}`,
    as: 'anonymous',
    send: () => ({ fields: { locale } }),
    status: 200,
  })),
  {
    operation: 'pricingMatrix',
    name: 'an unknown locale',
    as: 'anonymous',
    send: () => ({ fields: { locale: 'fr' } }),
    status: 400,
    reason: 'invalid_query',
    field: 'locale',
    guarded: true,
    only: { transports: ['rest'], because: 'GraphQL refuses it as a PricingLocale itself' },
  },

  // What the input guard refuses before any operation, on REST and on the lean path alike.
  ...(
    [
      ['checkBatch', 'a body that is not JSON', { body: '{not json' }, 400, 'invalid_json'],
      ['checkBatch', 'a body that is not an object', { body: '["abc"]' }, 400, 'invalid_body'],
      [
        'checkBatch',
        'a body nested too deeply',
        { body: `{"member":"abc","courses":${'['.repeat(40)}${']'.repeat(40)}}` },
        400,
        'invalid_body',
      ],
      [
        'consumeBenefit',
        'a body that is not sent as JSON',
        { body: '{"member":"a"}', headers: { 'content-type': 'text/plain' } },
        415,
        'unsupported_media_type',
      ],
      [
        'consumeBenefit',
        'a body over the size limit',
        { body: JSON.stringify({ member: 'a', padding: 'x'.repeat(1024 * 1024) }) },
        413,
        'body_too_large',
      ],
      [
        'checkEntitlement',
        'a depth that is not a number',
        { query: 'member=abc&course=x&depth=deep' },
        400,
        'invalid_query',
      ],
      [
        'memberEntitlements',
        'a depth beyond the limit',
        { fields: { member: 'abc' }, query: 'depth=99' },
        400,
        'invalid_query',
      ],
    ] as const
  ).map(([operation, name, sent, status, reason]): Case => ({
    operation,
    name,
    as: 'frontend',
    send: () => ({
      ...sent,
      headers: { 'accept-language': 'en', ...('headers' in sent ? sent.headers : {}) },
    }),
    status,
    reason,
    guarded: true,
    only: {
      transports: ['rest', 'lean'],
      because: 'GraphQL requests pass the GraphQL guard, which answers in GraphQL form',
    },
  })),

  // GET /api/members/{id}/referral
  ...(['externalId', 'id'] as const).map((by): Case => ({
    operation: 'memberReferral',
    name: `the member's code, referrer and rewards, by ${by}`,
    as: 'frontend',
    send: () => ({ fields: { member: world.silver[by] } }),
    status: 200,
  })),
  {
    operation: 'memberReferral',
    name: 'a referred member, asked by billing',
    as: 'billing',
    send: () => ({ fields: { member: world.referred.id } }),
    status: 200,
  },
  {
    operation: 'memberReferral',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'memberReferral',
    name: 'a malformed member id',
    as: 'frontend',
    send: () => ({ fields: { member: 'a b' }, headers: { 'accept-language': 'en' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'member',
  },

  // POST /api/members/{id}/referral
  {
    operation: 'attributeReferral',
    name: 'a new member attributed to a friend',
    as: 'frontend',
    fresh: true,
    send: async () => {
      const doc = await payload.create({
        collection: slugs.members,
        data: { externalId: members.externalId() },
      })
      members.track(String(doc.id))
      return {
        fields: { member: String(doc.id), code: world.codes.silver },
        aliases: { [String(doc.id)]: '<member>', [String(doc.externalId)]: '<external>' },
      }
    },
    status: 201,
  },
  {
    operation: 'attributeReferral',
    name: 'the same code again',
    as: 'billing',
    send: () => ({ fields: { member: world.referred.externalId, code: world.codes.referrer } }),
    status: 200,
  },
  ...(
    [
      ['an unknown code', () => world.entry.id, () => 'ZZZZ-ZZZZ-ZZZZ', 'referral_code_unknown'],
      ['the own code', () => world.entry.id, () => world.codes.entry, 'own_referral_code'],
      ['a second referrer', () => world.referred.id, () => world.codes.gold, 'already_referred'],
      [
        'a referrer this member referred',
        () => world.referrer.id,
        () => world.codes.referred,
        'referral_cycle',
      ],
      ['a member who has paid', () => world.gold.id, () => world.codes.silver, 'already_paid'],
    ] as const
  ).map(([name, member, code, reason]): Case => ({
    operation: 'attributeReferral',
    name,
    as: 'frontend',
    send: () => ({ fields: { member: member(), code: code() } }),
    status: 422,
    reason,
    field: 'code',
  })),
  {
    operation: 'attributeReferral',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', code: world.codes.silver } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'attributeReferral',
    name: 'a malformed code',
    as: 'frontend',
    send: () => ({
      fields: { member: world.entry.id, code: 'O0O0' },
      headers: { 'accept-language': 'en' },
    }),
    status: 400,
    reason: 'invalid_request',
    field: 'code',
  },

  // POST /api/members/contact (billing): the platform sets contact and consent by externalId.
  {
    operation: 'memberContact',
    name: 'a member of the platform given contact and consent',
    as: 'billing',
    fresh: true,
    send: async () => {
      // (Creating a new member answers 201: tests/int/messages/reminders.int.test.ts; its new id
      // cannot be named here before it exists.)
      const doc = await payload.create({
        collection: slugs.members,
        data: { externalId: members.externalId() },
      })
      members.track(String(doc.id))
      const externalId = String(doc.externalId)
      return {
        fields: {
          member: externalId,
          email: `${externalId}@test.example`,
          language: 'en',
          consentEmail: true,
        },
        aliases: { [String(doc.id)]: '<member>', [externalId]: '<external>' },
      }
    },
    status: 200,
  },
  {
    operation: 'memberContact',
    name: 'the same contact again changes nothing',
    as: 'billing',
    send: () => ({ fields: { member: world.gold.externalId, language: 'zh', phone: '' } }),
    status: 200,
  },
  {
    operation: 'memberContact',
    name: 'an unknown member by Payload id',
    as: 'billing',
    send: () => ({ fields: { member: new ObjectId().toHexString(), language: 'en' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'memberContact',
    name: 'a malformed email address',
    as: 'billing',
    send: () => ({
      fields: { member: world.gold.externalId, email: 'not an address' },
      headers: { 'accept-language': 'en' },
    }),
    status: 400,
    reason: 'invalid_request',
    field: 'email',
  },

  // GET /api/members/{id}/preferences
  ...(['externalId', 'id'] as const).map((by): Case => ({
    operation: 'memberPreferences',
    name: `the member's language and consent, by ${by}`,
    as: 'frontend',
    send: () => ({ fields: { member: world.gold[by] } }),
    status: 200,
  })),
  {
    operation: 'memberPreferences',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'memberPreferences',
    name: 'a malformed member id',
    as: 'frontend',
    send: () => ({ fields: { member: 'a b' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'member',
  },

  // POST /api/members/{id}/preferences
  {
    operation: 'updateMemberPreferences',
    name: 'the member consents to in-app offers (a repeat changes nothing)',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, consentInApp: true, language: 'zh' } }),
    status: 200,
  },
  {
    operation: 'updateMemberPreferences',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', language: 'en' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'updateMemberPreferences',
    name: 'nothing to change',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id }, headers: { 'accept-language': 'en' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'language',
  },

  // GET /api/members/{id}/messages and POST /api/members/{id}/messages/{message}/read
  {
    operation: 'memberMessages',
    name: "the member's inbox with the unread count",
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.externalId, limit: 5 } }),
    status: 200,
  },
  {
    operation: 'memberMessages',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this' } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'memberMessages',
    name: 'a page size beyond 50',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, limit: 500 } }),
    status: 400,
    reason: 'invalid_request',
    field: 'limit',
  },
  {
    operation: 'markMessageRead',
    name: 'a message marked read (again: the first time is kept)',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, message: world.message } }),
    status: 200,
  },
  {
    operation: 'markMessageRead',
    name: 'an unknown member',
    as: 'frontend',
    send: () => ({ fields: { member: 'nobody-like-this', message: world.message } }),
    status: 404,
    reason: 'member_unknown',
    field: 'member',
  },
  {
    operation: 'markMessageRead',
    name: "another member's message",
    as: 'frontend',
    send: () => ({ fields: { member: world.gold.id, message: world.message } }),
    status: 404,
    reason: 'message_unknown',
    field: 'message',
  },
  {
    operation: 'markMessageRead',
    name: 'a malformed message id',
    as: 'frontend',
    send: () => ({ fields: { member: world.silver.id, message: 'not-an-id' } }),
    status: 400,
    reason: 'invalid_request',
    field: 'message',
  },
]

// Access, for every operation that is not public: no key, a key nobody holds, the wrong role.
const wrongRole: Record<OperationName, Who> = {
  memberEntitlements: 'billing',
  checkEntitlement: 'billing',
  checkBatch: 'billing',
  memberOffers: 'billing',
  consumeBenefit: 'billing',
  recordOrder: 'frontend',
  publishImpact: 'frontend',
  replayWebhookDelivery: 'marketing',
  audiencePreview: 'billing',
  campaignStats: 'frontend',
  savedAudiencePreview: 'frontend',
  pricingMatrix: 'anonymous',
  memberReferral: 'viewer',
  attributeReferral: 'viewer',
  memberQuote: 'viewer',
  cancelIntent: 'billing',
  memberContact: 'frontend',
  memberPreferences: 'billing',
  updateMemberPreferences: 'billing',
  memberMessages: 'billing',
  markMessageRead: 'billing',
}
const validInput: Record<OperationName, () => Record<string, unknown>> = {
  memberEntitlements: () => ({ member: world.silver.id }),
  checkEntitlement: () => ({ member: world.silver.id, course: world.courses.basic }),
  checkBatch: () => ({ member: world.silver.id, courses: [world.courses.basic] }),
  memberOffers: () => ({ member: world.silver.id }),
  consumeBenefit: () => ({ member: world.silver.id, benefit: tutoring(), idempotencyKey: 'k-1' }),
  recordOrder: () => order({ type: 'renewal', member: world.silver.id }),
  publishImpact: () => ({ id: fixture.tiers.silver }),
  replayWebhookDelivery: () => ({ id: deliveries.delivered }),
  audiencePreview: () => ({ id: world.campaigns.live }),
  campaignStats: () => ({ id: world.campaigns.live }),
  savedAudiencePreview: () => ({ id: world.campaigns.live }),
  pricingMatrix: () => ({}),
  memberReferral: () => ({ member: world.silver.id }),
  attributeReferral: () => ({ member: world.entry.id, code: 'ZZZZZZZZZZZZ' }),
  memberQuote: () => ({ member: world.silver.id, tier: fixture.tiers.gold }),
  cancelIntent: () => ({ member: world.silver.id, reason: 'other' }),
  memberContact: () => ({ member: world.gold.externalId, language: 'zh' }),
  memberPreferences: () => ({ member: world.gold.id }),
  updateMemberPreferences: () => ({ member: world.gold.id, language: 'zh' }),
  memberMessages: () => ({ member: world.gold.id }),
  markMessageRead: () => ({ member: world.silver.id, message: world.message }),
}
for (const [name, operation] of Object.entries(apiOperations) as [OperationName, ApiOperation][]) {
  if (operation.policy === 'public') continue
  const language = { 'accept-language': name.length % 2 ? 'en-US,en;q=0.9' : 'zh-CN' }
  cases.push(
    {
      operation: name,
      name: 'no credentials',
      as: 'anonymous',
      send: () => ({ fields: validInput[name](), headers: language }),
      status: 401,
      reason: 'unauthorized',
    },
    {
      operation: name,
      name: 'an API key nobody holds',
      as: 'badKey',
      send: () => ({ fields: validInput[name](), headers: language }),
      status: 401,
      reason: 'unauthorized',
    },
    {
      operation: name,
      name: 'a role the policy table does not allow',
      as: wrongRole[name],
      send: () => ({ fields: validInput[name](), headers: language }),
      // Every API-key role may call these: the wrong role is a staff session, which the lean path
      // (API keys only) hands on to Next.
      ...(wrongRole[name] === 'viewer'
        ? {
            only: {
              transports: ['rest', 'graphql'] as Transport[],
              because: 'the lean path serves API keys only; a staff session is served by Next',
            },
          }
        : {}),
      status: 403,
      reason: 'forbidden',
    },
  )
}

const transportsOf = (operation: ApiOperation): Transport[] => [
  'rest',
  ...(operation.graphql ? (['graphql'] as const) : []),
  ...(operation.lean ? (['lean'] as const) : []),
]

type Answer = { status: number; body: unknown; headers?: Record<string, string | null> }

/** The REST (and lean) request for `sent`: path parameters, then the query string or the body. */
function httpRequest(operation: ApiOperation, sent: Sent) {
  const fields = { ...sent.fields }
  const path = operation.rest.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = String(fields[name])
    delete fields[name]
    return encodeURIComponent(value)
  })
  const { input, method } = operation.rest
  let query = sent.query ?? ''
  let body = sent.body
  if (sent.fields && input === 'query' && sent.query === undefined) {
    query = new URLSearchParams(fields as never).toString()
  }
  if (sent.fields && input === 'body') body = JSON.stringify(fields)
  if (sent.fields && typeof input === 'object' && fields[input.bodyAs] !== undefined) {
    body = JSON.stringify(fields[input.bodyAs])
  }
  return {
    method,
    path: query ? `${path}?${query}` : path,
    body,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...sent.headers,
    },
  }
}

const revalidation = (headers: Headers) => ({
  etag: headers.get('etag'),
  'cache-control': headers.get('cache-control'),
})

async function viaRest(operation: ApiOperation, who: Who, sent: Sent): Promise<Answer> {
  const request = httpRequest(operation, sent)
  const response = await rest(request.method, request.path, {
    as: credentials(who),
    body: request.body,
    headers: request.headers,
    raw: true,
  })
  return {
    status: response.status,
    body: response.status === 304 ? null : response.body,
    headers: revalidation(response.headers!),
  }
}

async function viaLean(operation: ApiOperation, who: Who, sent: Sent): Promise<Answer | 'next'> {
  const request = httpRequest(operation, sent)
  const response = await fetch(`${leanUrl}/api${request.path}`, {
    method: request.method,
    headers: { ...authHeaders(credentials(who)), ...request.headers },
    body: request.body,
  })
  const text = await response.text()
  if (response.status === 418) return 'next'
  expect(response.headers.get('x-served-by')).toBe('lean')
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: revalidation(response.headers),
  }
}

/** Every field of a GraphQL output type, all the way down. */
function selectionOf(type: GraphQL.GraphQLOutputType): string {
  const named = GraphQL.getNamedType(type)
  if (!GraphQL.isObjectType(named)) return ''
  const fields = Object.values(named.getFields()).map(
    (field) => `${field.name} ${selectionOf(field.type)}`,
  )
  return `{ ${fields.join(' ')} }`
}

async function viaGraphql(operation: ApiOperation, who: Who, sent: Sent, status: number) {
  const spec = operation.graphql!
  const fields = sent.fields ?? {}
  const given = Object.keys(spec.args).filter((name) => fields[name] !== undefined)
  const typeOf = (name: string) => {
    const argument = spec.args[name]!
    return typeof argument === 'string' ? argument : argument.type
  }
  const declared = given.map((name) => `$${name}: ${typeOf(name)}`).join(', ')
  const passed = given.map((name) => `${name}: $${name}`).join(', ')
  const output = apiTypes(GraphQL)[spec.type] as GraphQL.GraphQLOutputType
  const document = `${spec.kind}${declared ? ` (${declared})` : ''} {
    ${spec.field}${passed ? `(${passed})` : ''} ${selectionOf(output)}
  }`
  const result = await graphql(document, {
    as: credentials(who),
    variables: Object.fromEntries(given.map((name) => [name, fields[name]])),
    headers: sent.headers,
  })
  const error = result.errors?.[0]
  if (!error) {
    expect(result.errors).toBeUndefined()
    return { status, body: result.data![spec.field] }
  }
  expect(result.data).toBeNull()
  const { status: errorStatus, ...body } = error.extensions ?? {}
  // The one string GraphQL has is in the caller's language.
  const language = /^en\b/.test(sent.headers?.['accept-language'] ?? '') ? 'en' : 'zh'
  expect(error.message).toBe((body.message as Record<string, string> | undefined)?.[language])
  return { status: errorStatus as number, body }
}

/**
 * Times an answer takes from the clock: when it was evaluated, when a referral was recorded, a
 * quote's id, expiry and new period (each counted from the instant it was asked), when a cancel
 * intent was recorded and confirmed, when a member's consent last changed.
 */
const volatileKeys = new Set([
  'evaluatedAt',
  'referredAt',
  'quoteId',
  'validUntil',
  'newPeriod',
  'createdAt',
  'confirmedAt',
  'consentUpdatedAt',
])

/** Volatile values out (evaluation times, a fresh member's ids). */
function normalise(body: unknown, aliases: Record<string, string> = {}, withoutNulls = false) {
  let text = JSON.stringify(body ?? null)
  for (const [value, alias] of Object.entries(aliases)) text = text.split(value).join(alias)
  const clean = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(clean)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key, inner]) => !volatileKeys.has(key) && !(withoutNulls && inner === null))
              .map(([key, inner]) => [key, clean(inner)]),
          )
        : value
  return clean(JSON.parse(text))
}

describe.each(Object.keys(apiOperations) as OperationName[])('%s', (name) => {
  const operation: ApiOperation = apiOperations[name]
  const ownCases = cases.filter((entry) => entry.operation === name)

  it.each(ownCases.map((entry) => [entry.name, entry] as const))(
    'answers alike on every transport: %s',
    async (_label, entry) => {
      const transports = (entry.only?.transports ?? transportsOf(operation)).filter((transport) =>
        transportsOf(operation).includes(transport),
      )
      const once = entry.fresh ? null : await entry.send()
      const answers: Partial<Record<Transport, Answer>> = {}
      const aliases: Partial<Record<Transport, Record<string, string>>> = {}
      for (const transport of transports) {
        const sent = once ?? (await entry.send())
        aliases[transport] = sent.aliases
        if (transport === 'rest') answers.rest = await viaRest(operation, entry.as, sent)
        if (transport === 'graphql') {
          answers.graphql = await viaGraphql(operation, entry.as, sent, entry.status)
        }
        if (transport === 'lean') {
          const answer = await viaLean(operation, entry.as, sent)
          // Without an API key the lean path hands the request to Next, which is the REST answer.
          if (answer === 'next') expect(entry.as).toBe('anonymous')
          else answers.lean = answer
        }
      }

      const rest = answers.rest!
      expect({ status: rest.status, body: rest.body }).toMatchObject({ status: entry.status })
      if (entry.reason && entry.guarded) {
        expect(rest.body).toMatchObject({
          reason: entry.reason,
          ...(entry.field ? { field: entry.field } : {}),
          errors: [{ message: expect.any(String), data: { reason: entry.reason } }],
        })
      } else if (entry.reason) {
        expect(rest.body).toMatchObject({
          reason: entry.reason,
          message: { zh: expect.any(String), en: expect.any(String) },
          ...(entry.field ? { field: entry.field } : {}),
        })
        expect([...operation.refusals, 'invalid_request', 'unauthorized', 'forbidden']).toContain(
          entry.reason,
        )
      }
      if (answers.lean) {
        // Byte for byte the same JSON (evaluation time aside), status and revalidation headers.
        expect(answers.lean.status).toBe(rest.status)
        expect(answers.lean.headers).toEqual(rest.headers)
        expect(normalise(answers.lean.body, aliases.lean)).toEqual(
          normalise(rest.body, aliases.rest),
        )
      }
      if (answers.graphql) {
        // GraphQL selects every field and gives null for those a REST answer leaves out.
        expect(answers.graphql.status).toBe(rest.status)
        expect(normalise(answers.graphql.body, aliases.graphql, true)).toEqual(
          normalise(rest.body, aliases.rest, true),
        )
      }
    },
  )
})

describe('the parity cases', () => {
  it.each(Object.keys(apiOperations) as OperationName[])(
    'cover every answer %s can give, each on every transport that can carry it',
    (name) => {
      const operation: ApiOperation = apiOperations[name]
      const ownCases = cases.filter((entry) => entry.operation === name)
      const reasons = [
        ...operation.refusals,
        ...(operation.policy === 'public' ? [] : ['unauthorized', 'forbidden']),
      ]
      const covered = new Set<string | undefined>(ownCases.map((entry) => entry.reason))
      expect(reasons.filter((reason) => !covered.has(reason))).toEqual([])
      expect(ownCases.some((entry) => !entry.reason)).toBe(true)
      // Malformed input: refused by the schema, or already by the input guard in front of it.
      expect(ownCases.some((entry) => entry.reason === 'invalid_request' || entry.guarded)).toBe(
        true,
      )
      for (const entry of ownCases) {
        if (entry.only) expect(entry.only.because.length).toBeGreaterThan(10)
      }
    },
  )

  it('make every operation a frontend may call available on all three transports', () => {
    for (const operation of Object.values(apiOperations) as ApiOperation[]) {
      if (operation.policy !== 'public' && operation.policy.includes('frontend')) {
        expect(transportsOf(operation), operation.name).toEqual(['rest', 'graphql', 'lean'])
      }
    }
  })
})
