// The marketer's figures: the audience preview of a campaign as edited (who qualifies, by tier and
// why not; prices; the cost at the budget) and a campaign's stats (eligible now, redemptions,
// revenue, discount, conversion over the audience counted once at launch). Counted from the
// entitlement store's members; the launch count is one write-once document.
import { ObjectId } from 'mongodb'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { snapshotLaunchAudiences } from '../../../src/operations/campaigns/audiencePreview'
import { rawCollection } from '../../../src/operations/entitlements/store'
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
let frontend: Credentials
let marketing: TestStaff
let support: TestStaff
const campaignIds: string[] = []
const { day, hour } = times
// Gold sells annual at ¥699; 20 % off saves ¥139.80.
const goldAnnual = 69_900
const saving20 = 13_980

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  await staff.staff(['admin'])
  marketing = await staff.staff(['marketing'])
  support = await staff.staff(['support'])
  billing = await staff.serviceAccount(['billing'])
  frontend = await staff.serviceAccount(['frontend'])
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
  members = membersFactory(payload, billing)
  // Three Silver members (the audience) and one Gold member (ranked at the target: not eligible).
  for (let n = 0; n < 3; n += 1) await members.buyer(`silver-${fixture.suffix}`)
  await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual', amount: goldAnnual })
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

type Preview = {
  countedAt: string
  eligible: number
  eligibleByTier: { tier: { id: string }; members: number }[]
  ineligible: { reason: string; message: { zh: string; en: string }; members: number }[]
  prices: { billingPeriod: string; sellingPrice: number; offerPrice: number; saving: number }[]
  cost: { redemptions: number; discount: number; capped: boolean; unlimited: boolean }
}

const preview = async (id: string, fields: Record<string, unknown> = {}, as = marketing) => {
  const answer = await rest('POST', `/${slugs.campaigns}/${id}/preview-audience`, {
    as,
    json: fields,
  })
  return answer
}

const draft = async (slug: string, changes: Record<string, unknown> = {}) => {
  const id = await campaigns.draft(slug, {
    terms: { budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null } },
    ...changes,
  })
  campaignIds.push(id)
  return id
}

describe('the audience preview', () => {
  it('counts who qualifies at the start, by tier, prices the offer and costs it at the budget', async () => {
    const id = await draft('preview')
    const answer = await preview(id)
    expect(answer.status).toBe(200)
    const body = answer.body as unknown as Preview
    expect(body.countedAt).toBe('start')
    expect(body.eligible).toBe(3)
    expect(body.eligibleByTier).toEqual([
      expect.objectContaining({
        tier: expect.objectContaining({ id: fixture.tiers.silver }),
        members: 3,
      }),
    ])
    const rank = body.ineligible.find((row) => row.reason === 'rank_not_below_target')
    expect(rank?.members).toBeGreaterThanOrEqual(1)
    expect(rank?.message.en).toContain('target')
    expect(body.prices).toEqual([
      {
        tier: expect.anything(),
        billingPeriod: 'annual',
        sellingPrice: goldAnnual,
        offerPrice: goldAnnual - saving20,
        saving: saving20,
      },
    ])
    // Two redemptions in the budget, ¥139.80 each.
    expect(body.cost).toEqual({
      redemptions: 2,
      discount: 2 * saving20,
      capped: false,
      unlimited: false,
    })
  })

  it('previews the form as edited, unsaved: a deeper discount, a cap, no budget at all', async () => {
    const id = await draft('edited')
    const deeper = (
      await preview(id, { terms: { offer: { discount: { kind: 'percent_off', percent: 50 } } } })
    ).body as unknown as Preview
    expect(deeper.cost.discount).toBe(2 * 34_950)
    const capped = (await preview(id, { terms: { budget: { maxDiscount: 200 } } }))
      .body as unknown as Preview
    expect(capped.cost).toMatchObject({ discount: 20_000, capped: true })
    const open = (
      await preview(id, { terms: { budget: { totalRedemptions: null, maxDiscount: null } } })
    ).body as unknown as Preview
    expect(open.cost).toEqual({
      redemptions: 3,
      discount: 3 * saving20,
      capped: false,
      unlimited: true,
    })
    const narrower = (await preview(id, { terms: { audience: { tiers: [fixture.tiers.gold] } } }))
      .body as unknown as Preview
    expect(narrower.eligible).toBe(0)
    // Nothing was saved: the draft still previews as before.
    expect(((await preview(id)).body as unknown as Preview).cost.discount).toBe(2 * saving20)
  })

  it('is for marketing and admins: support and frontend keys are refused; an unknown id is 404', async () => {
    const id = await draft('who')
    const bySupport = await preview(id, {}, support)
    expect(bySupport.status).toBe(403)
    expect(bySupport.body.reason).toBe('forbidden')
    const byKey = await rest('POST', `/${slugs.campaigns}/${id}/preview-audience`, {
      as: frontend,
      json: {},
    })
    expect(byKey.status).toBe(403)
    const unknown = await preview('a'.repeat(24))
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ reason: 'campaign_unknown', field: 'id' })
    expect((unknown.body.message as { zh: string }).zh).toContain('找不到 ID 为')
  })
})

describe('campaign stats', () => {
  it('counts the audience once at launch, then redemptions, revenue, discount and conversion', async () => {
    const id = await campaigns.published('stats', {
      schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
      terms: { budget: { totalRedemptions: 5, perMember: 1, maxDiscount: null } },
    })
    campaignIds.push(id)
    const read = async (as: Credentials | TestStaff = support) => {
      const answer = await rest('GET', `/${slugs.campaigns}/${id}/stats`, { as })
      expect(answer.status).toBe(200)
      return answer.body
    }
    expect(await read()).toMatchObject({
      status: 'live',
      eligibleNow: 3,
      redemptions: 0,
      revenue: 0,
      discountGiven: 0,
      audienceAtLaunch: 3,
      conversion: 0,
    })
    const silverMember = [
      ...(
        await payload.find({
          collection: slugs.members,
          where: { tier: { equals: fixture.tiers.silver } },
          depth: 0,
          limit: 1,
        })
      ).docs,
    ][0]!
    const order = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type: 'upgrade',
        member: silverMember.id,
        tier: fixture.tiers.gold,
        billingPeriod: 'annual',
        amount: goldAnnual - saving20,
        campaign: id,
      },
    })
    expect(order.status).toBe(201)
    const after = await read()
    expect(after).toMatchObject({
      eligibleNow: 2,
      redemptions: 1,
      revenue: goldAnnual - saving20,
      discountGiven: saving20,
      // Counted once: the launch audience stays 3.
      audienceAtLaunch: 3,
    })
    expect(after.conversion).toBeCloseTo(1 / 3)
    // The job finds the count there and writes nothing more.
    await snapshotLaunchAudiences(await createLocalReq({}, payload))
    const launches = await rawCollection(payload, slugs.campaignClaims)
      .find({ _id: `campaign:${id}:launch` } as never)
      .toArray()
    expect(launches).toHaveLength(1)
    // A frontend key may not read them.
    const byKey = await rest('GET', `/${slugs.campaigns}/${id}/stats`, { as: frontend })
    expect(byKey.status).toBe(403)
  })

  it('has no launch audience before the start, and the job counts it once it has started', async () => {
    const later = await campaigns.published('stats-later', {
      schedule: { startsAt: fromNow(day), endsAt: fromNow(10 * day) },
    })
    campaignIds.push(later)
    const before = await rest('GET', `/${slugs.campaigns}/${later}/stats`, { as: marketing })
    expect(before.body).toMatchObject({
      status: 'scheduled',
      audienceAtLaunch: null,
      conversion: null,
    })
    const started = await campaigns.published('stats-job', {
      schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
    })
    campaignIds.push(started)
    expect(await snapshotLaunchAudiences(await createLocalReq({}, payload))).toBeGreaterThanOrEqual(
      1,
    )
    const held = await rawCollection(payload, slugs.campaignClaims).findOne({
      _id: `campaign:${started}:launch`,
    } as never)
    // Two Silver members are left in the audience (the test above upgraded one to Gold).
    expect(held).toMatchObject({ audience: 2 })
  })
})
