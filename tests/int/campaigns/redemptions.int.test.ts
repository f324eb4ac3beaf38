// docs/rules.md rule 15: an order that names a campaign is re-checked at order time (live, member
// eligible, amount = offer price, budget and per-member limit, one trial ever); an accepted one
// writes one redemption per order id, its bonus days and gifts; budgets hold under concurrency.
import { ObjectId } from 'mongodb'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { campaignUsage } from '../../../src/operations/campaigns/campaignUsage'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { rest, testPayload, type Credentials } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { membersFactory } from '../../helpers/members'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let members: ReturnType<typeof membersFactory>
let billing: Credentials
let marketing: TestStaff
let admin: TestStaff
let support: TestStaff
let viewer: TestStaff
let frontend: Credentials
const campaignIds: string[] = []

const { day, hour } = times
// Gold sells annual at ¥699; 20 % off is ¥559.20, a saving of ¥139.80.
const goldAnnual = 69_900
const goldOffer = 55_920
const goldSaving = goldAnnual - goldOffer

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  admin = await staff.staff(['admin'])
  marketing = await staff.staff(['marketing'])
  support = await staff.staff(['support'])
  viewer = await staff.staff(['viewer'])
  billing = await staff.serviceAccount(['billing'])
  frontend = await staff.serviceAccount(['frontend'])
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
  members = membersFactory(payload, billing)
})

afterAll(async () => {
  const campaign = { $in: [...campaignIds, ...campaignIds.map((id) => new ObjectId(id))] }
  await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
  await rawCollection(payload, slugs.campaignClaims).deleteMany({ campaign } as never)
  await members?.cleanup()
  await campaigns?.cleanup()
  await fixture?.cleanup()
  await staff?.cleanup()
})

/** A published campaign (silver → gold, 20 % off unless changed) that started an hour ago. */
async function liveCampaign(slug: string, changes: Record<string, unknown> = {}) {
  const id = await campaigns.published(slug, {
    schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
    ...changes,
  })
  campaignIds.push(id)
  return id
}

const slugOf = (slug: string) => `${slug}-${fixture.suffix}`
const silver = () => `silver-${fixture.suffix}`
const gold = () => `gold-${fixture.suffix}`

const order = (json: Record<string, unknown>) =>
  rest('POST', '/membership/orders', {
    as: billing,
    json: { orderId: members.orderId(), ...json },
  })

/**
 * An upgrade to Gold (annual) with the campaign, as billing sends it: quoted first (docs/rules.md
 * rule 18), paying what the quote says; when the campaign cannot be quoted the order goes without
 * a quote, and its campaign refusal comes before the missing quote.
 */
const upgrade = async (member: string, campaign: string, extra: Record<string, unknown> = {}) => {
  const query = new URLSearchParams({ tier: gold(), period: 'annual', campaign }).toString()
  const quote = await rest('GET', `/members/${member}/quote?${query}`, { as: billing })
  const quoted =
    quote.status === 200 ? { quote: quote.body.quoteId, amount: quote.body.amount } : {}
  return order({
    type: 'upgrade',
    member,
    tier: gold(),
    billingPeriod: 'annual',
    amount: goldOffer,
    campaign,
    ...quoted,
    ...extra,
  })
}

/**
 * Silver bought for nothing: no credit for the unused month, so an upgrade pays the offer price
 * exactly (the credit is tested in tests/int/entitlements/quote.int.test.ts).
 */
const freeSilver = () => members.buyer(silver(), { amount: 0 })

const redemptionsOf = async (campaignId: string) =>
  (
    await payload.find({
      collection: slugs.campaignRedemptions,
      where: { campaign: { equals: campaignId } },
      depth: 0,
      pagination: false,
    })
  ).docs

type Message = { zh: string; en: string }
const messageOf = (body: Record<string, unknown>) => body.message as Message

const statusOf = async (id: string) =>
  (await rest('GET', `/${slugs.campaigns}/${id}`, { as: marketing })).body.status

describe('an order that redeems a campaign', () => {
  it('records the order, one redemption and the usage; the budget ends in exhausted', async () => {
    const id = await liveCampaign('accepted', {
      terms: { budget: { totalRedemptions: 1, perMember: 1, maxDiscount: 5000 } },
    })
    const member = await freeSilver()
    const answer = await upgrade(member.externalId, slugOf('accepted'))
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({
      recorded: true,
      event: { type: 'upgrade', amount: goldOffer },
    })
    expect(findMember(payload, member.id)?.membership.tierId).toBe(fixture.tiers.gold)

    const [redemption, ...others] = await redemptionsOf(id)
    expect(others).toEqual([])
    expect(redemption).toMatchObject({
      id: (answer.body.event as { orderId: string }).orderId,
      orderId: (answer.body.event as { orderId: string }).orderId,
      campaign: id,
      member: member.id,
      kind: 'upgrade',
      amountPaid: goldOffer,
      discount: goldSaving,
      bonusDays: 0,
    })
    const usage = await campaignUsage(await createLocalReq({}, payload), id)
    expect(usage).toEqual({ redemptions: 1, discountGiven: goldSaving })
    expect(await statusOf(id)).toBe('exhausted')

    const next = await upgrade((await freeSilver()).externalId, id)
    expect(next.status).toBe(422)
    expect(next.body.reason).toBe('campaign_exhausted')
  })

  it('stops offering the campaign to anyone once its budget is used up', async () => {
    const id = await liveCampaign('followed', {
      terms: { budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null } },
    })
    const offered = async (member: string) => {
      const answer = await rest('GET', `/members/${member}/offers`, { as: frontend })
      expect(answer.status).toBe(200)
      return (answer.body.offers as { campaign: { id: string } }[]).some(
        (offer) => offer.campaign.id === id,
      )
    }
    const [first, second, third] = [await freeSilver(), await freeSilver(), await freeSilver()]
    expect(await offered(third!.id)).toBe(true)
    expect((await upgrade(first!.externalId, id)).status).toBe(201)
    expect(await offered(third!.id)).toBe(true)
    expect((await upgrade(second!.externalId, id)).status).toBe(201)
    expect(await offered(third!.id)).toBe(false)
  })

  it('delivers its gifts as grants whose reason names the campaign', async () => {
    const id = await liveCampaign('gifts', {
      terms: {
        offer: { gifts: [{ benefit: fixture.benefits.tutoring, amount: 2, validDays: 30 }] },
      },
    })
    const member = await freeSilver()
    expect((await upgrade(member.id, id)).status).toBe(201)
    const grants = await payload.find({
      collection: slugs.entitlementGrants,
      where: { member: { equals: member.id } },
      depth: 0,
      pagination: false,
    })
    expect(grants.docs).toHaveLength(1)
    expect(grants.docs[0]).toMatchObject({ benefit: fixture.benefits.tutoring, amount: 2 })
    expect(grants.docs[0]!.reason).toContain('升级黄金 gifts')
    expect(grants.docs[0]!.reason).toContain('Gold upgrade gifts')
    const days =
      (new Date(grants.docs[0]!.endsAt).getTime() - new Date(grants.docs[0]!.startsAt).getTime()) /
      day
    expect(days).toBe(30)
  })

  it('redeems once for a repeated order id', async () => {
    const id = await liveCampaign('repeat')
    const member = await freeSilver()
    const orderId = members.orderId()
    const first = await upgrade(member.externalId, id, { orderId })
    expect(first.status).toBe(201)
    const again = await upgrade(member.externalId, id, { orderId })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ recorded: false, duplicate: true })
    expect(await redemptionsOf(id)).toHaveLength(1)
  })

  it('claims once for the same order sent five times at once', async () => {
    const id = await liveCampaign('duplicates', {
      terms: { budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null } },
    })
    const member = await freeSilver()
    const orderId = members.orderId()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => upgrade(member.id, id, { orderId })),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201])
    expect(await redemptionsOf(id)).toHaveLength(1)
    // No slot was taken twice: the second member still gets the last one, a third none.
    expect((await upgrade((await freeSilver()).id, id)).status).toBe(201)
    const third = await upgrade((await freeSilver()).id, id)
    expect(third.body.reason).toBe('campaign_exhausted')
  })

  it('adds bonus days after the renewed cycle and keeps the per-member limit', async () => {
    const id = await liveCampaign('renew', {
      kind: 'renewal',
      terms: {
        target: { tier: null },
        offer: { discount: { kind: 'percent_off', percent: 10 }, bonusDays: 7 },
        budget: { totalRedemptions: 100, perMember: 2, maxDiscount: null },
      },
    })
    const member = await freeSilver()
    const before = findMember(payload, member.id)!.membership.periodEnd!
    const renew = () =>
      order({
        type: 'renewal',
        member: member.id,
        billingPeriod: 'monthly',
        amount: 3510,
        campaign: id,
      })
    expect((await renew()).status).toBe(201)
    const after = findMember(payload, member.id)!.membership.periodEnd!
    const days = (after.getTime() - before.getTime()) / day
    // One month (28–31 days) plus 7 bonus days.
    expect(days).toBeGreaterThanOrEqual(35)
    expect(days).toBeLessThanOrEqual(38)
    expect((await renew()).status).toBe(201)
    const third = await renew()
    expect(third.status).toBe(422)
    expect(third.body.reason).toBe('already_redeemed')
    expect(messageOf(third.body).zh).toContain('每人参与次数上限')
    expect(messageOf(third.body).en).toContain('limit per member')
    expect(await redemptionsOf(id)).toHaveLength(2)
  })

  it('gives 200 parallel orders for the last 10 redemptions exactly 10', async () => {
    const id = await liveCampaign('rush', {
      terms: { budget: { totalRedemptions: 12, perMember: 1, maxDiscount: null } },
    })
    for (let taken = 0; taken < 2; taken += 1) {
      expect((await upgrade((await freeSilver()).externalId, id)).status).toBe(201)
    }
    const buyers = []
    for (let n = 0; n < 200; n += 20) {
      buyers.push(...(await Promise.all(Array.from({ length: 20 }, () => freeSilver()))))
    }
    const answers = await Promise.all(buyers.map((member) => upgrade(member.id, id)))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(10)
    expect(statuses.filter((status) => status === 422)).toHaveLength(190)
    expect(
      answers.filter((answer) => answer.status === 422).map((answer) => answer.body.reason),
    ).toEqual(Array.from({ length: 190 }, () => 'campaign_exhausted'))
    expect(await redemptionsOf(id)).toHaveLength(12)
    expect(await statusOf(id)).toBe('exhausted')
  }, 240_000)

  it('keeps the discount cap: a redemption is never cut down to fit', async () => {
    // ¥300 fits two savings of ¥139.80, not three.
    const id = await liveCampaign('capped', {
      terms: { budget: { totalRedemptions: 100, perMember: 1, maxDiscount: 300 } },
    })
    const buyers = await Promise.all(Array.from({ length: 5 }, () => freeSilver()))
    const answers = await Promise.all(buyers.map((member) => upgrade(member.id, id)))
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(2)
    expect(await campaignUsage(await createLocalReq({}, payload), id)).toEqual({
      redemptions: 2,
      discountGiven: 2 * goldSaving,
    })
  }, 60_000)
})

describe('campaign redemptions', () => {
  it('are read by admin, marketing and support, and changed by nobody through the API', async () => {
    const id = await liveCampaign('readers')
    const member = await freeSilver()
    const answer = await upgrade(member.id, id)
    expect(answer.status).toBe(201)
    const orderId = (answer.body.event as { orderId: string }).orderId
    const path = `/${slugs.campaignRedemptions}/${orderId}`
    for (const reader of [admin, marketing, support]) {
      expect((await rest('GET', path, { as: reader })).status).toBe(200)
    }
    expect((await rest('GET', path, { as: viewer })).status).toBe(403)
    expect((await rest('GET', path, { as: billing })).status).toBe(403)
    const edit = await rest('PATCH', path, { as: admin, json: { discount: 0 } })
    expect(edit.status).toBe(403)
    expect((await rest('DELETE', path, { as: admin })).status).toBe(403)
    const create = await rest('POST', `/${slugs.campaignRedemptions}`, {
      as: admin,
      json: { id: 'forged', campaign: id, member: member.id, kind: 'upgrade' },
    })
    expect(create.status).toBe(403)
    expect((await redemptionsOf(id))[0]).toMatchObject({ id: orderId, discount: goldSaving })
  })
})

describe('an order refused for its campaign', () => {
  const expectRefusal = (
    answer: Awaited<ReturnType<typeof order>>,
    reason: string,
    zh: string,
    en: string,
  ) => {
    expect(answer.status).toBe(422)
    expect(answer.body.reason).toBe(reason)
    expect(messageOf(answer.body).zh).toContain(zh)
    expect(messageOf(answer.body).en).toContain(en)
  }

  it('refuses a campaign that is not live yet (campaign_not_live)', async () => {
    const id = await campaigns.published('later')
    campaignIds.push(id)
    const member = await freeSilver()
    const answer = await upgrade(member.id, id)
    expectRefusal(
      answer,
      'campaign_not_live',
      '活动“升级黄金 later”',
      'Campaign "Gold upgrade later"',
    )
    expect(messageOf(answer.body).en).toContain('status: scheduled')
  })

  it('refuses a member outside the audience (not_eligible)', async () => {
    const id = await liveCampaign('audience')
    const externalId = members.externalId()
    const answer = await order({
      type: 'purchase',
      member: externalId,
      tier: gold(),
      billingPeriod: 'annual',
      amount: goldOffer,
      campaign: id,
    })
    const member = findMember(payload, externalId)
    if (member) members.track(member.id)
    expectRefusal(
      answer,
      'not_eligible',
      '活动“升级黄金 audience”：会员当前（或到期前）的等级不在活动人群中',
      'Campaign "Gold upgrade audience": The member\'s tier (now, or before lapsing) is not in the audience',
    )
    expect(await redemptionsOf(id)).toEqual([])
  })

  it('refuses an amount other than the offer price (amount_mismatch)', async () => {
    const id = await liveCampaign('price')
    const member = await freeSilver()
    const answer = await upgrade(member.id, id, { amount: goldAnnual })
    expectRefusal(answer, 'amount_mismatch', '活动价为 55920 分', 'the offer price is 55920')
    expect(answer.body).toMatchObject({ field: 'amount', expected: goldOffer })
    // Refused before anything was claimed: the right amount still goes through.
    expect((await upgrade(member.id, id)).status).toBe(201)
  })

  it('refuses when the budget is used up (campaign_exhausted)', async () => {
    const id = await liveCampaign('gone', {
      terms: { budget: { totalRedemptions: 1, perMember: 1, maxDiscount: null } },
    })
    expect((await upgrade((await freeSilver()).id, id)).status).toBe(201)
    const answer = await upgrade((await freeSilver()).id, id)
    expectRefusal(answer, 'campaign_exhausted', '名额或优惠预算已用完', 'are used up')
  })

  it('refuses a second redemption by the same member (already_redeemed)', async () => {
    const id = await liveCampaign('once', {
      kind: 'renewal',
      terms: {
        target: { tier: null },
        offer: { discount: { kind: 'amount_off', amount: 5 }, bonusDays: 0 },
      },
    })
    const member = await freeSilver()
    const renew = () =>
      order({
        type: 'renewal',
        member: member.id,
        billingPeriod: 'monthly',
        amount: 3400,
        campaign: id,
      })
    expect((await renew()).status).toBe(201)
    expectRefusal(
      await renew(),
      'already_redeemed',
      '活动“升级黄金 once”：会员已达到本活动的每人参与次数上限',
      'Campaign "Gold upgrade once": The member has reached this campaign\'s limit per member',
    )
  })

  it('refuses a member who used a trial before (trial_used), and a trial campaign on an upgrade', async () => {
    const trial = {
      kind: 'trial',
      terms: {
        offer: { discount: { kind: 'fixed_price', price: 0 }, bonusDays: 0, trialDays: 7 },
      },
    }
    const id = await liveCampaign('trial', trial)
    const earlier = await liveCampaign('trial-before', trial)
    const member = await freeSilver()
    const fresh = await upgrade(member.id, id, { amount: 0 })
    expectRefusal(
      fresh,
      'not_eligible',
      '是试用活动：订单类型须为 trial（收到 upgrade）',
      'is a trial campaign: the order type must be trial (got upgrade)',
    )
    expect(fresh.body.field).toBe('type')
    await rawCollection(payload, slugs.campaignRedemptions).insertOne({
      _id: members.orderId(),
      campaign: earlier,
      member: new ObjectId(member.id),
      kind: 'trial',
      redeemedAt: new Date(Date.now() - day),
    } as never)
    expectRefusal(
      await upgrade(member.id, id, { amount: 0 }),
      'trial_used',
      '活动“升级黄金 trial”：会员已经用过一次试用',
      'Campaign "Gold upgrade trial": The member has already used a trial',
    )
  })

  it('refuses an unknown campaign (campaign_unknown)', async () => {
    const member = await freeSilver()
    const answer = await upgrade(member.id, 'no-such-campaign')
    expect(answer.status).toBe(404)
    expect(answer.body).toMatchObject({ reason: 'campaign_unknown', field: 'campaign' })
    expect(messageOf(answer.body).zh).toContain('no-such-campaign')
    expect(messageOf(answer.body).en).toContain('no-such-campaign')
  })
})
