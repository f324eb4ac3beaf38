// docs/rules.md rule 18: an upgrade is priced with the credit for the unused, paid-for rest of the
// period and the best live offer; a billing order of type upgrade must match a valid quote; a
// renewal through a renewal campaign extends from the current end with no lost days.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { periodEndFrom } from '../../../src/domain/entitlements/membership'
import { addCalendarMonths } from '../../../src/domain/time/zonedCalendar'
import { memberCredit, upgradeQuote } from '../../../src/operations/entitlements/quote'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { graphql, rest, testPayload, type Credentials } from '../../helpers/api'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { valueOf } from '../../helpers/outcome'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let campaigns: ReturnType<typeof campaignFactory>
let billing: Credentials
let frontend: Credentials
const campaignIds: string[] = []
const { day, hour } = times
const timeZone = 'Asia/Shanghai'

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  billing = await staff.serviceAccount(['billing'])
  frontend = await staff.serviceAccount(['frontend'])
  members = membersFactory(payload, billing)
  campaigns = campaignFactory(payload, fixture)
})

afterAll(async () => {
  const campaign = { $in: [...campaignIds, ...campaignIds.map((id) => new ObjectId(id))] }
  await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
  await rawCollection(payload, slugs.campaignClaims).deleteMany({ campaign } as never)
  await members?.cleanup()
  await campaigns?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

const silver = () => `silver-${fixture.suffix}`
const gold = () => `gold-${fixture.suffix}`
const goldAnnual = 69_900

const order = (json: Record<string, unknown>) =>
  rest('POST', '/membership/orders', { as: billing, json: { orderId: members.orderId(), ...json } })

type Quote = {
  quoteId: string
  amount: number
  offerPrice: number
  sellingPrice: number
  offer: { campaign: { id: string } } | null
  credit: { amount: number; applied: number; left: number; unusedDays: number }
  newPeriod: { start: string; end: string }
  validUntil: string
}

async function quote(member: string, query: Record<string, string> = {}, as = frontend) {
  const params = new URLSearchParams({ tier: gold(), period: 'annual', ...query })
  return rest('GET', `/members/${member}/quote?${params}`, { as })
}

/** A Silver member who paid 3,100 分 for a 31-day month that began `daysAgo` days ago. */
const silverSince = (daysAgo: number) =>
  members.buyer(silver(), {
    amount: 3100,
    occurredAt: new Date(Date.now() - daysAgo * day - 60_000).toISOString(),
  })

describe('an upgrade quote', () => {
  it('credits the unused paid days, pays the rest, and the order at the quote goes through', async () => {
    const member = await silverSince(10)
    const answer = await quote(member.id)
    expect(answer.status).toBe(200)
    const body = answer.body as unknown as Quote
    const held = findMember(payload, member.id)!.membership
    const days = Math.round((held.periodEnd!.getTime() - held.periodStart!.getTime()) / day)
    // Ten days and a minute used: the eleventh day is in progress, so it counts as used.
    const unused = days - 11
    expect(body.credit).toMatchObject({
      amount: Math.floor((3100 * unused) / days),
      applied: Math.floor((3100 * unused) / days),
      left: 0,
      unusedDays: unused,
    })
    expect(body).toMatchObject({ sellingPrice: goldAnnual, offer: null, offerPrice: goldAnnual })
    expect(body.amount).toBe(goldAnnual - body.credit.applied)
    const end = periodEndFrom(new Date(body.newPeriod.start), 'annual', timeZone)
    expect(body.newPeriod.end).toBe(end.toISOString())

    const accepted = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: body.quoteId,
      amount: body.amount,
    })
    expect(accepted.status).toBe(201)
    expect(accepted.body.event).toMatchObject({ type: 'upgrade', billingPeriod: 'annual' })
    const event = await payload.findByID({
      collection: slugs.membershipEvents,
      id: (accepted.body.event as { orderId: string }).orderId,
    })
    expect(event).toMatchObject({ amount: body.amount, credit: body.credit.applied })
    expect(findMember(payload, member.id)!.membership.tierId).toBe(fixture.tiers.gold)

    // The same order again answers the same, though the quote is spent now.
    const again = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: (accepted.body.event as { orderId: string }).orderId,
        type: 'upgrade',
        member: member.id,
        tier: gold(),
        quote: body.quoteId,
        amount: body.amount,
      },
    })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ recorded: false, duplicate: true })

    // The Gold year was paid amount + credit, and is all but its first day unused.
    const holder = findMember(payload, member.id)!
    const credit = await memberCredit(payload, holder, timeZone, new Date())
    expect(credit.cycles).toHaveLength(1)
    expect(credit.cycles[0]!.paid).toBe(goldAnnual)
    expect(credit.credit).toBe(
      Math.floor((goldAnnual * (credit.cycles[0]!.days - 1)) / credit.cycles[0]!.days),
    )
  })

  it('gives no credit for bonus days, a grant or a member who never paid', async () => {
    const free = await members.buyer(silver(), { amount: 0 })
    expect(((await quote(free.id)).body as unknown as Quote).credit.amount).toBe(0)
    const granted = await payload.create({
      collection: slugs.members,
      data: { externalId: members.externalId() },
    })
    members.track(String(granted.id))
    await payload.create({
      collection: slugs.membershipEvents,
      data: {
        member: granted.id,
        type: 'grant',
        tier: fixture.tiers.silver,
        days: 30,
        occurredAt: new Date().toISOString(),
      } as never,
    })
    const grantQuote = (await quote(String(granted.id))).body as unknown as Quote
    expect(grantQuote.credit).toMatchObject({ amount: 0, unusedDays: 0 })
    expect(grantQuote.amount).toBe(goldAnnual)
    // A month bought 40 days ago with 30 bonus days: the paid month is over, only bonus is left.
    const bonus = await members.buyer(silver(), {
      amount: 3100,
      occurredAt: new Date(Date.now() - 40 * day).toISOString(),
    })
    await payload.create({
      collection: slugs.membershipEvents,
      data: {
        member: bonus.id,
        type: 'grant',
        days: 30,
        occurredAt: new Date().toISOString(),
      } as never,
    })
    expect(findMember(payload, bonus.id)!.membership.periodEnd!.getTime()).toBeGreaterThan(
      Date.now(),
    )
    expect(((await quote(bonus.id)).body as unknown as Quote).credit.amount).toBe(0)
  })

  it('applies the best live upgrade offer, credit on top, the same on GraphQL', async () => {
    const id = await campaigns.published('quote-offer', {
      schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
      terms: { offer: { bonusDays: 10 } },
    })
    campaignIds.push(id)
    const member = await silverSince(5)
    const body = (await quote(member.externalId)).body as unknown as Quote
    expect(body.offer?.campaign.id).toBe(id)
    expect(body.offerPrice).toBe(55_920)
    expect(body.amount).toBe(55_920 - body.credit.applied)
    expect(body.credit.applied).toBeGreaterThan(0)
    const bonusEnd = new Date(
      periodEndFrom(new Date(body.newPeriod.start), 'annual', timeZone).getTime() + 10 * day,
    )
    expect(body.newPeriod.end).toBe(bonusEnd.toISOString())

    const viaGraphql = await graphql(
      `
        query ($member: String!, $tier: String!) {
          memberQuote(member: $member, tier: $tier) {
            amount
            offerPrice
            credit {
              amount
              applied
            }
            offer {
              campaign {
                id
              }
            }
          }
        }
      `,
      { as: frontend, variables: { member: member.id, tier: gold() } },
    )
    expect(viaGraphql.data?.memberQuote).toEqual({
      amount: body.amount,
      offerPrice: body.offerPrice,
      credit: { amount: body.credit.amount, applied: body.credit.applied },
      offer: { campaign: { id } },
    })

    // The order redeems the quoted campaign without naming it; the redemption records the cash.
    const accepted = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: body.quoteId,
      amount: body.amount,
    })
    expect(accepted.status).toBe(201)
    const redemption = await payload.findByID({
      collection: slugs.campaignRedemptions,
      id: (accepted.body.event as { orderId: string }).orderId,
      depth: 0,
    })
    expect(redemption).toMatchObject({ campaign: id, amountPaid: body.amount, bonusDays: 10 })
  })

  it('refuses a lower tier, saying a downgrade waits for the period end', async () => {
    const member = await members.buyer(gold(), { billingPeriod: 'annual', amount: goldAnnual })
    const answer = await quote(member.id, { tier: silver(), period: 'monthly' })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ reason: 'not_an_upgrade', field: 'tier' })
    const message = answer.body.message as { zh: string; en: string }
    expect(message.en).toContain('a downgrade takes effect when the paid period ends')
    expect(message.zh).toContain('降级在当前付费周期结束时')
    const periodEnd = findMember(payload, member.id)!.membership.periodEnd!.toISOString()
    expect(answer.body.downgradeTakesEffectAt).toBe(periodEnd)
  })
})

describe('an upgrade order', () => {
  it('is refused without a quote, with an expired one, with another member’s, or at another amount', async () => {
    const member = await silverSince(3)
    const bare = await order({ type: 'upgrade', member: member.id, tier: gold(), amount: 1 })
    expect(bare.status).toBe(422)
    expect(bare.body).toMatchObject({ reason: 'quote_required', field: 'quote' })
    expect((bare.body.message as { en: string }).en).toContain('GET /api/members/{id}/quote')

    const body = valueOf(
      await upgradeQuote(payload, { member: member.id, tier: gold() }, new Date(Date.now() - hour)),
    )
    const expired = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: body.quoteId,
      amount: body.amount,
    })
    expect(expired.status).toBe(422)
    expect(expired.body).toMatchObject({ reason: 'quote_expired', field: 'quote' })
    expect((expired.body.message as { zh: string }).zh).toContain('过期')

    const other = await silverSince(3)
    const theirs = (await quote(other.id)).body as unknown as Quote
    const borrowed = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: theirs.quoteId,
      amount: theirs.amount,
    })
    expect(borrowed.body).toMatchObject({ reason: 'quote_unknown', field: 'quote' })

    const mine = (await quote(member.id)).body as unknown as Quote
    const cheaper = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: mine.quoteId,
      amount: mine.amount - 100,
    })
    expect(cheaper.status).toBe(422)
    expect(cheaper.body).toMatchObject({
      reason: 'amount_mismatch',
      field: 'amount',
      expected: mine.amount,
    })
    const altered = `${mine.quoteId.slice(0, -2)}${mine.quoteId.endsWith('AA') ? 'BB' : 'AA'}`
    const forged = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: altered,
      amount: mine.amount,
    })
    expect(forged.body).toMatchObject({ reason: 'quote_unknown' })
    const monthly = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      billingPeriod: 'monthly',
      quote: mine.quoteId,
      amount: mine.amount,
    })
    expect(monthly.status).toBe(422)
    // Nothing was recorded by the refusals.
    expect(findMember(payload, member.id)!.membership.tierId).toBe(fixture.tiers.silver)
    expect(
      (
        await order({
          type: 'upgrade',
          member: member.id,
          tier: gold(),
          quote: mine.quoteId,
          amount: mine.amount,
        })
      ).status,
    ).toBe(201)
  })

  it('is refused once the ledger has moved since the quote (the credit would differ)', async () => {
    const member = await silverSince(3)
    const body = (await quote(member.id)).body as unknown as Quote
    await members.order({ type: 'renewal', member: member.id, amount: 3100 })
    const stale = await order({
      type: 'upgrade',
      member: member.id,
      tier: gold(),
      quote: body.quoteId,
      amount: body.amount,
    })
    expect(stale.status).toBe(422)
    expect(stale.body).toMatchObject({ reason: 'quote_expired', field: 'quote' })
    // The renewed month is paid too: a new quote credits both.
    const renewed = (await quote(member.id)).body as unknown as Quote
    expect(renewed.credit.amount).toBeGreaterThan(body.credit.amount + 3000)
  })
})

describe('"renew now, +1 month" through a renewal campaign', () => {
  it('extends a member with 20 days left from the current end, losing no day', async () => {
    const id = await campaigns.published('renew-now', {
      kind: 'renewal',
      schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
      terms: {
        target: { tier: null },
        offer: { discount: { kind: 'amount_off', amount: 5 }, bonusDays: 0 },
      },
    })
    campaignIds.push(id)
    // Bought a month that ends 20 days from now.
    const end = new Date(Date.now() + 20 * day)
    const twentyLeft = await members.buyer(silver(), {
      occurredAt: addCalendarMonths(end, -1, timeZone).toISOString(),
    })
    const held = findMember(payload, twentyLeft.id)!.membership
    expect(held.periodEnd!.getTime()).toBe(end.getTime())
    const renewed = await order({
      type: 'renewal',
      member: twentyLeft.id,
      amount: 3400,
      campaign: id,
    })
    expect(renewed.status).toBe(201)
    const after = findMember(payload, twentyLeft.id)!.membership
    // One more month from the current end: the days left are kept, none lost.
    expect(after.periodStart).toEqual(held.periodStart)
    expect(after.periodEnd).toEqual(periodEndFrom(held.periodStart!, 'monthly', timeZone, 2))
    expect(after.periodEnd).toEqual(periodEndFrom(held.periodEnd!, 'monthly', timeZone))
    const month = (after.periodEnd!.getTime() - held.periodEnd!.getTime()) / day
    expect(month).toBeGreaterThanOrEqual(28)
    expect((after.periodEnd!.getTime() - Date.now()) / day).toBeCloseTo(20 + month, 3)
  })
})
