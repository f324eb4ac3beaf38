// One delivery path for every member message (docs/messages.md, docs/rules.md rule 24): claim the
// message's key, send it on each channel the decisions allow, record what happened per channel.
//
// Exactly once per key, across processes, with inserts only on the common path (on FerretDB every
// update costs time in proportion to the collection's size; inserts do not, docs/database.md):
// - the claim is the insert of a `message-claims` document whose `_id` follows from the key and a
//   claim number (0 first); a second insert of the same id collides, in any process;
// - the message document (`member-messages`, `_id` from the key) is inserted once the message's
//   channels are settled — its existence is what "done" means;
// - a runner that crashed between claim and record leaves a claim and no message: after the lease,
//   the next run inserts claim n + 1 (again only one runner can) and sends;
// - an email that failed leaves the message `retrying`: after the lease, the next claim retries
//   the channels not yet sent and updates the message (the only update, on the failure path), up to
//   `maxAttempts`, then records it failed.
// Nothing here logs an address.
import { createHash } from 'node:crypto'

import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import type { ChannelDecision } from '../../domain/messages/channels'
import { contentText, type MessageContent, type MessageOffer } from '../../domain/messages/content'
import type { MessageIntent } from '../../domain/messages/schedule'
import type {
  DeliveryStatus,
  MessageChannel,
  MessageLanguage,
  MessageState,
  NotSentReason,
} from '../../domain/messages/types'
import { renderMemberEmail } from '../../email/memberMessage'
import { recordWebhookEvent } from '../webhooks/outbox'
import { rawCollection } from '../entitlements/store'

export const defaultLeaseMs = 5 * 60_000
export const maxAttempts = 3

/** The message document's id: the first 12 bytes of the key's SHA-256, an ObjectId. */
export const messageIdFor = (key: string): ObjectId =>
  new ObjectId(createHash('sha256').update(key).digest().subarray(0, 12))

export type Delivery = {
  id: string
  channel: MessageChannel
  status: DeliveryStatus
  reason: NotSentReason | null
  error: string | null
  at: Date
}

export type Prepared = {
  intent: MessageIntent
  language: MessageLanguage
  /** Where email goes (never logged). */
  email: string | null
  decisions: ChannelDecision[]
  /** Content per offer choice: with the offer, and without it. */
  content: (withOffer: boolean) => MessageContent
  offer: MessageOffer | null
}

export type DeliveryOptions = {
  now: Date
  runner: string
  leaseMs?: number
  /** A test seam: runs after the claim is written, before anything is sent (a crash there). */
  afterClaim?: (key: string) => void | Promise<void>
  /** Answers whether the message is still due just before sending (the period may have moved). */
  stillDue?: (prepared: Prepared) => boolean
}

export type DeliveryResult = 'sent' | 'already' | 'busy' | 'skipped' | 'retry' | 'abandoned'

const offerDoc = (offer: MessageOffer) => ({
  campaign: { id: offer.campaignId, slug: offer.campaignSlug, name: offer.campaignName },
  headline: offer.headline,
  price: offer.price,
  sellingPrice: offer.sellingPrice,
  currency: offer.currency,
  billingPeriod: offer.billingPeriod,
  bonusDays: offer.bonusDays,
  newPeriodEnd: offer.newPeriodEnd,
  endsAt: offer.endsAt,
})

/** Claims a message may take (crashed runners) before it is recorded as abandoned. */
export const maxClaims = 10

/** A claim's document id: the key and the claim number (0 for the first). */
export const claimIdFor = (key: string, claim: number): ObjectId =>
  messageIdFor(`${key}#claim:${claim}`)

/** What an earlier attempt recorded (a message being retried), or null for a first send. */
type Recorded = { deliveries: Delivery[]; attempts: number }

type Claimed = { prepared: Prepared; _id: ObjectId; claim: number; recorded: Recorded | null }

const claimDocument = (prepared: Prepared, claim: number, now: Date, runner: string) => ({
  _id: claimIdFor(prepared.intent.key, claim),
  key: prepared.intent.key,
  message: messageIdFor(prepared.intent.key),
  member: new ObjectId(prepared.intent.memberId),
  claim,
  claimedAt: now,
  claimedBy: runner,
  createdAt: now,
})

/**
 * What a message records once its channels are settled (or it was skipped): the document's fields
 * but its id, creation and read time, which only its first insert sets.
 */
function messageFields(
  prepared: Prepared,
  fields: {
    state: MessageState
    deliveries: Delivery[]
    attempts: number
    now: Date
  },
) {
  const { intent } = prepared
  const inApp = prepared.decisions.find((decision) => decision.channel === 'in-app')
  const withOffer = inApp?.send === true && inApp.withOffer
  const inAppContent = prepared.content(withOffer)
  const { state, deliveries, attempts, now } = fields
  return {
    key: intent.key,
    member: new ObjectId(intent.memberId),
    kind: intent.kind,
    state,
    attempts,
    title: inAppContent.title,
    body: contentText(inAppContent),
    offer: withOffer && prepared.offer ? offerDoc(prepared.offer) : null,
    link: inAppContent.link,
    inbox: deliveries.some(
      (delivery) => delivery.channel === 'in-app' && delivery.status === 'sent',
    ),
    periodEnd: intent.periodEnd,
    step: intent.step,
    language: prepared.language,
    deliveries,
    sentAt: now,
    updatedAt: now,
  }
}

/** The indexes of documents an unordered insertMany refused as duplicates (others are thrown). */
function duplicatesOf(error: unknown): Set<number> {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []
  if (!list.length) throw error
  const duplicates = new Set<number>()
  for (const entry of list as { code?: number; index?: number; err?: { code?: number } }[]) {
    const code = entry.code ?? entry.err?.code
    if (code !== 11000 || typeof entry.index !== 'number') throw error
    duplicates.add(entry.index)
  }
  return duplicates
}

/** Inserts `docs` unordered; answers which of them were already there. */
async function insertNew(
  collection: ReturnType<typeof rawCollection>,
  docs: readonly object[],
): Promise<Set<number>> {
  if (!docs.length) return new Set()
  try {
    await collection.insertMany(docs as never[], { ordered: false })
    return new Set()
  } catch (error) {
    return duplicatesOf(error)
  }
}

/**
 * A key whose first claim was already there: done, busy (its latest claim is within the lease),
 * or taken over by inserting the next claim — which only one runner can.
 */
async function takeOver(
  payload: Payload,
  prepared: Prepared,
  options: DeliveryOptions,
): Promise<Claimed | DeliveryResult> {
  const { key } = prepared.intent
  const _id = messageIdFor(key)
  const lease = options.leaseMs ?? defaultLeaseMs
  const existing = await rawCollection(payload, slugs.memberMessages).findOne({ _id })
  if (existing && existing.state !== 'retrying') return 'already'
  const claims = rawCollection(payload, slugs.messageClaims)
  let latest = 0
  let holder = await claims.findOne({ _id: claimIdFor(key, 0) })
  if (!holder) return 'busy'
  for (;;) {
    const next = await claims.findOne({ _id: claimIdFor(key, latest + 1) })
    if (!next) break
    latest += 1
    holder = next
  }
  const claimedAt = new Date(holder.claimedAt as Date).getTime()
  if (options.now.getTime() - claimedAt < lease) return 'busy'
  const recorded: Recorded | null = existing
    ? {
        deliveries: (existing.deliveries as Delivery[] | undefined) ?? [],
        attempts: Number(existing.attempts ?? 0),
      }
    : null
  if (latest + 1 >= maxClaims) {
    // Every runner that took it crashed: recorded as abandoned, visible to support, never retried.
    payload.logger.error({ message: _id.toHexString(), claims: latest + 1 }, 'message abandoned')
    return { prepared, _id, claim: -1, recorded }
  }
  try {
    await claims.insertOne(claimDocument(prepared, latest + 1, options.now, options.runner))
  } catch (error) {
    if (duplicatesOf(error).size) return 'busy'
    throw error
  }
  return { prepared, _id, claim: latest + 1, recorded }
}

/**
 * Claims a batch with one unordered insert (on FerretDB each write is a SQLite commit); a key whose
 * claim was already there is someone's, unless that claim is stale.
 */
async function claimBatch(
  payload: Payload,
  batch: readonly Prepared[],
  options: DeliveryOptions,
): Promise<{ claimed: Claimed[]; results: Map<Prepared, DeliveryResult> }> {
  const { now, runner } = options
  const docs = batch.map((prepared) => claimDocument(prepared, 0, now, runner))
  const duplicates = await insertNew(rawCollection(payload, slugs.messageClaims), docs)
  const claimed: Claimed[] = []
  const results = new Map<Prepared, DeliveryResult>()
  for (const [index, prepared] of batch.entries()) {
    if (!duplicates.has(index)) {
      claimed.push({ prepared, _id: messageIdFor(prepared.intent.key), claim: 0, recorded: null })
      continue
    }
    const taken = await takeOver(payload, prepared, options)
    if (typeof taken === 'string') results.set(prepared, taken)
    else claimed.push(taken)
  }
  return { claimed, results }
}

/** How a settled message is written: inserted the first time, updated after a retry. */
type MessageRecord = { insert: object } | { update: { filter: object; update: object } }

const recordOf = (claim: Claimed, fields: Parameters<typeof messageFields>[1]): MessageRecord => {
  const changes = messageFields(claim.prepared, fields)
  const _id = messageIdFor(claim.prepared.intent.key)
  if (!claim.recorded) {
    return { insert: { _id, ...changes, readAt: null, createdAt: fields.now } }
  }
  return {
    // Guarded by the attempts it was read with: a slower runner's older record never wins.
    update: { filter: { _id, attempts: claim.recorded.attempts }, update: { $set: changes } },
  }
}

/** Sends one claimed message on its channels; answers how to record it. */
async function send(payload: Payload, claim: Claimed, options: DeliveryOptions) {
  const { prepared, recorded } = claim
  const { now } = options
  const previous = recorded?.deliveries ?? []
  const attempts = recorded?.attempts ?? 0
  if (claim.claim < 0) {
    const deliveries = prepared.decisions.map(
      (decision): Delivery =>
        previous.find(
          (delivery) => delivery.channel === decision.channel && delivery.status !== 'failed',
        ) ?? {
          id: new ObjectId().toHexString(),
          channel: decision.channel,
          status: 'failed',
          reason: null,
          error: `abandoned after ${maxClaims} claims`,
          at: now,
        },
    )
    return {
      result: 'abandoned' as const,
      record: recordOf(claim, { state: 'abandoned', deliveries, attempts, now }),
    }
  }
  if (options.stillDue && !options.stillDue(prepared)) {
    return {
      result: 'skipped' as const,
      record: recordOf(claim, { state: 'skipped', deliveries: previous, attempts, now }),
    }
  }
  const deliveries: Delivery[] = []
  let retry = false
  for (const decision of prepared.decisions) {
    const done = previous.find(
      (delivery) => delivery.channel === decision.channel && delivery.status !== 'failed',
    )
    if (done) {
      deliveries.push(done)
      continue
    }
    const record = (status: DeliveryStatus, extra: Partial<Delivery> = {}): Delivery => ({
      id: new ObjectId().toHexString(),
      channel: decision.channel,
      status,
      reason: null,
      error: null,
      at: now,
      ...extra,
    })
    if (!decision.send) {
      deliveries.push(record('not_sent', { reason: decision.reason }))
      continue
    }
    if (decision.channel === 'in-app') {
      deliveries.push(record('sent'))
      continue
    }
    // email (SMS never has `send: true`: there is no provider)
    try {
      const rendered = await renderMemberEmail(
        prepared.content(decision.withOffer),
        prepared.language,
      )
      await payload.sendEmail({
        to: prepared.email!,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
      })
      deliveries.push(record('sent'))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // The transport's error, without the recipient's address.
      const scrubbed = prepared.email ? message.split(prepared.email).join('<address>') : message
      deliveries.push(record('failed', { error: scrubbed.slice(0, 300) }))
      if (attempts + 1 < maxAttempts) retry = true
    }
  }
  return {
    result: retry ? ('retry' as const) : ('sent' as const),
    // Left `retrying` when an email is to be retried: the next run after the lease claims it again.
    record: recordOf(claim, {
      state: retry ? 'retrying' : 'sent',
      deliveries,
      attempts: attempts + 1,
      now,
    }),
    deliveries,
  }
}

/**
 * `message.sent` for a message whose channels are settled (docs/webhooks.md): no address, no
 * content — the kind, the period and each channel's outcome. Written before the message is recorded
 * as sent, so a crash between the two resends the message and finds the event already there (its
 * id comes from the message's).
 */
async function announceSent(
  payload: Payload,
  claim: Claimed,
  deliveries: readonly Delivery[],
  now: Date,
): Promise<void> {
  const { intent } = claim.prepared
  await recordWebhookEvent(payload, {
    type: 'message.sent',
    member: intent.memberId,
    subjectId: `message:${claim._id.toHexString()}`,
    occurredAt: now,
    data: {
      message: { id: claim._id.toHexString(), kind: intent.kind, step: intent.step },
      periodEnd: intent.periodEnd.toISOString(),
      channels: deliveries.map((delivery) => ({
        channel: delivery.channel,
        status: delivery.status,
        reason: delivery.reason,
      })),
    },
  })
}

/**
 * Claims, sends and records a batch of messages: one insert claims them all, each claimed one is
 * sent (`concurrency` at a time), one bulk write records them. A failure after the claim (a crash)
 * leaves the batch claimed: the next run after the lease resends what was not recorded as sent.
 */
export async function deliverMessages(
  payload: Payload,
  batch: readonly Prepared[],
  options: DeliveryOptions & { concurrency?: number },
): Promise<DeliveryResult[]> {
  if (!batch.length) return []
  const { claimed, results } = await claimBatch(payload, batch, options)
  for (const claim of claimed) {
    if (claim.claim >= 0) await options.afterClaim?.(claim.prepared.intent.key)
  }
  const records: MessageRecord[] = []
  let next = 0
  const lanes = Array.from(
    { length: Math.min(options.concurrency ?? 8, claimed.length) },
    async () => {
      while (next < claimed.length) {
        const claim = claimed[next]!
        next += 1
        const sent = await send(payload, claim, options)
        if (sent.result === 'sent') {
          await announceSent(payload, claim, sent.deliveries ?? [], options.now).catch(
            (error: unknown) =>
              payload.logger.error(
                { err: error, message: claim._id.toHexString() },
                'message.sent webhook event not recorded',
              ),
          )
        }
        results.set(claim.prepared, sent.result)
        records.push(sent.record)
      }
    },
  )
  try {
    await Promise.all(lanes)
  } finally {
    // What was sent is recorded even when another message of the batch failed unexpectedly: the
    // first records in one insert (a duplicate is a slower runner's, already recorded), retries
    // each by its guarded update.
    const messages = rawCollection(payload, slugs.memberMessages)
    const inserts = records.flatMap((record) => ('insert' in record ? [record.insert] : []))
    const updates = records.flatMap((record) =>
      'update' in record ? [{ updateOne: record.update }] : [],
    )
    await insertNew(messages, inserts)
    if (updates.length) await messages.bulkWrite(updates as never, { ordered: false })
  }
  return batch.map((prepared) => results.get(prepared) ?? 'busy')
}

/** Claims, sends and records one message. */
export const deliverMessage = async (
  payload: Payload,
  prepared: Prepared,
  options: DeliveryOptions,
): Promise<DeliveryResult> => (await deliverMessages(payload, [prepared], options))[0]!
