// docs/rules.md rule 19: a member says they will not renew (a reason from the fixed list); the answer
// carries the best live retention offer; confirming turns auto-renew off at the period end through
// the ledger, once; reasons are counted in the retention campaign's stats.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { cancelIntentEventId } from '../../../src/domain/entitlements/cancelIntent'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { graphql, rest, testPayload, type Credentials } from '../../helpers/api'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let campaigns: ReturnType<typeof campaignFactory>
let frontend: Credentials
let support: TestStaff
let marketing: TestStaff
let retention = ''
const { day, hour } = times

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  frontend = await staff.serviceAccount(['frontend'])
  support = await staff.staff(['support'])
  marketing = await staff.staff(['marketing'])
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  campaigns = campaignFactory(payload, fixture)
  retention = await campaigns.published('stay', {
    kind: 'retention',
    schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
    terms: {
      target: { tier: null },
      offer: { discount: { kind: 'amount_off', amount: 10 }, bonusDays: 0 },
    },
  })
})

afterAll(async () => {
  const campaign = { $in: [retention, new ObjectId(retention)] }
  await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
  await members?.cleanup()
  await campaigns?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

const silver = () => `silver-${fixture.suffix}`
const say = (member: string, json: Record<string, unknown>, as: Credentials = frontend) =>
  rest('POST', `/members/${member}/cancel-intent`, { as, json })

const cancellations = async (memberId: string) =>
  (
    await payload.find({
      collection: slugs.membershipEvents,
      where: { and: [{ member: { equals: memberId } }, { type: { equals: 'cancellation' } }] },
      depth: 0,
      pagination: false,
    })
  ).docs

describe('a cancel intent', () => {
  it('records the reason, answers with the retention offer, and changes nothing until confirmed', async () => {
    const member = await members.buyer(silver())
    const before = findMember(payload, member.id)!.membership
    expect(before.autoRenew).toBe(true)
    const first = await say(member.externalId, {
      reason: 'too_expensive',
      text: '  价格有点高  ',
      locale: 'en',
    })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      recorded: true,
      intent: { reason: 'too_expensive', text: '价格有点高', confirmed: false },
      offer: {
        campaign: { id: retention },
        kind: 'retention',
        offerPrice: 2900,
        sellingPrice: 3900,
      },
      autoRenew: true,
      periodEnd: before.periodEnd!.toISOString(),
    })
    expect((first.body.offer as { copy: { headline: string } }).copy.headline).toBe(
      'Upgrade to Gold for less',
    )
    expect(findMember(payload, member.id)!.membership).toEqual(before)

    // Asked again: the same intent (the first reason stands), nothing new.
    const again = await say(member.id, { reason: 'other' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({
      recorded: false,
      intent: { id: (first.body.intent as { id: string }).id, reason: 'too_expensive' },
    })

    // The answer reached the member's inbox once (transactional: no consent needed), without the
    // retention offer, which needs marketing consent for the channel (docs/rules.md rule 23).
    const answers = await rawCollection(payload, slugs.memberMessages)
      .find({ member: new ObjectId(member.id), kind: 'retention' } as never)
      .toArray()
    expect(answers).toHaveLength(1)
    expect(answers[0]).toMatchObject({ state: 'sent', inbox: true, offer: null })
    expect(String(answers[0]!.title)).toMatch(/关于你的会员|About your membership/)

    // Confirmed: auto-renew off at the period end, through one ledger event.
    const confirmed = await say(member.id, { reason: 'too_expensive', confirm: true })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ intent: { confirmed: true }, autoRenew: false })
    expect((confirmed.body.message as { zh: string }).zh).toContain('已关闭自动续费')
    const after = findMember(payload, member.id)!.membership
    expect(after).toMatchObject({
      autoRenew: false,
      tierId: fixture.tiers.silver,
      periodEnd: before.periodEnd,
      status: 'active',
      eventCount: before.eventCount + 1,
    })
    const events = await cancellations(member.id)
    expect(events.map((event) => event.id)).toEqual([
      cancelIntentEventId((first.body.intent as { id: string }).id),
    ])
    expect(events[0]).toMatchObject({ immediate: false })

    // Confirmed again: still one event.
    expect((await say(member.id, { reason: 'other', confirm: true })).status).toBe(200)
    expect(await cancellations(member.id)).toHaveLength(1)
    expect(findMember(payload, member.id)!.membership.eventCount).toBe(after.eventCount)

    // The support view reads it; marketing and frontends do not read the documents.
    const list = await rest(
      'GET',
      `/${slugs.cancelIntents}?where[member][equals]=${member.id}&depth=0`,
      { as: support },
    )
    expect(list.status).toBe(200)
    expect(list.body.docs).toMatchObject([{ reason: 'too_expensive', confirmed: true }])
    expect((await rest('GET', `/${slugs.cancelIntents}`, { as: marketing })).status).toBe(403)
    expect((await rest('GET', `/${slugs.cancelIntents}`, { as: frontend })).status).toBe(403)
  })

  it('stores one intent and one cancellation when six confirmations race in', async () => {
    const member = await members.buyer(silver())
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => say(member.id, { reason: 'switching', confirm: true })),
    )
    expect(answers.map((answer) => answer.status).filter((status) => status === 201)).toHaveLength(
      1,
    )
    for (const answer of answers) {
      expect([200, 201], JSON.stringify(answer.body)).toContain(answer.status)
      expect(answer.body).toMatchObject({ intent: { confirmed: true }, autoRenew: false })
    }
    const stored = await payload.find({
      collection: slugs.cancelIntents,
      where: { member: { equals: member.id } },
      depth: 0,
    })
    expect(stored.totalDocs).toBe(1)
    expect(await cancellations(member.id)).toHaveLength(1)
  })

  it('counts the reasons in the retention campaign’s stats, every reason listed', async () => {
    const [a, b] = [await members.buyer(silver()), await members.buyer(silver())]
    await say(a.id, { reason: 'not_using' })
    await say(b.id, { reason: 'not_using', confirm: true })
    const stats = await rest('GET', `/${slugs.campaigns}/${retention}/stats`, { as: marketing })
    expect(stats.status).toBe(200)
    const reasons = stats.body.cancelReasons as {
      reason: string
      intents: number
      confirmed: number
    }[]
    expect(reasons.map((row) => row.reason)).toEqual([
      'too_expensive',
      'not_using',
      'missing_content',
      'technical_issues',
      'switching',
      'other',
    ])
    expect(reasons.find((row) => row.reason === 'not_using')).toMatchObject({
      intents: 2,
      confirmed: 1,
      label: { zh: '用得不多', en: 'Not using it enough' },
    })
    const viaGraphql = await graphql(
      `
        query ($id: String!) {
          campaignStats(id: $id) {
            cancelReasons {
              reason
              intents
              confirmed
            }
          }
        }
      `,
      { as: marketing, variables: { id: retention } },
    )
    expect(viaGraphql.data?.campaignStats).toMatchObject({
      cancelReasons: expect.arrayContaining([{ reason: 'not_using', intents: 2, confirmed: 1 }]),
    })
  })

  it('works as a GraphQL mutation, and refuses a member with nothing to renew in zh and en', async () => {
    const member = await members.buyer(silver())
    const result = await graphql(
      `
        mutation ($member: String!) {
          cancelIntent(member: $member, reason: "missing_content", confirm: true) {
            recorded
            autoRenew
            intent {
              reason
              confirmed
            }
            offer {
              campaign {
                id
              }
            }
          }
        }
      `,
      { as: frontend, variables: { member: member.externalId } },
    )
    expect(result.data?.cancelIntent).toEqual({
      recorded: true,
      autoRenew: false,
      intent: { reason: 'missing_content', confirmed: true },
      offer: { campaign: { id: retention } },
    })
    const entry = await payload.create({
      collection: slugs.members,
      data: { externalId: members.externalId() },
    })
    members.track(String(entry.id))
    const refused = await say(String(entry.id), { reason: 'other' })
    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({ reason: 'nothing_to_cancel', field: 'member' })
    expect((refused.body.message as { zh: string; en: string }).en).toContain('no paid membership')
    expect((refused.body.message as { zh: string; en: string }).zh).toContain('没有付费会员')
    const bad = await say(member.id, { reason: 'meh' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ reason: 'invalid_request', field: 'reason' })
  })
})
