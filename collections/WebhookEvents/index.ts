import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { optionsFrom } from '../../src/adapters/labels'
import { webhookEventTypeLabels, webhooksGroup } from '../../src/adapters/webhookLabels'
import { slugs } from '../slugs'

/**
 * The webhook outbox (docs/webhooks.md): one document per event, written by
 * `recordWebhookEvent` with a `_id` derived from the event type and the change that caused it, so
 * a retried change records nothing new. Bodies hold ids, never contact details.
 */
export const WebhookEvents: CollectionConfig = {
  slug: slugs.webhookEvents,
  labels: {
    singular: { zh: 'Webhook 事件', en: 'Webhook event' },
    plural: { zh: 'Webhook 事件', en: 'Webhook events' },
  },
  access: policy[slugs.webhookEvents],
  defaultSort: '-occurredAt',
  admin: {
    useAsTitle: 'eventId',
    defaultColumns: ['occurredAt', 'type', 'member', 'eventId'],
    group: webhooksGroup,
    description: {
      zh: '只读：事件在会员变化时写入，事件 ID 由变化本身决定，重试不会重复写入。',
      en: 'Read-only: written with the change that caused it; the event id follows from that change, so a retry writes nothing new.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'eventId', type: 'text', required: true, label: { zh: '事件 ID', en: 'Event id' } },
        {
          name: 'type',
          type: 'select',
          required: true,
          label: { zh: '事件类型', en: 'Type' },
          options: optionsFrom(webhookEventTypeLabels),
        },
        {
          name: 'occurredAt',
          type: 'date',
          required: true,
          label: { zh: '发生时间', en: 'Occurred at' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'member',
          type: 'relationship',
          relationTo: slugs.members,
          index: true,
          label: { zh: '会员', en: 'Member' },
        },
        { name: 'subjectId', type: 'text', label: { zh: '来源记录', en: 'Caused by' } },
        {
          name: 'orderKey',
          type: 'text',
          label: { zh: '顺序', en: 'Order' },
          admin: { hidden: true },
        },
      ],
    },
    { name: 'data', type: 'json', label: { zh: '事件内容', en: 'Data' } },
  ],
}
