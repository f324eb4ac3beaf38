// A separate jobs worker (`payload jobs:run`) sees none of the app process's writes, so each job
// run there reads the store afresh (`storeForJob`, docs/database.md). Another process's writes are
// made here behind the store's back, straight to the database.
import { ObjectId } from 'mongodb'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { ledgerIdsOf } from '../../../src/adapters/entitlements'
import { applyLedgerUnlocked, nextSequence } from '../../../src/operations/entitlements/ledger'
import {
  findMember,
  rawCollection,
  storeForJob,
  storedMembers,
} from '../../../src/operations/entitlements/store'
import { testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
})

afterAll(async () => {
  await members?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

describe('the store of a jobs worker', () => {
  it('reads what another process wrote before a run; the app process keeps its own', async () => {
    const changed = await members.buyer(`silver-${fixture.suffix}`)
    const removed = await members.buyer(`silver-${fixture.suffix}`)
    const before = findMember(payload, changed.id)!
    expect(before.contact?.language).toBe('zh')

    // Another process: the member changes their language, a member is erased.
    await rawCollection(payload, slugs.members).updateOne(
      { _id: new ObjectId(changed.id) } as never,
      { $set: { 'contact.language': 'en' } },
    )
    await rawCollection(payload, slugs.members).deleteOne({
      _id: new ObjectId(removed.id),
    } as never)

    // In the app process writes pass through the store: a job run reads it as it is.
    await storeForJob(payload, { worker: false })
    expect(findMember(payload, changed.id)!.contact?.language).toBe('zh')
    expect(findMember(payload, removed.id)).toBeDefined()

    // In a worker the run reads the database: both changes are there, every other member too.
    const count = [...storedMembers(payload)].length
    await storeForJob(payload, { worker: true })
    expect(findMember(payload, changed.id)!.contact?.language).toBe('en')
    expect(findMember(payload, changed.id)!.membership).toEqual(before.membership)
    expect(findMember(payload, removed.id)).toBeUndefined()
    expect([...storedMembers(payload)].length).toBe(count - 1)
  })

  it('keeps both events when two processes fold a different one into a member at once', async () => {
    const member = await members.buyer(`silver-${fixture.suffix}`)
    const before = await rawCollection(payload, slugs.members).findOne({
      _id: new ObjectId(member.id),
    } as never)
    const periodEnd = member.membership.periodEnd!
    // Two events written at the same moment by two processes (the worker's expiry, the app's
    // cancellation), neither yet in the member's ledger.
    const ids = [`race-expiry-${member.id}`, `race-cancel-${member.id}`]
    const now = new Date()
    await rawCollection(payload, slugs.membershipEvents).insertMany([
      {
        _id: ids[0],
        member: new ObjectId(member.id),
        type: 'expiry',
        occurredAt: periodEnd,
        sequence: nextSequence(),
        reason: 'period ended',
        createdAt: now,
        updatedAt: now,
      },
      {
        _id: ids[1],
        member: new ObjectId(member.id),
        type: 'cancellation',
        occurredAt: now,
        sequence: nextSequence(),
        createdAt: now,
        updatedAt: now,
      },
    ] as never)
    const req = await createLocalReq({}, payload)
    // Each reads the member before the other writes: one conditional write loses and folds again.
    await Promise.all(ids.map((id) => applyLedgerUnlocked(req, member.id, id)))

    const after = await rawCollection(payload, slugs.members).findOne({
      _id: new ObjectId(member.id),
    } as never)
    expect(ledgerIdsOf(after!)).toEqual(expect.arrayContaining([...ledgerIdsOf(before!), ...ids]))
    expect(ledgerIdsOf(after!)).toHaveLength(ledgerIdsOf(before!).length + 2)
    expect(after!.eventCount).toBe(Number(before!.eventCount) + 2)
  })
})
