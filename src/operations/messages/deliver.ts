// One delivery path for every member message (docs/messages.md, docs/rules.md rule 24): claim the
// message's key, send it on each channel the decisions allow, record what happened per channel.
//
// Exactly once per key, across processes: the claim is the insert of the message document with an
// `_id` derived from its key (a second insert of the key collides, in any process); the document is
// written `claimed` before anything is sent and `sent` after. A claim older than the lease (its
// runner crashed between claim and send) is taken over by one conditional update and resent; a
// channel already recorded as sent is not sent again. An email that fails is retried by later runs
// up to `maxAttempts`, then recorded as failed. Nothing here logs an address.
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

export type DeliveryResult = 'sent' | 'already' | 'busy' | 'skipped' | 'retry'

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

type Claimed = { prepared: Prepared; _id: ObjectId; previous: Delivery[]; attempts: number }

function claimDocument(prepared: Prepared, now: Date, runner: string) {
  const { intent } = prepared
  const inApp = prepared.decisions.find((decision) => decision.channel === 'in-app')
  const withOffer = inApp?.send === true && inApp.withOffer
  const inAppContent = prepared.content(withOffer)
  return {
    _id: messageIdFor(intent.key),
    key: intent.key,
    member: new ObjectId(intent.memberId),
    kind: intent.kind,
    state: 'claimed',
    claimedAt: now,
    claimedBy: runner,
    attempts: 0,
    title: inAppContent.title,
    body: contentText(inAppContent),
    offer: withOffer && prepared.offer ? offerDoc(prepared.offer) : null,
    link: inAppContent.link,
    inbox: false,
    readAt: null,
    periodEnd: intent.periodEnd,
    step: intent.step,
    language: prepared.language,
    deliveries: [] as Delivery[],
    createdAt: now,
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

/**
 * Claims a batch in one unordered insert (one write for the lot: on FerretDB each write is a
 * SQLite commit); a key already there is someone's, unless its claim is stale.
 */
async function claimBatch(
  payload: Payload,
  batch: readonly Prepared[],
  options: DeliveryOptions,
): Promise<{ claimed: Claimed[]; results: Map<Prepared, DeliveryResult> }> {
  const { now, runner } = options
  const lease = options.leaseMs ?? defaultLeaseMs
  const collection = rawCollection(payload, slugs.memberMessages)
  const docs = batch.map((prepared) => claimDocument(prepared, now, runner))
  let duplicates = new Set<number>()
  try {
    await collection.insertMany(docs, { ordered: false })
  } catch (error) {
    duplicates = duplicatesOf(error)
  }
  const claimed: Claimed[] = []
  const results = new Map<Prepared, DeliveryResult>()
  for (const [index, prepared] of batch.entries()) {
    const _id = docs[index]!._id
    if (!duplicates.has(index)) {
      claimed.push({ prepared, _id, previous: [], attempts: 0 })
      continue
    }
    const existing = await collection.findOne({ _id })
    if (!existing) {
      results.set(prepared, 'busy')
      continue
    }
    if (existing.state !== 'claimed') {
      results.set(prepared, 'already')
      continue
    }
    const claimedAt = new Date(existing.claimedAt as Date)
    if (now.getTime() - claimedAt.getTime() < lease) {
      results.set(prepared, 'busy')
      continue
    }
    // A stale claim: whoever moves it from the time it was read takes it over.
    const taken = await collection.updateOne(
      { _id, state: 'claimed', claimedAt, claimedBy: existing.claimedBy },
      { $set: { claimedAt: now, claimedBy: runner, updatedAt: now } },
    )
    if (taken.modifiedCount !== 1) {
      results.set(prepared, 'busy')
      continue
    }
    claimed.push({
      prepared,
      _id,
      previous: (existing.deliveries as Delivery[] | undefined) ?? [],
      attempts: Number(existing.attempts ?? 0),
    })
  }
  return { claimed, results }
}

/** Sends one claimed message on its channels; answers the write that records it. */
async function send(payload: Payload, claim: Claimed, options: DeliveryOptions) {
  const { prepared, _id, previous, attempts } = claim
  const { now, runner } = options
  const filter = { _id, claimedBy: runner }
  if (options.stillDue && !options.stillDue(prepared)) {
    const update = { $set: { state: 'skipped', sentAt: now, updatedAt: now } }
    return { result: 'skipped' as const, write: { updateOne: { filter, update } } }
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
  const inbox = deliveries.some(
    (delivery) => delivery.channel === 'in-app' && delivery.status === 'sent',
  )
  const update = {
    $set: {
      // Kept claimed when an email is to be retried: the next run after the lease takes it over.
      state: retry ? 'claimed' : 'sent',
      deliveries,
      inbox,
      attempts: attempts + 1,
      sentAt: now,
      updatedAt: now,
    },
  }
  return {
    result: retry ? ('retry' as const) : ('sent' as const),
    write: { updateOne: { filter, update } },
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
  for (const claim of claimed) await options.afterClaim?.(claim.prepared.intent.key)
  const writes: { updateOne: { filter: object; update: object } }[] = []
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
        writes.push(sent.write)
      }
    },
  )
  try {
    await Promise.all(lanes)
  } finally {
    // What was sent is recorded even when another message of the batch failed unexpectedly.
    if (writes.length) {
      await rawCollection(payload, slugs.memberMessages).bulkWrite(writes as never, {
        ordered: false,
      })
    }
  }
  return batch.map((prepared) => results.get(prepared) ?? 'busy')
}

/** Claims, sends and records one message. */
export const deliverMessage = async (
  payload: Payload,
  prepared: Prepared,
  options: DeliveryOptions,
): Promise<DeliveryResult> => (await deliverMessages(payload, [prepared], options))[0]!
