// docs/rules.md rule 6: an archived tier says where its members go. They keep it while their paid period
// runs, then hold the successor; renewing renews the successor.
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
let billing: { apiKey: string }

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  billing = await staff.serviceAccount(['billing'])
  members = membersFactory(payload, billing)
  frontend = await staff.serviceAccount(['frontend'])
})

afterAll(async () => {
  await members.cleanup()
  await staff.cleanup()
  await fixture.cleanup()
})

describe('archiving a tier members hold', () => {
  it('keeps them on it until their period ends, then moves them to the successor', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    await payload.update({
      collection: slugs.tiers,
      id: fixture.tiers.silver,
      data: { status: 'archived', successorTier: fixture.tiers.gold, _status: 'published' },
    })
    const { catalogue } = await catalogueOf(payload)
    expect(catalogue.liveTierIds.has(fixture.tiers.silver)).toBe(false)

    const now = await rest('GET', `/members/${member.externalId}/entitlements`, { as: frontend })
    expect(now.body).toMatchObject({ tier: { id: fixture.tiers.silver }, status: 'active' })

    const afterEnd = await memberEntitlements(
      payload,
      { member: member.id },
      new Date(member.membership.periodEnd!.getTime() + 60 * 60 * 1000),
    )
    expect(valueOf(afterEnd)).toMatchObject({ tier: { id: fixture.tiers.gold }, status: 'grace' })

    // Nobody can buy the archived tier any more; renewing it renews the successor.
    const purchase = await rest('POST', '/membership/orders', {
      as: billing,
      json: {
        orderId: members.orderId(),
        type: 'purchase',
        member: members.externalId(),
        tier: `silver-${fixture.suffix}`,
        billingPeriod: 'monthly',
        amount: 3900,
      },
    })
    expect(purchase.status).toBe(422)
    expect(purchase.body.reason).toBe('tier_not_purchasable')
    await members.order({
      type: 'renewal',
      member: member.externalId,
      billingPeriod: 'annual',
      amount: 69900,
    })
    expect(findMember(payload, member.id)!.membership).toMatchObject({
      tierId: fixture.tiers.gold,
      planVersion: catalogue.latestPlanByTier.get(fixture.tiers.gold)!.version,
    })
  })
})
