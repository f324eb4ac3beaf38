// Webhook events: the six types, their stable ids and the body a receiver gets (docs/webhooks.md,
// docs/rules.md rule 21). Pure: no Payload, an explicit time everywhere.
import { createHash } from 'node:crypto'

import type { Localized } from '../catalogue/types'

export const webhookEventTypes = [
  'member.entitlements.changed',
  'membership.renewed',
  'membership.expired',
  'membership.downgraded',
  'campaign.redeemed',
  'message.sent',
] as const
export type WebhookEventType = (typeof webhookEventTypes)[number]

export const webhookEventTypeLabels: Record<WebhookEventType, Localized> = {
  'member.entitlements.changed': { zh: '会员权益变化', en: 'Member entitlements changed' },
  'membership.renewed': { zh: '会员续费', en: 'Membership renewed' },
  'membership.expired': { zh: '会员到期', en: 'Membership expired' },
  'membership.downgraded': { zh: '会员降级', en: 'Membership downgraded' },
  'campaign.redeemed': { zh: '活动核销', en: 'Campaign redeemed' },
  'message.sent': { zh: '消息已发送', en: 'Message sent' },
}

export const isWebhookEventType = (value: unknown): value is WebhookEventType =>
  typeof value === 'string' && (webhookEventTypes as readonly string[]).includes(value)

const hex24 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24)

/**
 * The event's key, derived from what caused it: the same change recorded twice (a retried order, a
 * sweep after a crash) has the same key, so the outbox holds it once and receivers can drop
 * duplicates by `webhook-id` (docs/rules.md rule 21). 24 hex digits: stored as the document's
 * ObjectId `_id`, the one lookup FerretDB answers from its index (docs/database.md).
 */
export const webhookEventKey = (type: WebhookEventType, subjectId: string): string =>
  hex24(`${type}\u0000${subjectId}`)

/** The id receivers see (`webhook-id`, the body's `id`) for an event key. */
export const webhookEventId = (key: string): string => `evt_${key}`

/** The key of an event's delivery to an endpoint: one document each, so a fan-out repeats nothing. */
export const webhookDeliveryKey = (eventKey: string, endpointId: string): string =>
  hex24(`${eventKey}~${endpointId}`)

/** The key of attempt `n` of a delivery: inserting it claims the attempt (docs/database.md). */
export const webhookAttemptKey = (deliveryKey: string, attempt: number): string =>
  hex24(`${deliveryKey}#${attempt}`)

/**
 * Events of one member are delivered in this order (per endpoint): the change's ledger sequence
 * (time-ordered), then the event's place among those one change causes. Fixed width, so the text
 * sorts as the numbers do.
 */
export const webhookOrderKey = (sequence: number, index = 0): string =>
  `${String(Math.max(0, Math.trunc(sequence))).padStart(20, '0')}:${String(index).padStart(2, '0')}`

/** What an endpoint may see of a member: ids always, contact only when it asked for it. */
export type WebhookMember = {
  id: string
  externalId: string | null
  contact?: { email: string | null; phone: string | null }
}

export type WebhookBody = {
  /** The same as the `webhook-id` header. */
  id: string
  type: WebhookEventType
  /** When the change happened (ISO 8601). */
  timestamp: string
  data: Record<string, unknown> & { member?: WebhookMember }
}

/**
 * The JSON body for one endpoint. Personal data (email, phone) is added only for an endpoint that
 * asked for it, from the member's contact as it is at delivery; never stored in the outbox.
 */
export function webhookBody(
  event: {
    id: string
    type: WebhookEventType
    occurredAt: Date
    data: Record<string, unknown>
    member: { id: string; externalId: string | null } | null
  },
  personal: { email?: unknown; phone?: unknown } | null,
): WebhookBody {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null)
  const member: WebhookMember | undefined = event.member
    ? {
        id: event.member.id,
        externalId: event.member.externalId,
        ...(personal
          ? { contact: { email: text(personal.email), phone: text(personal.phone) } }
          : {}),
      }
    : undefined
  return {
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: { ...event.data, ...(member ? { member } : {}) },
  }
}
