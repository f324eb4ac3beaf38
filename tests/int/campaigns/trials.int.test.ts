// docs/rules.md rule 15: a trial campaign is redeemed by a `trial` order; for its days the member
// holds the target tier, then is back on what they had unless a paid purchase or upgrade converts
// it; one trial per member ever, across all trial campaigns, also under concurrency.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
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
let frontend: Credentials
let admin: TestStaff
const campaignIds: string[] = []
const { day, hour } = times

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  admin = await staff.staff(['admin'])
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

const gold = () => `gold-${fixture.suffix}`
const silver = () => `silver-${fixture.suffix}`

/** A 7-day Gold trial for ¥0.01 (1 分), live since ten days ago (so orders can be dated back). */
async function trialCampaign(slug: string) {
  const id = await campaigns.published(slug, {
    kind: 'trial',
    schedule: { startsAt: fromNow(-10 * day), endsAt: fromNow(10 * day) },
    terms: {
      audience: { tiers: [] },
      offer: { discount: { kind: 'fixed_price', price: 0.01 }, bonusDays: 0, trialDays: 7 },
      budget: { totalRedemptions: 100, perMember: 1, maxDiscount: null },
    },
  })
  campaignIds.push(id)
  return id
}

const order = (json: Record<string, unknown>) =>
  rest('POST', '/membership/orders', { as: billing, json: { orderId: members.orderId(), ...json } })

const trialOrder = (member: string, campaign: string, extra: Record<string, unknown> = {}) =>
  order({ type: 'trial', member, campaign, amount: 1, ...extra })

type Entitlements = {
  tier: { slug: string } | null
  trial: { tier: { slug: string }; endsAt: string; returnsTo: { slug: string } | null } | null
  period: { end: string } | null
}
const entitlements = async (member: string) => {
  const answer = await rest('GET', `/members/${member}/entitlements`, { as: frontend })
  expect(answer.status).toBe(200)
  return answer.body as unknown as Entitlements
}

describe('a trial order', () => {
  it('gives a new learner the trial tier for its days, introducing them, with one redemption', async () => {
    const id = await trialCampaign('new-learner')
    const externalId = members.externalId()
    const answer = await trialOrder(externalId, id)
    expect(answer.body).toMatchObject({ recorded: true })
    expect(answer.status).toBe(201)
    expect(answer.body.event).toMatchObject({ type: 'trial', tier: fixture.tiers.gold, amount: 1 })
    const member = findMember(payload, externalId)!
    members.track(member.id)
    const now = await entitlements(externalId)
    expect(now.tier?.slug).toBe(gold())
    expect(now.trial).toMatchObject({ tier: { slug: gold() }, returnsTo: null })
    const days = (new Date(now.trial!.endsAt).getTime() - Date.now()) / day
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThanOrEqual(7)
    const redemptions = await payload.find({
      collection: slugs.campaignRedemptions,
      where: { campaign: { equals: id } },
      depth: 0,
    })
    expect(redemptions.docs).toHaveLength(1)
    expect(redemptions.docs[0]).toMatchObject({ kind: 'trial', trialDays: 7, amountPaid: 1 })
  })

  it('returns a Silver member to Silver, with the period they had, when the trial ends', async () => {
    const id = await trialCampaign('ended')
    const member = await members.buyer(silver(), { occurredAt: fromNow(-9 * day) })
    const before = await entitlements(member.id)
    const answer = await trialOrder(member.id, id, { occurredAt: fromNow(-8 * day) })
    expect(answer.status).toBe(201)
    const after = await entitlements(member.id)
    expect(after.tier?.slug).toBe(silver())
    expect(after.trial).toBeNull()
    expect(after.period?.end).toBe(before.period?.end)
  })

  it('shows a running trial over Silver, returning to Silver; a paid upgrade converts it', async () => {
    const id = await trialCampaign('converted')
    const member = await members.buyer(silver(), { occurredAt: fromNow(-2 * day) })
    expect((await trialOrder(member.id, id, { occurredAt: fromNow(-hour) })).status).toBe(201)
    const during = await entitlements(member.id)
    expect(during.tier?.slug).toBe(gold())
    expect(during.trial?.returnsTo?.slug).toBe(silver())
    // Judged against Silver beneath the trial, so Gold is an upgrade.
    const quote = await members.quote(member.id, gold(), { period: 'annual' })
    const upgrade = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      billingPeriod: 'annual',
      amount: quote.amount,
      quote: quote.quoteId,
    })
    expect(upgrade.status).toBe(201)
    const converted = await entitlements(member.id)
    expect(converted.tier?.slug).toBe(gold())
    expect(converted.trial).toBeNull()
    expect(new Date(converted.period!.end).getTime() - Date.now()).toBeGreaterThan(360 * day)
  })

  it('is one per member ever, across trial campaigns, even when 12 race in', async () => {
    const first = await trialCampaign('race-a')
    const second = await trialCampaign('race-b')
    const member = await members.buyer(silver())
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => trialOrder(member.id, n % 2 ? first : second)),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    for (const refused of answers.filter((answer) => answer.status !== 201)) {
      expect(refused.status).toBe(422)
      expect(refused.body.reason).toBe('trial_used')
      expect((refused.body.message as { zh: string }).zh).toContain('已经用过一次试用')
    }
    const later = await trialOrder(member.id, first)
    expect(later.status).toBe(422)
    expect(later.body).toMatchObject({ reason: 'trial_used', field: 'member' })
  })

  it('needs a trial campaign, and a trial campaign needs a trial order', async () => {
    const id = await trialCampaign('needs')
    const member = await members.buyer(silver())
    const bare = await order({ type: 'trial', member: member.id, tier: gold(), amount: 1 })
    expect(bare.status).toBe(422)
    expect(bare.body).toMatchObject({ reason: 'trial_needs_campaign', field: 'campaign' })
    expect((bare.body.message as { en: string }).en).toContain('must name its trial campaign')
    const purchase = await order({ type: 'renewal', member: member.id, amount: 1, campaign: id })
    expect(purchase.status).toBe(422)
    expect(purchase.body).toMatchObject({ reason: 'not_eligible', field: 'type' })
    const wrongAmount = await trialOrder(member.id, id, { amount: 0 })
    expect(wrongAmount.status).toBe(422)
    expect(wrongAmount.body.reason).toBe('amount_mismatch')
    // Nothing was taken by the refusals: the trial is still there to take.
    expect((await trialOrder(member.id, id)).status).toBe(201)
  })

  it('cannot be recorded by hand in the ledger, even by an admin', async () => {
    const member = await members.buyer(silver())
    const answer = await rest('POST', `/${slugs.membershipEvents}`, {
      as: admin,
      json: { member: member.id, type: 'trial', tier: fixture.tiers.gold, days: 7 },
    })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('试用只能通过试用活动的计费订单开通')
  })
})
