import type { CollectionConfig } from 'payload'

import { auditHooks } from '../../hooks/audit/recordAuditEntry'
import { prepareWebhookEndpoint } from '../../hooks/webhook-endpoints/prepareWebhookEndpoint'
import { policy } from '../../src/access/policy'
import { optionsFrom } from '../../src/adapters/labels'
import { webhookEventTypeLabels, webhooksGroup } from '../../src/adapters/webhookLabels'
import { slugs } from '../slugs'

const machineOnly = { create: () => false, update: () => false }

/**
 * Where webhooks go (docs/webhooks.md): a URL, the events it takes, and the Standard Webhooks
 * secret its deliveries are signed with (generated on create, shown to administrators, never in
 * logs or audit entries). Refused targets and the three-day disable: docs/rules.md rules 20 and 20.
 */
export const WebhookEndpoints: CollectionConfig = {
  slug: slugs.webhookEndpoints,
  labels: {
    singular: { zh: 'Webhook 端点', en: 'Webhook endpoint' },
    plural: { zh: 'Webhook 端点', en: 'Webhook endpoints' },
  },
  access: policy[slugs.webhookEndpoints],
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'active', 'disabledAt', 'lastSuccessAt'],
    group: webhooksGroup,
    description: {
      zh: '每个事件以 Standard Webhooks 规范签名（webhook-id、webhook-timestamp、webhook-signature）发送到订阅它的启用端点；失败按指数退避重试最多 3 天。',
      en: 'Each event is sent, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), to every active endpoint subscribed to it; failures are retried with exponential backoff for up to 3 days.',
    },
  },
  hooks: {
    beforeChange: [prepareWebhookEndpoint],
    afterChange: auditHooks.afterChange,
    afterDelete: auditHooks.afterDelete,
  },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: { zh: '接收地址（URL）', en: 'URL' },
      admin: {
        description: {
          zh: '须为 https 公网地址；内网、本机、链路本地与云元数据地址会被拒绝。',
          en: 'A public https address; private, loopback, link-local and metadata addresses are refused.',
        },
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: { zh: '订阅事件', en: 'Events' },
      options: optionsFrom(webhookEventTypeLabels),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'active',
          type: 'checkbox',
          defaultValue: true,
          label: { zh: '启用', en: 'Active' },
          admin: {
            description: {
              zh: '停用后不再发送；重新启用后，排队的事件按顺序继续发送。',
              en: 'While off nothing is sent; turned back on, queued events continue in order.',
            },
          },
        },
        {
          name: 'includePersonalData',
          type: 'checkbox',
          defaultValue: false,
          label: { zh: '包含个人信息', en: 'Include personal data' },
          admin: {
            description: {
              zh: '勾选后事件正文包含会员的邮箱和手机号（contact.email / contact.phone）；默认只含会员 ID。',
              en: "Adds the member's email and phone (contact.email / contact.phone) to event bodies; by default bodies carry member ids only.",
            },
          },
        },
      ],
    },
    {
      name: 'secret',
      type: 'text',
      label: { zh: '签名密钥', en: 'Signing secret' },
      access: machineOnly,
      // Never in an audit entry (docs/rules.md rule 12): the diff leaves out fields marked so.
      custom: { auditSecret: true },
      admin: {
        readOnly: true,
        description: {
          zh: '创建时生成（whsec_…）。接收方用它按 Standard Webhooks 验证签名；请勿外传。',
          en: 'Generated on create (whsec_…). Receivers verify signatures with it per Standard Webhooks; keep it secret.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'disabledAt',
          type: 'date',
          label: { zh: '自动停用于', en: 'Disabled at' },
          access: { create: () => false },
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'lastSuccessAt',
          type: 'date',
          label: { zh: '最近成功送达', en: 'Last delivered' },
          access: machineOnly,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'disabledReason',
      type: 'textarea',
      label: { zh: '停用原因', en: 'Disabled because' },
      access: { create: () => false },
      admin: { readOnly: true },
    },
  ],
}
