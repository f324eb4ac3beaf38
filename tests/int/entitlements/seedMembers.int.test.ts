// `npm run seed -- --members N`: demo members whose documents are what their ledgers replay to,
// spread over tiers and statuses, readable through the same API as real ones; idempotent.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { eventFromDoc, membershipFromDoc } from '../../../src/adapters/entitlements'
import { membershipAt, replayLedger } from '../../../src/domain/entitlements/membership'
import { memberEntitlements } from '../../../src/operations/entitlements/service'
import { resetStore } from '../../../src/operations/entitlements/store'
import { demoMemberId, seedMembers } from '../../../seed/members'
import { testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'

let payload: Payload
let fixture: Fixture
const count = 300

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
})

afterAll(async () => {
  const demo = await payload.find({
    collection: slugs.members,
    where: { externalId: { like: 'demo-' } },
    pagination: false,
    depth: 0,
  })
  const ids = demo.docs.map((doc) => String(doc.id))
  for (const collection of [slugs.membershipEvents, slugs.benefitUsage] as const) {
    await payload.db.deleteMany({ collection, where: { member: { in: ids } } })
  }
  await payload.db.deleteMany({ collection: slugs.members, where: { id: { in: ids } } })
  // Deleted behind the hooks' back: the in-memory store must forget them too.
  resetStore(payload)
  await fixture.cleanup()
})

describe('seeding demo members', () => {
  it('creates N members once, reports progress, and creates nothing the second time', async () => {
    const progress: number[] = []
    const first = await seedMembers({ payload, count, onProgress: (done) => progress.push(done) })
    expect(first.created).toBe(count)
    expect(first.events).toBeGreaterThan(count / 3)
    expect(progress.at(-1)).toBe(count)
    const second = await seedMembers({ payload, count })
    expect(second).toMatchObject({ created: 0, existing: count })
  })

  it('stores for every member exactly what its ledger replays to', async () => {
    const members = await payload.find({
      collection: slugs.members,
      where: { externalId: { like: 'demo-' } },
      pagination: false,
      depth: 0,
    })
    const events = await payload.find({
      collection: slugs.membershipEvents,
      where: { id: { like: 'seed-demo-' } },
      pagination: false,
      depth: 0,
    })
    const byMember = new Map<string, typeof events.docs>()
    for (const doc of events.docs) {
      byMember.set(String(doc.member), [...(byMember.get(String(doc.member)) ?? []), doc])
    }
    for (const member of members.docs) {
      const ledger = (byMember.get(String(member.id)) ?? []).map(eventFromDoc)
      expect(membershipFromDoc(member)).toEqual(replayLedger(ledger, 'Asia/Shanghai'))
    }
  })

  it('spreads members over tiers and statuses, and answers for them like for anyone', async () => {
    const members = await payload.find({
      collection: slugs.members,
      where: { externalId: { like: 'demo-' } },
      pagination: false,
      depth: 0,
    })
    const now = new Date()
    const settings = { timeZone: 'Asia/Shanghai', graceDays: 7 }
    const statuses = new Set(
      members.docs.map((doc) => membershipAt(membershipFromDoc(doc), now, settings).status),
    )
    const tiers = new Set(members.docs.map((doc) => String(doc.tier ?? 'entry')))
    expect(statuses.size).toBeGreaterThanOrEqual(3)
    expect(tiers.size).toBeGreaterThanOrEqual(3)
    const answer = await memberEntitlements(payload, { member: demoMemberId(7) })
    expect(answer.ok).toBe(true)
  })
})
