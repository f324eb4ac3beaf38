// The webhook outbox (docs/webhooks.md): every event is one document whose `_id` follows from the
// event type and the id of the change that caused it (ledger event, redemption, message), and one
// delivery document per subscribed endpoint, keyed by event and endpoint. Recording the same event
// again — a retried order, the sweep after a crash — writes nothing new and keeps the event id, so
// receivers can drop duplicates. No transactions (FerretDB): the event is inserted first, then its
// deliveries; recording it again inserts whatever deliveries are missing (a crash in between), for
// the endpoints that existed when the event was first written. Inserts only: on FerretDB an update
// costs time in proportion to the collection's size (docs/database.md).
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import {
  isWebhookEventType,
  webhookDeliveryKey,
  webhookEventId,
  webhookEventKey,
  webhookOrderKey,
  type WebhookEventType,
} from '../../domain/webhooks/events'
import { nextSequence } from '../entitlements/ledger'
import { findMember, rawCollection } from '../entitlements/store'

export type WebhookEventInput = {
  type: WebhookEventType
  /** The member the event is about (document id); events of one member are delivered in order. */
  member?: string | null
  /** The id of the change that caused the event: the event id follows from it and the type. */
  subjectId: string
  occurredAt: Date
  /** The event's data: ids and facts, never contact details (added per endpoint at delivery). */
  data: Record<string, unknown>
  /** Delivery order among a member's events (default: now, as a ledger sequence). */
  sequence?: number
  /** The event's place among several one change causes. */
  index?: number
}

export type RecordedWebhookEvent = {
  id: string
  key: string
  recorded: boolean
  deliveries: number
}

const isDuplicate = (error: unknown): boolean => {
  const found = error as { code?: number; writeErrors?: { code?: number }[] } | null
  if (found?.code === 11000) return true
  const writeErrors = found?.writeErrors
  return Array.isArray(writeErrors) && writeErrors.every((entry) => entry.code === 11000)
}

const objectIdOf = (id: string | null | undefined): ObjectId | null =>
  id && ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : null

async function externalIdOf(payload: Payload, memberId: ObjectId): Promise<string | null> {
  const stored = findMember(payload, memberId.toHexString())
  if (stored) return stored.externalId
  const doc = await rawCollection(payload, slugs.members).findOne(
    { _id: memberId },
    { projection: { externalId: 1 } },
  )
  return typeof doc?.externalId === 'string' ? doc.externalId : null
}

/**
 * Active endpoints subscribed to `type` that existed at `asOf` (a handful of documents: read each
 * time). An endpoint registered later does not receive older events.
 */
async function subscribedEndpoints(
  payload: Payload,
  type: WebhookEventType,
  asOf: Date,
): Promise<ObjectId[]> {
  const endpoints = await rawCollection(payload, slugs.webhookEndpoints)
    .find({ active: true }, { projection: { _id: 1, events: 1, createdAt: 1 } })
    .toArray()
  return endpoints
    .filter(
      (endpoint) =>
        Array.isArray(endpoint.events) &&
        endpoint.events.includes(type) &&
        !(endpoint.createdAt instanceof Date && endpoint.createdAt > asOf),
    )
    .map((endpoint) => endpoint._id as ObjectId)
}

/**
 * Records a webhook event once (the shared contract of issue 10): returns its id and whether this
 * call wrote it. Safe to call again with the same `type` and `subjectId` at any time.
 */
export async function recordWebhookEvent(
  payload: Payload,
  input: WebhookEventInput,
): Promise<RecordedWebhookEvent> {
  if (!isWebhookEventType(input.type)) throw new Error(`unknown webhook event type ${input.type}`)
  const key = webhookEventKey(input.type, input.subjectId)
  const id = webhookEventId(key)
  const _id = new ObjectId(key)
  const events = rawCollection(payload, slugs.webhookEvents)
  const member = objectIdOf(input.member)
  const orderKey = webhookOrderKey(input.sequence ?? nextSequence(), input.index ?? 0)
  const now = new Date()
  let recorded = true
  let event: Record<string, unknown> = {
    _id,
    eventId: id,
    type: input.type,
    member,
    memberExternalId: member ? await externalIdOf(payload, member) : null,
    subjectId: input.subjectId,
    occurredAt: input.occurredAt,
    orderKey,
    data: input.data,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await events.insertOne(event)
  } catch (error) {
    if (!isDuplicate(error)) throw error
    recorded = false
    const existing = await events.findOne({ _id })
    if (!existing) throw error
    event = existing
  }
  const deliveries = await fanOut(payload, key, event)
  return { id, key, recorded, deliveries }
}

/** One delivery per subscribed active endpoint; existing ones are left as they are. */
async function fanOut(
  payload: Payload,
  key: string,
  event: Record<string, unknown>,
): Promise<number> {
  const type = event.type as WebhookEventType
  const createdAt = event.createdAt instanceof Date ? event.createdAt : new Date()
  const endpoints = await subscribedEndpoints(payload, type, createdAt)
  if (endpoints.length === 0) return 0
  const now = new Date()
  const docs = endpoints.map((endpoint) => ({
    _id: new ObjectId(webhookDeliveryKey(key, endpoint.toHexString())),
    event: event._id,
    eventId: event.eventId,
    eventType: type,
    endpoint,
    member: event.member ?? null,
    orderKey: event.orderKey,
    occurredAt: event.occurredAt,
    status: 'pending',
    attempts: 0,
    replays: 0,
    nextAttemptAt: now,
    windowStartedAt: null,
    leaseUntil: null,
    createdAt: now,
    updatedAt: now,
  }))
  try {
    const result = await rawCollection(payload, slugs.webhookDeliveries).insertMany(docs, {
      ordered: false,
    })
    return result.insertedCount
  } catch (error) {
    if (!isDuplicate(error)) throw error
    return (error as { insertedCount?: number }).insertedCount ?? 0
  }
}
