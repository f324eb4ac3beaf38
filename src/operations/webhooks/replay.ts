// Replaying a webhook delivery (docs/webhooks.md, docs/rules.md rule 22): an administrator sends
// one again — after a receiver lost it, or after a failed one's endpoint was fixed. The delivery is
// queued for a new attempt now, with the same event id (receivers drop it if they had it), and a
// fresh three-day retry window.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { rawCollection } from '../entitlements/store'
import { ok, refuse, type Outcome } from '../result'

export type ReplayInput = { id: string }

export type ReplayAnswer = {
  delivery: {
    id: string
    eventId: string
    eventType: string
    endpoint: string
    status: 'pending'
    attempts: number
    replays: number
  }
}

export async function replayDelivery(
  payload: Payload,
  input: ReplayInput,
  actor: string,
  now: Date = new Date(),
): Promise<Outcome<ReplayAnswer>> {
  const deliveries = rawCollection(payload, slugs.webhookDeliveries)
  const _id = new ObjectId(input.id)
  const delivery = await deliveries.findOne({ _id })
  if (!delivery) {
    return refuse(
      'delivery_unknown',
      {
        zh: `没有 ID 为 ${input.id} 的 Webhook 投递：请从“Webhook 投递”列表中选择一条。`,
        en: `There is no webhook delivery ${input.id}: pick one from the webhook deliveries list.`,
      },
      { field: 'id' },
    )
  }
  const lease = delivery.leaseUntil instanceof Date ? delivery.leaseUntil : null
  if (delivery.status === 'sending' && lease && lease > now) {
    return refuse(
      'delivery_in_progress',
      {
        zh: '这条投递正在发送中：请等待本次尝试结束（最多一分钟）后再重新发送。',
        en: 'This delivery is being sent right now: wait for the attempt to finish (a minute at most), then replay it.',
      },
      { field: 'id' },
    )
  }
  const endpoint = await rawCollection(payload, slugs.webhookEndpoints).findOne({
    _id: delivery.endpoint as ObjectId,
  })
  if (!endpoint || endpoint.active !== true) {
    return refuse(
      'endpoint_inactive',
      {
        zh: `端点 ${String(endpoint?.url ?? '')} 已停用：请先在“Webhook 端点”中重新启用它，再重新发送。`,
        en: `The endpoint ${String(endpoint?.url ?? '')} is not active: turn it back on under webhook endpoints, then replay.`,
      },
      { field: 'endpoint', details: { endpoint: String(delivery.endpoint) } },
    )
  }
  const replays = Number(delivery.replays ?? 0) + 1
  await deliveries.updateOne(
    { _id },
    {
      $set: {
        status: 'pending',
        nextAttemptAt: now,
        windowStartedAt: now,
        leaseUntil: null,
        replays,
        replayedAt: now,
        replayedBy: actor,
        updatedAt: new Date(),
      },
    },
  )
  return ok({
    delivery: {
      id: input.id,
      eventId: String(delivery.eventId),
      eventType: String(delivery.eventType),
      endpoint: String(delivery.endpoint),
      status: 'pending',
      attempts: Number(delivery.attempts ?? 0),
      replays,
    },
  })
}
