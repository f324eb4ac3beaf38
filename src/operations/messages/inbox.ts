// The member's inbox (in-app messages): GET /api/members/{id}/messages, paged with the unread
// count, and marking one read. Only messages delivered in-app (`inbox: true`) are listed; the rest
// of a member's messages (email only, not sent) are support's to see in the admin.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { refId } from '../../adapters/entitlements'
import { reasonMessages } from '../../domain/entitlements/reasons'
import { ensureStoreLoaded, findMember, rawCollection } from '../entitlements/store'
import { ok, refuse, type Outcome } from '../result'

export type InboxInput = { member: string; page: number; limit: number }
export type MarkReadInput = { member: string; message: string }

type Doc = Record<string, unknown>

const iso = (value: unknown): string | null =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'string' && value
      ? new Date(value).toISOString()
      : null

export type InboxMessage = ReturnType<typeof messageJson>

export function messageJson(doc: Doc) {
  const offer = doc.offer && typeof doc.offer === 'object' ? (doc.offer as Doc) : null
  return {
    id: String(doc._id ?? doc.id),
    kind: String(doc.kind),
    title: String(doc.title ?? ''),
    body: String(doc.body ?? ''),
    offer: offer
      ? {
          campaign: offer.campaign as { id: string; slug: string; name: string },
          headline: String(offer.headline ?? ''),
          price: Number(offer.price),
          sellingPrice: Number(offer.sellingPrice),
          currency: String(offer.currency),
          billingPeriod: String(offer.billingPeriod),
          bonusDays: Number(offer.bonusDays ?? 0),
          newPeriodEnd: iso(offer.newPeriodEnd),
          endsAt: iso(offer.endsAt),
        }
      : null,
    link: typeof doc.link === 'string' && doc.link ? doc.link : null,
    createdAt: iso(doc.createdAt),
    readAt: iso(doc.readAt),
  }
}

const memberUnknown = () =>
  refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })

/** The member's in-app messages, newest first, with how many are unread. */
export async function memberMessages(payload: Payload, input: InboxInput) {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return memberUnknown()
  const collection = rawCollection(payload, slugs.memberMessages)
  const filter = { member: new ObjectId(member.id), inbox: true }
  // One read of the member's inbox: counted and paged in memory (an inbox is small).
  const docs = await collection.find(filter).toArray()
  docs.sort(
    (a, b) =>
      new Date(b.createdAt as Date).getTime() - new Date(a.createdAt as Date).getTime() ||
      String(b._id).localeCompare(String(a._id)),
  )
  const total = docs.length
  const start = (input.page - 1) * input.limit
  return ok({
    member: { id: member.id, externalId: member.externalId },
    messages: docs.slice(start, start + input.limit).map(messageJson),
    unread: docs.filter((doc) => !doc.readAt).length,
    total,
    page: input.page,
    limit: input.limit,
    totalPages: Math.max(1, Math.ceil(total / input.limit)),
  })
}

/**
 * Marks one of the member's in-app messages read; marking it again keeps the first time. A
 * message of another member is unknown to this one.
 */
export async function markMessageRead(
  payload: Payload,
  input: MarkReadInput,
  now = new Date(),
): Promise<Outcome<{ message: InboxMessage; unread: number }>> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return memberUnknown()
  const collection = rawCollection(payload, slugs.memberMessages)
  const _id = new ObjectId(input.message)
  const doc = await collection.findOne({ _id })
  if (!doc || refId(doc.member) !== member.id || doc.inbox !== true) {
    return refuse(
      'message_unknown',
      {
        zh: `会员 ${member.externalId} 的站内信中没有消息 ${input.message}：请使用 GET /api/members/{id}/messages 返回的消息 ID。`,
        en: `Member ${member.externalId} has no message ${input.message} in their inbox: use a message id from GET /api/members/{id}/messages.`,
      },
      { field: 'message' },
    )
  }
  if (!doc.readAt) {
    await collection.updateOne({ _id, readAt: null }, { $set: { readAt: now, updatedAt: now } })
  }
  const stored = (await collection.findOne({ _id })) ?? doc
  const unread = await collection.countDocuments({
    member: new ObjectId(member.id),
    inbox: true,
    readAt: null,
  })
  return ok({ message: messageJson(stored), unread })
}
