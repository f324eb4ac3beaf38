// docs/rules.md rule 7: paying members keep what they paid for until their period ends when a tier is made
// worse; improvements reach them at once. Publishing writes one version, no member documents.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
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
let frontend: { apiKey: string }
const hour = 60 * 60 * 1000

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  frontend = await staff.serviceAccount(['frontend'])
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

type Benefit = {
  key: string
  value: { amount?: number; percent?: number }
  source: { type: string; version?: number }
}
type Answer = { benefits: Benefit[]; version: number; heldVersion: number | null }

const benefitOf = (answer: unknown, id: string) =>
  (answer as Answer).benefits.find((benefit) => benefit.key === `${id}-${fixture.suffix}`)!

async function entitlements(member: string) {
  const { status, body } = await rest('GET', `/members/${member}/entitlements`, { as: frontend })
  expect(status).toBe(200)
  return body as unknown as Answer
}

async function publishSilver(
  change: (rows: Record<string, unknown>[]) => Record<string, unknown>[],
) {
  await payload.update({
    collection: slugs.tiers,
    id: fixture.tiers.silver,
    data: {
      benefits: change(fixture.rows.silver.map((row) => ({ ...row }))),
      _status: 'published',
    },
  })
  const { catalogue } = await catalogueOf(payload)
  return catalogue.latestPlanByTier.get(fixture.tiers.silver)!
}

const tutoringRow = (rows: Record<string, unknown>[]) =>
  rows.find((row) => row.benefit === fixture.benefits.tutoring)!

describe('publishing a worse tier', () => {
  it('keeps 4 tutoring sessions until the paid period ends, then gives 2', async () => {
    const paying = await members.buyer(`silver-${fixture.suffix}`)
    const before = await entitlements(paying.externalId)
    expect(benefitOf(before, 'tutoring').value.amount).toBe(4)
    const heldVersion = before.version
    const memberDoc = await payload.findByID({ collection: slugs.members, id: paying.id })
    const versionsBefore = await payload.count({ collection: slugs.tierVersions })

    const worse = await publishSilver((rows) => {
      tutoringRow(rows).amount = 2
      return rows
    })

    // One immutable version written, the member document untouched.
    expect((await payload.count({ collection: slugs.tierVersions })).totalDocs).toBe(
      versionsBefore.totalDocs + 1,
    )
    const version = await payload.findByID({ collection: slugs.tierVersions, id: worse.id })
    expect(version.change).toBe('worsening')
    const memberAfter = await payload.findByID({ collection: slugs.members, id: paying.id })
    expect(memberAfter.updatedAt).toBe(memberDoc.updatedAt)

    const during = await entitlements(paying.externalId)
    expect(benefitOf(during, 'tutoring').value.amount).toBe(4)
    expect(benefitOf(during, 'tutoring').source).toMatchObject({
      type: 'tier',
      version: heldVersion,
    })
    expect(during).toMatchObject({ version: worse.version, heldVersion })
    expect((during as unknown as { grandfatheredUntil: string }).grandfatheredUntil).toBe(
      paying.membership.periodEnd!.toISOString(),
    )

    const newcomer = await members.buyer(`silver-${fixture.suffix}`)
    expect(benefitOf(await entitlements(newcomer.externalId), 'tutoring').value.amount).toBe(2)

    const periodEnd = paying.membership.periodEnd!
    const afterEnd = await memberEntitlements(
      payload,
      { member: paying.id },
      new Date(periodEnd.getTime() + hour),
    )
    expect(valueOf(afterEnd)).toMatchObject({ status: 'grace', heldVersion: null })
    expect(benefitOf(valueOf(afterEnd), 'tutoring').value.amount).toBe(2)

    await members.order({ type: 'renewal', member: paying.externalId, amount: 3900 })
    expect(findMember(payload, paying.id)!.membership.planVersion).toBe(worse.version)
  })

  it('passes an improvement to a grandfathered member at once, alongside what they keep', async () => {
    const paying = await members.buyer(`silver-${fixture.suffix}`)
    await publishSilver((rows) => {
      tutoringRow(rows).amount = 4
      return rows
    })
    const refreshed = await members.buyer(`silver-${fixture.suffix}`) // holds the 4-session version
    await publishSilver((rows) => {
      tutoringRow(rows).amount = 1
      return rows
    })
    const improved = await publishSilver((rows) => {
      tutoringRow(rows).amount = 1
      rows.find((row) => row.benefit === fixture.benefits.discount)!.percent = 15
      return rows
    })
    const answer = await entitlements(refreshed.externalId)
    expect(benefitOf(answer, 'tutoring').value.amount).toBe(4)
    expect(benefitOf(answer, 'discount').value.percent).toBe(15)
    expect(benefitOf(answer, 'discount').source).toMatchObject({ version: improved.version })
    expect(paying.id).not.toBe(refreshed.id)
  })
})

describe('the impact preview before publishing', () => {
  it('says how many members lose which benefit and until when the loss waits', async () => {
    const paying = await members.buyer(`silver-${fixture.suffix}`)
    const ops = await staff.staff(['operations'])
    // The editor cleared the tutoring amount in the form (not saved, not published).
    const benefits = fixture.rows.silver.map((row) =>
      row.benefit === fixture.benefits.tutoring ? { ...row, amount: 0 } : row,
    )
    const { status, body } = await rest('POST', `/tiers/${fixture.tiers.silver}/publish-impact`, {
      as: { token: ops.token },
      json: { benefits },
    })
    expect(status).toBe(200)
    expect(body.change).toBe('worsening')
    const loss = (body.losses as Record<string, unknown>[])[0]!
    expect(loss).toMatchObject({
      benefit: { key: `tutoring-${fixture.suffix}` },
      to: { en: '—' },
    })
    expect(loss.membersDeferred).toBeGreaterThanOrEqual(1)
    expect(
      new Date((loss.deferredUntil as { latest: string }).latest).getTime(),
    ).toBeGreaterThanOrEqual(paying.membership.periodEnd!.getTime())
    // Nothing was published by previewing.
    const { catalogue } = await catalogueOf(payload)
    expect(
      catalogue.latestPlanByTier.get(fixture.tiers.silver)!.values[fixture.benefits.tutoring],
    ).toBeDefined()
    const denied = await rest('POST', `/tiers/${fixture.tiers.silver}/publish-impact`, {
      as: frontend,
      json: {},
    })
    expect(denied.status).toBe(403)
  })
})

describe('publishing a better tier', () => {
  it('gives every current member the improvement at once', async () => {
    const member = await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual' })
    expect(benefitOf(await entitlements(member.id), 'tutoring').value.amount).toBe(8)
    await payload.update({
      collection: slugs.tiers,
      id: fixture.tiers.gold,
      data: {
        benefits: fixture.rows.gold.map((row) =>
          row.benefit === fixture.benefits.tutoring ? { ...row, amount: 10 } : row,
        ),
        _status: 'published',
      },
    })
    const answer = await entitlements(member.id)
    expect(benefitOf(answer, 'tutoring').value.amount).toBe(10)
    expect(answer.heldVersion).toBeNull()
  })
})
