// The ledger's webhook events (docs/webhooks.md, docs/database.md "Webhooks"). The member document
// carries the marker: `webhooksThrough` counts the member's ledger ids (in the order they were
// appended) whose events are in the outbox. It is written in the same single-document update as
// the ledger itself (applyLedger), so a crash after that update leaves `ledger.length >
// webhooksThrough`, which the entitlement store notices in memory and the delivery job's sweep
// finishes. The events follow from the ledger alone, so a second computation gives the same ids.
import { ObjectId } from 'mongodb'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { ledgerIdsOf } from '../../adapters/entitlements'
import { memberView } from '../../domain/entitlements/engine'
import { ledgerOrder, replayLedger } from '../../domain/entitlements/membership'
import { entitlementChange, entitlementSnapshot } from '../../domain/webhooks/entitlementChange'
import { ledgerWebhookEvents } from '../../domain/webhooks/ledgerEvents'
import { memberEvents } from '../entitlements/ledger'
import {
  catalogueOf,
  findMember,
  rawCollection,
  webhookBacklog,
  webhooksRecorded,
} from '../entitlements/store'
import { recordWebhookEvent } from './outbox'

/** Records the webhook events of the member's ledger events past `webhooksThrough`. */
export async function recordLedgerWebhooks(req: PayloadRequest, memberId: string): Promise<number> {
  if (!ObjectId.isValid(memberId)) return 0
  const _id = new ObjectId(memberId)
  const members = rawCollection(req.payload, slugs.members)
  const doc = await members.findOne({ _id }, { projection: { ledger: 1, webhooksThrough: 1 } })
  if (!doc || typeof doc.webhooksThrough !== 'number') return 0
  const ids = ledgerIdsOf(doc)
  const through = doc.webhooksThrough
  if (ids.length <= through) return 0
  const { catalogue } = await catalogueOf(req.payload)
  const events = (await memberEvents(req.payload, ids, memberId, req)).sort(ledgerOrder)
  const byId = new Map(events.map((event) => [event.orderId, event]))
  const timeZone = catalogue.settings.timeZone
  const record = findMember(req.payload, memberId)
  const grants = record?.grants ?? []
  const snapshot = (state: ReturnType<typeof replayLedger>, at: Date) =>
    entitlementSnapshot(
      memberView(
        { id: memberId, externalId: record?.externalId ?? '', membership: state, grants },
        catalogue,
        at,
      ),
      catalogue,
    )
  const tier = (tierId: string | null | undefined) => {
    const plan = tierId ? catalogue.latestPlanByTier.get(tierId) : undefined
    return plan
      ? { id: plan.tierId, slug: plan.slug }
      : tierId
        ? { id: tierId, slug: tierId }
        : null
  }
  let recorded = 0
  for (const eventId of ids.slice(through)) {
    const event = byId.get(eventId)
    if (!event) continue // not readable yet: the ledger write itself is retried by its caller
    const earlier = events.filter((other) => ledgerOrder(other, event) < 0)
    const before = replayLedger(earlier, timeZone)
    const after = replayLedger([...earlier, event], timeZone)
    // Just before the event, and at it: an expiry's instant already reads as expired.
    const at = event.occurredAt
    const change = entitlementChange(
      snapshot(before, new Date(at.getTime() - 1)),
      snapshot(after, at),
    )
    for (const webhook of ledgerWebhookEvents({ event, before, after, change, tier })) {
      const result = await recordWebhookEvent(req.payload, {
        type: webhook.type,
        member: memberId,
        subjectId: `ledger:${event.orderId}`,
        occurredAt: at,
        data: webhook.data,
        sequence: event.sequence,
        index: webhook.index,
      })
      if (result.recorded) recorded += 1
    }
  }
  await members.updateOne(
    { _id, webhooksThrough: { $lt: ids.length } },
    { $set: { webhooksThrough: ids.length } },
  )
  webhooksRecorded(req.payload, memberId, ids.length)
  return recorded
}

/**
 * The sweep: members whose ledger is ahead of their webhook marker (a crash between the ledger
 * write and the outbox), found in the store's memory, get their events recorded now.
 */
export async function sweepLedgerWebhooks(payload: Payload): Promise<number> {
  const backlog = webhookBacklog(payload)
  if (backlog.length === 0) return 0
  const req = await createLocalReq({}, payload)
  let recorded = 0
  for (const memberId of backlog) recorded += await recordLedgerWebhooks(req, memberId)
  return recorded
}
