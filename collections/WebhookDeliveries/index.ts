import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { webhookDeliveryEndpoints } from '../../src/endpoints/entitlements'
import { optionsFrom } from '../../src/adapters/labels'
import {
  deliveryStatusLabels,
  webhookEventTypeLabels,
  webhooksGroup,
} from '../../src/adapters/webhookLabels'
import { slugs } from '../slugs'

const date = (name: string, label: { zh: string; en: string }, hidden = false) => ({
  name,
  type: 'date' as const,
  label,
  admin: { readOnly: true, hidden, date: { pickerAppearance: 'dayAndTime' as const } },
})

/**
 * One delivery per event and endpoint (docs/webhooks.md), written by the outbox and worked by the
 * `deliverWebhooks` job: status, attempts, the last error and response, when it is tried next.
 * Read-only; an administrator may replay one (a new attempt with the same event id).
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: slugs.webhookDeliveries,
  labels: {
    singular: { zh: 'Webhook 投递', en: 'Webhook delivery' },
    plural: { zh: 'Webhook 投递', en: 'Webhook deliveries' },
  },
  access: policy[slugs.webhookDeliveries],
  endpoints: webhookDeliveryEndpoints,
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'eventId',
    defaultColumns: ['status', 'attempts', 'lastError', 'eventType', 'endpoint', 'nextAttemptAt'],
    group: webhooksGroup,
    description: {
      zh: '每个事件对每个端点一条；失败按指数退避重试最多 3 天。可在详情页“重新发送”。',
      en: 'One per event and endpoint; failures are retried with exponential backoff for up to 3 days. Open one to replay it.',
    },
  },
  fields: [
    {
      name: 'replay',
      type: 'ui',
      admin: { components: { Field: '/components/WebhookReplay#WebhookReplay' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          index: true,
          label: { zh: '状态', en: 'Status' },
          options: optionsFrom(deliveryStatusLabels),
          admin: { readOnly: true },
        },
        {
          name: 'attempts',
          type: 'number',
          label: { zh: '尝试次数', en: 'Attempts' },
          admin: { readOnly: true },
        },
        {
          name: 'lastStatus',
          type: 'number',
          label: { zh: '最近响应码', en: 'Last response' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'lastError',
      type: 'text',
      label: { zh: '最近错误', en: 'Last error' },
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'eventType',
          type: 'select',
          required: true,
          label: { zh: '事件类型', en: 'Event type' },
          options: optionsFrom(webhookEventTypeLabels),
          admin: { readOnly: true },
        },
        {
          name: 'endpoint',
          type: 'relationship',
          relationTo: slugs.webhookEndpoints,
          required: true,
          label: { zh: '端点', en: 'Endpoint' },
          admin: { readOnly: true },
        },
        {
          name: 'member',
          type: 'relationship',
          relationTo: slugs.members,
          index: true,
          label: { zh: '会员', en: 'Member' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: slugs.webhookEvents,
          required: true,
          label: { zh: '事件', en: 'Event' },
          admin: { readOnly: true },
        },
        {
          name: 'eventId',
          type: 'text',
          required: true,
          label: { zh: '事件 ID（webhook-id）', en: 'Event id (webhook-id)' },
          admin: { readOnly: true },
        },
        {
          name: 'replays',
          type: 'number',
          label: { zh: '重新发送次数', en: 'Replays' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        date('occurredAt', { zh: '事件时间', en: 'Event time' }),
        date('nextAttemptAt', { zh: '下次尝试', en: 'Next attempt' }),
        date('lastAttemptAt', { zh: '最近尝试', en: 'Last attempt' }),
        date('deliveredAt', { zh: '送达时间', en: 'Delivered at' }),
      ],
    },
    date('windowStartedAt', { zh: '重试窗口起点', en: 'Retry window from' }, true),
    date('leaseUntil', { zh: '发送占用至', en: 'Claimed until' }, true),
    { name: 'orderKey', type: 'text', admin: { hidden: true } },
  ],
}
