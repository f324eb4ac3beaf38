// Memberships run out without anyone writing (answers derive expiry from the period end); the
// expireMemberships job then records it in the ledger, once.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { memberEntitlements } from '../../../src/operations/entitlements/service'
import { findMember } from '../../../src/operations/entitlements/store'
import { testPayload } from '../../helpers/api'
import { valueOf } from '../../helpers/outcome'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
const day = 86_400_000

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

describe('membership expiry', () => {
  it('is visible at once, and the job records it in the ledger exactly once', async () => {
    const lapsed = await members.buyer(`silver-${fixture.suffix}`, {
      occurredAt: new Date(Date.now() - 45 * day).toISOString(),
      autoRenew: false,
    })
    const current = await members.buyer(`silver-${fixture.suffix}`)
    const before = await memberEntitlements(payload, { member: lapsed.id })
    expect(valueOf(before)).toMatchObject({ status: 'expired', tier: { id: fixture.tiers.free } })
    expect(findMember(payload, lapsed.id)!.membership.status).toBe('active')

    await payload.jobs.queue({ task: 'expireMemberships', input: {} })
    await payload.jobs.run({ queue: 'default' })
    await payload.jobs.queue({ task: 'expireMemberships', input: {} })
    await payload.jobs.run({ queue: 'default' })

    const events = await payload.find({
      collection: slugs.membershipEvents,
      where: { and: [{ member: { equals: lapsed.id } }, { type: { equals: 'expiry' } }] },
      depth: 0,
    })
    expect(events.totalDocs).toBe(1)
    expect(findMember(payload, lapsed.id)!.membership).toMatchObject({
      status: 'expired',
      eventCount: 2,
    })
    expect(findMember(payload, current.id)!.membership.status).toBe('active')
    const after = await memberEntitlements(payload, { member: lapsed.id })
    expect(valueOf(after)).toMatchObject({ status: 'expired' })
  })
})
