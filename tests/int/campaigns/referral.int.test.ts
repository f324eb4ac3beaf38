// docs/rules.md rule 16: the referral programme (老带新) on the real database. Codes are stable and
// assigned once; a new member is attributed once (not to themselves, never in a cycle, never after
// paying); their first paid order rewards the referrer once, within the cap per referrer, also
// under concurrency; the welcome offer only goes to a referred member who has not paid.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { isReferralCode } from '../../../src/domain/campaigns/referral'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { rest, testPayload, type Credentials } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let members: ReturnType<typeof membersFactory>
let billing: Credentials
let frontend: Credentials
const campaignIds: string[] = []
const memberIds: string[] = []
/** Each new referral campaign outranks the earlier ones, so it is the live programme. */
let priority = 100

const { day, hour } = times
const silverMonthly = 3900

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
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
  await rawCollection(payload, slugs.campaignClaims).deleteMany({
    member: { $in: memberIds },
  } as never)
  await members?.cleanup()
  await campaigns?.cleanup()
  await fixture?.cleanup()
  await staff?.cleanup()
})

/** A live referral campaign: 30 days and two tutoring sessions for the referrer, cap per referrer. */
async function referralCampaign(
  slug: string,
  budget: Record<string, unknown> = {},
  target: { tier: string | null } = { tier: null },
) {
  priority += 1
  const id = await campaigns.published(slug, {
    kind: 'referral',
    schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
    terms: {
      audience: { tiers: [], statuses: ['active'] },
      target,
      offer: {
        discount: { kind: 'none' },
        bonusDays: 30,
        gifts: [{ benefit: fixture.benefits.tutoring, amount: 2, validDays: 30 }],
      },
      budget: { totalRedemptions: null, perMember: 5, maxDiscount: null, ...budget },
      priority,
    },
  })
  campaignIds.push(id)
  return id
}

/** A member who has never ordered (as a sign-up creates them). */
async function newMember() {
  const doc = await payload.create({
    collection: slugs.members,
    data: { externalId: members.externalId() },
  })
  members.track(String(doc.id))
  memberIds.push(String(doc.id))
  return { id: String(doc.id), externalId: String(doc.externalId) }
}

/** A member who bought Silver monthly (active): a referrer the audience accepts. */
async function referrer() {
  const member = await members.buyer(`silver-${fixture.suffix}`)
  memberIds.push(member.id)
  return member
}

const referral = (member: string, as: Credentials = frontend) =>
  rest('GET', `/members/${member}/referral`, { as })

const attribute = (member: string, code: string, as: Credentials = frontend) =>
  rest('POST', `/members/${member}/referral`, { as, json: { code } })

const codeOf = async (member: string) => String((await referral(member)).body.code)

/** A first purchase of Silver monthly, as billing reports it. */
const pay = (member: string, extra: Record<string, unknown> = {}) =>
  rest('POST', '/membership/orders', {
    as: billing,
    json: {
      orderId: members.orderId(),
      type: 'purchase',
      member,
      tier: `silver-${fixture.suffix}`,
      billingPeriod: 'monthly',
      amount: silverMonthly,
      ...extra,
    },
  })

const rewardsOf = async (referrerId: string) =>
  (
    await payload.find({
      collection: slugs.campaignRedemptions,
      where: { member: { equals: referrerId }, referredMember: { exists: true } },
      depth: 0,
      pagination: false,
    })
  ).docs

const grantsOf = async (memberId: string) =>
  (
    await payload.find({
      collection: slugs.entitlementGrants,
      where: { member: { equals: memberId } },
      depth: 0,
      pagination: false,
    })
  ).docs

const periodEndOf = (memberId: string) =>
  findMember(payload, memberId)!.membership.periodEnd!.getTime()

type Message = { zh: string; en: string }

function expectRefusal(
  answer: Awaited<ReturnType<typeof rest>>,
  reason: string,
  zh: string,
  en: string,
) {
  expect(answer.status).toBe(422)
  expect(answer.body).toMatchObject({ reason, field: 'code' })
  expect((answer.body.message as Message).zh).toContain(zh)
  expect((answer.body.message as Message).en).toContain(en)
}

describe('referral codes', () => {
  it('gives every new member a code at once, unambiguous and stable', async () => {
    const member = await newMember()
    const stored = await payload.findByID({ collection: slugs.members, id: member.id, depth: 0 })
    const code = String((stored as { referralCode?: string }).referralCode)
    expect(isReferralCode(code)).toBe(true)
    const answer = await referral(member.externalId)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      member,
      code,
      referredBy: null,
      referredCount: 0,
      rewardsEarned: 0,
    })
    expect((await referral(member.id)).body.code).toBe(code)
    // The code is staff-visible but nobody writes it through the API.
    const admin = await staff.staff(['admin'])
    await rest('PATCH', `/${slugs.members}/${member.id}`, {
      as: admin,
      json: { referralCode: 'AAAAAAAAAAAA', displayName: 'renamed' },
    })
    expect((await referral(member.id)).body.code).toBe(code)
  })

  it('gives a member from before one on the first read; parallel first reads agree', async () => {
    const member = await newMember()
    await rawCollection(payload, slugs.members).updateOne(
      { _id: new ObjectId(member.id) } as never,
      { $unset: { referralCode: '' } } as never,
    )
    await rawCollection(payload, slugs.campaignClaims).deleteMany({ member: member.id } as never)
    await payload.update({ collection: slugs.members, id: member.id, data: { displayName: 'x' } })
    const answers = await Promise.all(Array.from({ length: 5 }, () => referral(member.id)))
    const codes = new Set(answers.map((answer) => answer.body.code))
    expect(codes.size).toBe(1)
    expect(isReferralCode(String([...codes][0]))).toBe(true)
    const claimed = await rawCollection(payload, slugs.campaignClaims)
      .find({ member: member.id } as never)
      .toArray()
    expect(claimed.map((claim) => claim._id)).toEqual([`referral-code:${[...codes][0]}`])
  })
})

describe('attribution', () => {
  it('attributes a new member once; the same code again changes nothing', async () => {
    const friend = await referrer()
    const member = await newMember()
    const code = await codeOf(friend.id)
    const first = await attribute(member.externalId, code.toLowerCase().replace(/(.{4})/g, '$1-'))
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      attributed: true,
      member,
      referredBy: { id: friend.id, externalId: friend.externalId },
    })
    const again = await attribute(member.id, code)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ attributed: false, referredAt: first.body.referredAt })
    expect((await referral(member.id)).body.referredBy).toEqual({
      id: friend.id,
      externalId: friend.externalId,
    })
    expect((await referral(friend.id)).body.referredCount).toBe(1)

    const other = await referrer()
    expectRefusal(
      await attribute(member.id, await codeOf(other.id)),
      'already_referred',
      `会员 ${member.externalId} 已由另一推荐码推荐`,
      `Member ${member.externalId} was already referred with another code`,
    )
  })

  it('refuses an unknown code, the own code and a malformed one', async () => {
    const member = await newMember()
    expectRefusal(
      await attribute(member.id, 'ZZZZZZZZZZZZ'),
      'referral_code_unknown',
      '没有会员的推荐码是“ZZZZZZZZZZZZ”',
      'No member has the referral code "ZZZZZZZZZZZZ"',
    )
    const own = await codeOf(member.id)
    expectRefusal(
      await attribute(member.id, own),
      'own_referral_code',
      `推荐码“${own}”是会员 ${member.externalId} 自己的`,
      `The referral code "${own}" is member ${member.externalId}'s own`,
    )
    const malformed = await attribute(member.id, 'O0O0O0O0O0O0')
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({ reason: 'invalid_request', field: 'code' })
  })

  it('refuses a cycle, direct or through others', async () => {
    const [a, b, c] = [await newMember(), await newMember(), await newMember()]
    expect((await attribute(b.id, await codeOf(a.id))).status).toBe(201)
    expectRefusal(
      await attribute(a.id, await codeOf(b.id)),
      'referral_cycle',
      `是由会员 ${a.externalId}（直接或间接）推荐的`,
      `was referred (directly or through others) by member ${a.externalId}`,
    )
    expect((await attribute(c.id, await codeOf(b.id))).status).toBe(201)
    expectRefusal(
      await attribute(a.id, await codeOf(c.id)),
      'referral_cycle',
      '不能互相推荐',
      'cannot refer each other in a circle',
    )
  })

  it('refuses a member who has already paid', async () => {
    const friend = await referrer()
    const paying = await referrer()
    expectRefusal(
      await attribute(paying.id, await codeOf(friend.id)),
      'already_paid',
      `会员 ${paying.externalId} 已有付费订单`,
      `Member ${paying.externalId} has already paid`,
    )
    expect((await referral(paying.id)).body.referredBy).toBeNull()
  })
})

describe('rewards', () => {
  it("rewards the referrer once for the referred member's first paid order", async () => {
    const campaign = await referralCampaign('reward-once')
    const friend = await referrer()
    const member = await newMember()
    expect((await attribute(member.id, await codeOf(friend.id))).status).toBe(201)
    const endBefore = periodEndOf(friend.id)

    const orderId = members.orderId()
    const first = await pay(member.externalId, { orderId })
    expect(first.status).toBe(201)
    const [reward, ...more] = await rewardsOf(friend.id)
    expect(more).toEqual([])
    expect(reward).toMatchObject({
      id: `referral:${orderId}`,
      orderId,
      campaign,
      member: friend.id,
      referredMember: member.id,
      kind: 'referral',
      bonusDays: 30,
      discount: 0,
    })
    expect(periodEndOf(friend.id) - endBefore).toBe(30 * day)
    const grants = await grantsOf(friend.id)
    expect(grants).toHaveLength(1)
    expect(grants[0]).toMatchObject({ benefit: fixture.benefits.tutoring, amount: 2 })
    expect(grants[0]!.reason).toContain('升级黄金 reward-once')

    // Webhooks hear of the reward as the referrer's redemption, once (docs/webhooks.md).
    const redeemed = () =>
      rawCollection(payload, slugs.webhookEvents)
        .find({ type: 'campaign.redeemed', member: new ObjectId(friend.id) } as never)
        .toArray()
    const [event, ...others] = await redeemed()
    expect(others).toEqual([])
    expect(event!.data).toMatchObject({
      redemptionId: `referral:${orderId}`,
      orderId,
      campaign: { id: campaign, kind: 'referral' },
      referredMember: member.id,
      bonusDays: 30,
      amountPaid: 0,
    })

    // The same order again, and a second paid order: nothing more.
    const retry = await pay(member.externalId, { orderId })
    expect(retry.status).toBe(200)
    expect(retry.body).toMatchObject({ duplicate: true })
    const renewal = await pay(member.externalId, { type: 'renewal', tier: undefined })
    expect(renewal.status).toBe(201)
    expect(await rewardsOf(friend.id)).toHaveLength(1)
    expect(await grantsOf(friend.id)).toHaveLength(1)
    expect(periodEndOf(friend.id) - endBefore).toBe(30 * day)
    expect(await redeemed()).toHaveLength(1)

    const answer = await referral(friend.id)
    expect(answer.body).toMatchObject({
      referredCount: 1,
      rewardsEarned: 1,
      programme: {
        campaign: { id: campaign, slug: `reward-once-${fixture.suffix}` },
        perReferrer: 5,
        earned: 1,
        left: 4,
      },
    })
    // Having paid, the member can no longer be attributed to anyone else.
    expect((await attribute(member.id, await codeOf(friend.id))).status).toBe(200)
  })

  it('rewards nothing for a member nobody referred, nor for an order of nothing', async () => {
    await referralCampaign('no-reward')
    const friend = await referrer()
    const member = await newMember()
    expect((await attribute(member.id, await codeOf(friend.id))).status).toBe(201)
    expect((await pay(member.externalId, { amount: 0, billingPeriod: 'monthly' })).status).toBe(201)
    expect(await rewardsOf(friend.id)).toEqual([])
    const stranger = await newMember()
    expect((await pay(stranger.externalId)).status).toBe(201)
    expect(await rewardsOf(friend.id)).toEqual([])
  })

  it('caps the rewards per referrer: cap + 1 referred members give cap rewards', async () => {
    const campaign = await referralCampaign('cap', { perMember: 2 })
    const friend = await referrer()
    const code = await codeOf(friend.id)
    for (let n = 0; n < 3; n += 1) {
      const member = await newMember()
      expect((await attribute(member.id, code)).status).toBe(201)
      expect((await pay(member.externalId)).status).toBe(201)
    }
    expect(await rewardsOf(friend.id)).toHaveLength(2)
    expect((await referral(friend.id)).body).toMatchObject({
      referredCount: 3,
      programme: { campaign: { id: campaign }, perReferrer: 2, earned: 2, left: 0 },
    })
  })

  it('gives 20 parallel first orders of referred members exactly the cap of 5', async () => {
    await referralCampaign('rush', { perMember: 5 })
    const friend = await referrer()
    const code = await codeOf(friend.id)
    const referred = []
    for (let n = 0; n < 20; n += 1) {
      const member = await newMember()
      expect((await attribute(member.id, code)).status).toBe(201)
      referred.push(member)
    }
    const endBefore = periodEndOf(friend.id)
    const answers = await Promise.all(referred.map((member) => pay(member.externalId)))
    expect(answers.map((answer) => answer.status)).toEqual(referred.map(() => 201))
    expect(await rewardsOf(friend.id)).toHaveLength(5)
    expect(await grantsOf(friend.id)).toHaveLength(5)
    expect(periodEndOf(friend.id) - endBefore).toBe(5 * 30 * day)
  }, 180_000)

  it('counts rewards in the programme budget: once used up, it is no longer the programme', async () => {
    const campaign = await referralCampaign('budget', { totalRedemptions: 1 })
    const [one, two] = [await referrer(), await referrer()]
    for (const friend of [one, two]) {
      const member = await newMember()
      expect((await attribute(member.id, await codeOf(friend.id))).status).toBe(201)
      expect((await pay(member.externalId)).status).toBe(201)
    }
    const underBudget = [...(await rewardsOf(one.id)), ...(await rewardsOf(two.id))].filter(
      (reward) => reward.campaign === campaign,
    )
    expect(underBudget).toHaveLength(1)
    const programme = (await referral(two.id)).body.programme as { campaign: { id: string } }
    expect(programme.campaign.id).not.toBe(campaign)
  })
})

describe('the welcome offer', () => {
  it("gives a referred new member the campaign's bonus days on their first order", async () => {
    const campaign = await referralCampaign('welcome')
    const friend = await referrer()
    const member = await newMember()
    expect((await attribute(member.id, await codeOf(friend.id))).status).toBe(201)
    const answer = await pay(member.externalId, { campaign })
    expect(answer.status).toBe(201)
    const bought = findMember(payload, member.id)!.membership
    expect(bought.periodEnd!.getTime() - bought.periodStart!.getTime()).toBeGreaterThan(58 * day)
    expect(await rewardsOf(friend.id)).toHaveLength(1)
  })

  it('refuses it to a member nobody referred, in zh and en (not_eligible)', async () => {
    const campaign = await referralCampaign('welcome-refused')
    const stranger = await newMember()
    const answer = await pay(stranger.externalId, { campaign })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ reason: 'not_eligible', field: 'member' })
    expect((answer.body.message as Message).zh).toContain('推荐活动的新人优惠只给已填写推荐码')
    expect((answer.body.message as Message).en).toContain(
      "A referral campaign's welcome offer is for referred members",
    )
  })

  it('offers it to referred new members only', async () => {
    // Last: with a target (Gold) it can be listed to a member who holds no tier yet.
    const campaign = await referralCampaign('welcome-listed', {}, { tier: fixture.tiers.gold })
    const offered = async (member: string) =>
      (
        (await rest('GET', `/members/${member}/offers?kind=referral`, { as: frontend })).body
          .offers as { campaign: { id: string } }[]
      ).some((offer) => offer.campaign.id === campaign)
    const friend = await referrer()
    const [referred, stranger] = [await newMember(), await newMember()]
    expect((await attribute(referred.id, await codeOf(friend.id))).status).toBe(201)
    expect(await offered(referred.id)).toBe(true)
    expect(await offered(stranger.id)).toBe(false)
    expect(await offered(friend.id)).toBe(false)
  })
})
