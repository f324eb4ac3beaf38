// Delivering the outbox (docs/webhooks.md, docs/rules.md rule 22). Each run reads the deliveries
// not yet done, takes the head of each line (endpoint × member, in event order) whose time has
// come, and for each claims the next attempt by inserting its key: whoever inserts it first sends
// it, in any process, so two runners (or one job handed to two runners by Payload's queue) never
// send the same attempt. The POST is signed per Standard Webhooks; a failure is retried with
// exponential backoff and jitter for three days from the first attempt (or a replay), after which
// the delivery is given up and its endpoint, if nothing reached it since, is disabled and the
// administrators are told.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { nextRetryAt } from '../../domain/webhooks/backoff'
import {
  webhookAttemptKey,
  webhookBody,
  webhookEventTypeLabels,
  type WebhookEventType,
} from '../../domain/webhooks/events'
import { dueLines, type QueuedDelivery } from '../../domain/webhooks/ordering'
import { signWebhook } from '../../domain/webhooks/signing'
import { rawCollection } from '../entitlements/store'
import { guardedLookup, targetFinding, targetPolicy } from './targets'

export type DeliveryClock = {
  /** The instant the schedule is judged at (tests fast-forward it). */
  now: Date
  /** The wall-clock time a request is signed with (`webhook-timestamp`); real time by default. */
  sentAt?: () => Date
  /** The jitter source, [0, 1). */
  random?: () => number
}

export type DeliveryRun = { attempted: number; delivered: number; failed: number; disabled: number }

/** How long a receiver has to answer (ms); `WEBHOOKS_TIMEOUT_MS` overrides the 10 s default. */
export const deliveryTimeoutMs = (): number => {
  const configured = Number(process.env.WEBHOOKS_TIMEOUT_MS)
  return Number.isFinite(configured) && configured > 0 ? configured : 10_000
}

/** A claim is abandoned (its sender died) this long after the timeout. */
const leaseMarginMs = 30_000
/** Lines worked at once in one run. */
const parallelLines = 4
/** Kept of a receiver's error answer, and of any error text. */
const errorLength = 300

type Doc = Record<string, unknown> & { _id: ObjectId }

const asDate = (value: unknown): Date | null =>
  value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
const hex = (value: unknown): string =>
  value instanceof ObjectId ? value.toHexString() : String(value ?? '')

function queued(doc: Doc): QueuedDelivery {
  return {
    id: doc._id.toHexString(),
    endpointId: hex(doc.endpoint),
    memberId: doc.member ? hex(doc.member) : null,
    orderKey: String(doc.orderKey ?? ''),
    status: doc.status as QueuedDelivery['status'],
    nextAttemptAt: asDate(doc.nextAttemptAt) ?? new Date(0),
    leaseUntil: asDate(doc.leaseUntil),
  }
}

type PostResult = { ok: boolean; status: number | null; error: string | null; durationMs: number }

/** POSTs the body; resolves (never rejects) with what happened. Connects only to allowed addresses. */
function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<PostResult>((resolve) => {
    const started = Date.now()
    const done = (ok: boolean, status: number | null, error: string | null) =>
      resolve({
        ok,
        status,
        error: error?.slice(0, errorLength) ?? null,
        durationMs: Date.now() - started,
      })
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return done(false, null, 'invalid URL')
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'membership-admin-webhooks/1',
          ...headers,
        },
        lookup: guardedLookup(),
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < errorLength) chunks.push(chunk)
          size += chunk.length
        })
        response.on('end', () => {
          const status = response.statusCode ?? 0
          const ok = status >= 200 && status < 300
          const text = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim()
          done(ok, status, ok ? null : `HTTP ${status}${text ? `: ${text}` : ''}`)
        })
        response.on('error', (error) => done(false, status(response.statusCode), error.message))
      },
    )
    const status = (code: number | undefined) => code ?? null
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    )
    request.on('error', (error) => done(false, null, error.message))
    request.end(body)
  })
}

/** Claims attempt n (or the next free one) of a delivery; null when another sender holds it. */
async function claimAttempt(
  payload: Payload,
  delivery: Doc,
  now: Date,
  leaseUntil: Date,
): Promise<{ attempt: number; key: ObjectId } | { delivered: true } | null> {
  const attempts = rawCollection(payload, slugs.webhookAttempts)
  const deliveryKey = delivery._id.toHexString()
  let attempt = Number(delivery.attempts ?? 0) + 1
  // A few tries: the delivery document may lag behind claims whose senders died.
  for (let tries = 0; tries < 5; tries += 1, attempt += 1) {
    const key = new ObjectId(webhookAttemptKey(deliveryKey, attempt))
    try {
      await attempts.insertOne({
        _id: key,
        delivery: deliveryKey,
        attempt,
        startedAt: now,
        leaseUntil,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      return { attempt, key }
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error
      const held = await attempts.findOne({ _id: key })
      if (!held) return null
      // Sent and answered, but the sender died before the delivery said so.
      if (held.delivered === true) return { delivered: true }
      const finished = held.finishedAt !== undefined && held.finishedAt !== null
      const abandoned = (asDate(held.leaseUntil)?.getTime() ?? 0) <= now.getTime()
      if (!finished && !abandoned) return null
      if (finished) {
        // Our copy of the delivery is older than that attempt: follow what it decided.
        const fresh = await rawCollection(payload, slugs.webhookDeliveries).findOne({
          _id: delivery._id,
        })
        const due = asDate(fresh?.nextAttemptAt)
        if (!fresh || fresh.status !== 'pending' || (due && due > now)) return null
      }
    }
  }
  return null
}

async function notifyAdmins(payload: Payload, endpoint: Doc, reason: string): Promise<void> {
  const admins = await payload.find({
    collection: slugs.users,
    where: { roles: { contains: 'admin' } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
    pagination: false,
  })
  const url = String(endpoint.url)
  const text =
    `Webhook 端点 ${url} 已连续 3 天投递失败，已自动停用。修复接收方后，请在后台重新启用该端点，并重新发送失败的投递。\n原因：${reason}\n\n` +
    `The webhook endpoint ${url} has failed for 3 days and was disabled. Once the receiver is fixed, turn the endpoint back on in the admin and replay the failed deliveries.\nReason: ${reason}`
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
  for (const admin of admins.docs) {
    const to = (admin as { email?: unknown }).email
    if (typeof to !== 'string' || !to) continue
    await payload
      .sendEmail({
        to,
        subject: 'Webhook 端点已停用 / Webhook endpoint disabled',
        text,
        html: `<p>${escape(text).replace(/\n/g, '<br>')}</p>`,
      })
      .catch((error: unknown) =>
        payload.logger.error({ err: error }, 'webhook disable notice not sent'),
      )
  }
}

/** Disables the endpoint once (a conditional update) and tells the administrators. */
async function disableEndpoint(
  payload: Payload,
  endpoint: Doc,
  now: Date,
  lastError: string,
  windowStart: Date,
): Promise<boolean> {
  const successAt = asDate(endpoint.lastSuccessAt)
  if (successAt && successAt >= windowStart) return false
  const reason = `Deliveries failed for 3 days since ${windowStart.toISOString()}; last error: ${lastError}`
  const result = await rawCollection(payload, slugs.webhookEndpoints).updateOne(
    { _id: endpoint._id, active: true },
    { $set: { active: false, disabledAt: now, disabledReason: reason, updatedAt: new Date() } },
  )
  if (result.modifiedCount !== 1) return false
  await notifyAdmins(payload, endpoint, lastError)
  return true
}

/** Attempts one delivery; returns what became of it. */
async function attemptDelivery(
  payload: Payload,
  delivery: Doc,
  endpoint: Doc,
  clock: Required<DeliveryClock>,
): Promise<'delivered' | 'retry' | 'failed' | 'skipped' | 'disabled'> {
  const deliveries = rawCollection(payload, slugs.webhookDeliveries)
  const { now } = clock
  const timeoutMs = deliveryTimeoutMs()
  const leaseUntil = new Date(now.getTime() + timeoutMs + leaseMarginMs)
  const claim = await claimAttempt(payload, delivery, now, leaseUntil)
  if (!claim) return 'skipped'
  if ('delivered' in claim) {
    await deliveries.updateOne(
      { _id: delivery._id },
      { $set: { status: 'delivered', deliveredAt: now, leaseUntil: null, updatedAt: new Date() } },
    )
    return 'delivered'
  }
  const windowStart = asDate(delivery.windowStartedAt) ?? now
  await deliveries.updateOne(
    { _id: delivery._id },
    {
      $set: {
        status: 'sending',
        attempts: claim.attempt,
        leaseUntil,
        lastAttemptAt: now,
        windowStartedAt: windowStart,
        updatedAt: new Date(),
      },
    },
  )
  const event = await rawCollection(payload, slugs.webhookEvents).findOne({
    _id: delivery.event as ObjectId,
  })
  let result: PostResult
  if (!event) {
    result = { ok: false, status: null, error: 'event missing from the outbox', durationMs: 0 }
  } else {
    const url = String(endpoint.url)
    const refused = await targetFinding(url, targetPolicy())
    if (refused) {
      result = { ok: false, status: null, error: refused.message.en, durationMs: 0 }
    } else {
      const member = event.member instanceof ObjectId ? event.member : null
      const personal =
        endpoint.includePersonalData === true && member
          ? ((
              await rawCollection(payload, slugs.members).findOne(
                { _id: member },
                { projection: { contact: 1 } },
              )
            )?.contact ?? {})
          : null
      const body = JSON.stringify(
        webhookBody(
          {
            id: String(event.eventId),
            type: event.type as WebhookEventType,
            occurredAt: asDate(event.occurredAt) ?? now,
            data: (event.data ?? {}) as Record<string, unknown>,
            member: member
              ? {
                  id: member.toHexString(),
                  externalId:
                    typeof event.memberExternalId === 'string' ? event.memberExternalId : null,
                }
              : null,
          },
          personal as { email?: unknown; phone?: unknown } | null,
        ),
      )
      const headers = signWebhook(
        String(endpoint.secret),
        String(event.eventId),
        clock.sentAt(),
        body,
      )
      result = await post(url, headers, body, timeoutMs)
    }
  }
  const finishedAt = new Date()
  await rawCollection(payload, slugs.webhookAttempts).updateOne(
    { _id: claim.key },
    {
      $set: {
        finishedAt,
        delivered: result.ok,
        status: result.status,
        error: result.error,
        durationMs: result.durationMs,
        updatedAt: finishedAt,
      },
    },
  )
  const outcome = {
    lastStatus: result.status,
    lastError: result.error,
    leaseUntil: null,
    updatedAt: finishedAt,
  }
  if (result.ok) {
    await deliveries.updateOne(
      { _id: delivery._id },
      { $set: { ...outcome, status: 'delivered', deliveredAt: now } },
    )
    await rawCollection(payload, slugs.webhookEndpoints).updateOne(
      { _id: endpoint._id },
      { $set: { lastSuccessAt: now } },
    )
    return 'delivered'
  }
  const next = nextRetryAt(claim.attempt, windowStart, now, clock.random())
  if (next) {
    await deliveries.updateOne(
      { _id: delivery._id },
      { $set: { ...outcome, status: 'pending', nextAttemptAt: next } },
    )
    return 'retry'
  }
  await deliveries.updateOne(
    { _id: delivery._id },
    { $set: { ...outcome, status: 'failed', failedAt: now } },
  )
  const disabled = await disableEndpoint(
    payload,
    endpoint,
    now,
    result.error ?? 'failed',
    windowStart,
  )
  return disabled ? 'disabled' : 'failed'
}

/** One run of the delivery job: every due delivery, one attempt each, lines in parallel. */
export async function deliverWebhooks(
  payload: Payload,
  clock: DeliveryClock,
): Promise<DeliveryRun> {
  const full: Required<DeliveryClock> = {
    now: clock.now,
    sentAt: clock.sentAt ?? (() => new Date()),
    random: clock.random ?? Math.random,
  }
  const endpoints = await rawCollection(payload, slugs.webhookEndpoints).find({}).toArray()
  const byId = new Map(endpoints.map((endpoint) => [hex(endpoint._id), endpoint as Doc]))
  const active = new Set(
    endpoints.filter((endpoint) => endpoint.active === true).map((endpoint) => hex(endpoint._id)),
  )
  const open = (await rawCollection(payload, slugs.webhookDeliveries)
    .find({ status: { $in: ['pending', 'sending'] } })
    .toArray()) as Doc[]
  const docs = new Map(open.map((doc) => [doc._id.toHexString(), doc]))
  const lines = dueLines(open.map(queued), active, full.now)
  const run: DeliveryRun = { attempted: 0, delivered: 0, failed: 0, disabled: 0 }
  let next = 0
  const worker = async () => {
    while (next < lines.length) {
      const line = lines[next++] ?? []
      // Front to back; the first that is not delivered holds the rest (docs/rules.md rule 22).
      for (const entry of line) {
        const doc = docs.get(entry.id)
        const endpoint = byId.get(entry.endpointId)
        if (!doc || !endpoint || !active.has(entry.endpointId)) break
        const outcome = await attemptDelivery(payload, doc, endpoint, full)
        if (outcome === 'skipped') break
        run.attempted += 1
        if (outcome === 'delivered') {
          run.delivered += 1
          continue
        }
        if (outcome === 'failed' || outcome === 'disabled') run.failed += 1
        if (outcome === 'disabled') {
          run.disabled += 1
          active.delete(entry.endpointId)
        }
        break
      }
    }
  }
  await Promise.all(Array.from({ length: parallelLines }, worker))
  return run
}

export { webhookEventTypeLabels }
