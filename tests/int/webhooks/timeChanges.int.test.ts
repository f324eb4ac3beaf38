// `member.entitlements.changed` for changes no ledger event marks (docs/webhooks.md), on the real
// database with an explicit clock: a scheduled downgrade coming due at the period end, a support
// grant given now, one given for later (announced when it starts), and one removed. Each is
// recorded once however often the sweep runs.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { forgetTimeSweep, sweepTimeWebhooks } from '../../../src/operations/webhooks/timeWebhooks'
import { rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let support: TestStaff
const minute = 60_000
const day = 24 * 60 * minute

type Changed = {
  subjectId: string
  occurredAt: Date
  data: {
    cause: { type: string; reasons?: string[]; grantId?: string }
    changes: {
      tier: { before: { slug: string } | null; after: { slug: string } | null } | null
      benefits: { key: string; before: unknown; after: unknown }[]
    }
  }
}

const changesOf = async (memberId: string) =>
  (await rawCollection(payload, slugs.webhookEvents)
    .find({ type: 'member.entitlements.changed', member: new ObjectId(memberId) } as never)
    .sort({ orderKey: 1 })
    .toArray()) as unknown as Changed[]

const notLedger = async (memberId: string) =>
  (await changesOf(memberId)).filter((event) => !event.subjectId.startsWith('ledger:'))

async function grant(memberId: string, startsAt: Date, endsAt: Date): Promise<string> {
  const response = await rest('POST', `/${slugs.entitlementGrants}`, {
    as: { token: support.token },
    json: {
      member: memberId,
      benefit: fixture.benefits.community,
      enabled: true,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      reason: '直播故障补偿',
    },
  })
  expect(response.status).toBe(201)
  return (response.body.doc as { id: string }).id
}

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  support = await staff.staff(['support'])
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  forgetTimeSweep()
})

afterAll(async () => {
  forgetTimeSweep()
  await members?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

describe('changes in time', () => {
  it('announces a scheduled downgrade when it takes effect at the period end, once', async () => {
    const member = await members.buyer(`gold-${fixture.suffix}`, {
      billingPeriod: 'annual',
      amount: 69_900,
      autoRenew: true,
    })
    await members.order({
      type: 'downgrade',
      member: member.externalId,
      tier: `silver-${fixture.suffix}`,
      billingPeriod: 'monthly',
      amount: 3900,
    })
    const end = findMember(payload, member.id)!.membership.periodEnd!
    expect(await notLedger(member.id)).toEqual([])

    // A sweep that ends before the period end finds nothing; the one across it finds the change.
    await sweepTimeWebhooks(payload, {
      from: new Date(end.getTime() - day),
      now: new Date(end.getTime() - minute),
    })
    expect(await notLedger(member.id)).toEqual([])
    await sweepTimeWebhooks(payload, {
      from: new Date(end.getTime() - minute),
      now: new Date(end.getTime() + minute),
    })
    const [due, ...more] = await notLedger(member.id)
    expect(more).toEqual([])
    expect(due!.subjectId).toBe(`time:${member.id}:${end.toISOString()}`)
    expect(due!.occurredAt).toEqual(end)
    expect(due!.data.cause).toMatchObject({
      type: 'time',
      reasons: ['period_end', 'scheduled_change'],
    })
    expect(due!.data.changes.tier).toEqual({
      before: expect.objectContaining({ slug: `gold-${fixture.suffix}` }),
      after: expect.objectContaining({ slug: `silver-${fixture.suffix}` }),
    })

    // The same window again, from this process or another: nothing new, the same event.
    forgetTimeSweep()
    expect(
      await sweepTimeWebhooks(payload, {
        from: new Date(end.getTime() - day),
        now: new Date(end.getTime() + day),
      }),
    ).toBe(0)
    expect((await notLedger(member.id)).map((event) => event.subjectId)).toEqual([due!.subjectId])
  })

  it('announces a grant given now at once, one for later when it starts, and a removal', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    const key = `community-${fixture.suffix}`
    const now = Date.now()

    const given = await grant(member.id, new Date(now - minute), new Date(now + 7 * day))
    const [atOnce, ...none] = await notLedger(member.id)
    expect(none).toEqual([])
    expect(atOnce!.subjectId).toMatch(new RegExp(`^grant:${given}:`))
    expect(atOnce!.data.cause).toMatchObject({ type: 'grant', grantId: given })
    expect(atOnce!.data.changes.benefits).toEqual([
      { key, before: { kind: 'flag', enabled: false }, after: { kind: 'flag', enabled: true } },
    ])

    // Removed: the member loses it now.
    await payload.delete({ collection: slugs.entitlementGrants, id: given })
    const removal = (await notLedger(member.id)).find(
      (event) => event.subjectId === `grant:${given}:deleted`,
    )
    expect(removal?.data.changes.benefits).toEqual([
      { key, before: { kind: 'flag', enabled: true }, after: { kind: 'flag', enabled: false } },
    ])

    // Given for later: nothing changes at the write; the sweep across its start announces it.
    const startsAt = new Date(now + 2 * day)
    const later = await grant(member.id, startsAt, new Date(now + 9 * day))
    expect((await notLedger(member.id)).filter((event) => event.subjectId.includes(later))).toEqual(
      [],
    )
    await sweepTimeWebhooks(payload, {
      from: new Date(startsAt.getTime() - minute),
      now: new Date(startsAt.getTime() + minute),
    })
    const started = (await notLedger(member.id)).find(
      (event) => event.subjectId === `time:${member.id}:${startsAt.toISOString()}`,
    )
    expect(started?.data.cause).toMatchObject({ type: 'time', reasons: ['grant_start'] })
    expect(started?.data.changes.benefits).toEqual([
      { key, before: { kind: 'flag', enabled: false }, after: { kind: 'flag', enabled: true } },
    ])
    await payload.delete({ collection: slugs.entitlementGrants, id: later })
  })
})
