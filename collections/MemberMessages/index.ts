import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import {
  deliveryStatuses,
  messageChannels,
  messageKindLabels,
  messageKinds,
  messageStateLabels,
  messageStates,
  notSentReasons,
} from '../../src/domain/messages/types'
import { slugs } from '../slugs'

/**
 * Every message the renewal lifecycle sends a member (docs/messages.md): the in-app inbox entry
 * (title, body, offer, link, read) and, per channel, what happened to it (sent, failed, or not sent
 * and why). Its id is derived from the key `<kind>:<member>:<period end>[:<step>]`; it is inserted
 * once the message's channels are settled, after a claim in `message-claims` (so a message is
 * sent once however many runners run). Written by the message job only; read by support and
 * admins; the member reads their own inbox through `/api/members/{id}/messages`.
 */
export const MemberMessages: CollectionConfig = {
  slug: slugs.memberMessages,
  labels: {
    singular: { zh: '会员消息', en: 'Member message' },
    plural: { zh: '会员消息', en: 'Member messages' },
  },
  access: policy[slugs.memberMessages],
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['createdAt', 'member', 'kind', 'title', 'state', 'readAt'],
    group: { zh: '会员', en: 'Members' },
    description: {
      zh: '续费提醒、到期与召回等消息，以及各渠道的发送结果。由系统写入，不可编辑。',
      en: 'Renewal reminders, expiry and win-back messages, with what happened on each channel. Written by the system; not editable.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'member',
          type: 'relationship',
          relationTo: slugs.members,
          required: true,
          index: true,
          label: { zh: '会员', en: 'Member' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: { zh: '类型', en: 'Kind' },
          options: messageKinds.map((kind) => ({ value: kind, label: messageKindLabels[kind] })),
        },
        {
          name: 'state',
          type: 'select',
          label: { zh: '状态', en: 'State' },
          options: messageStates.map((value) => ({ value, label: messageStateLabels[value] })),
        },
      ],
    },
    { name: 'key', type: 'text', label: { zh: '消息键', en: 'Message key' } },
    { name: 'title', type: 'text', label: { zh: '标题', en: 'Title' } },
    { name: 'body', type: 'textarea', label: { zh: '正文', en: 'Body' } },
    { name: 'offer', type: 'json', label: { zh: '优惠', en: 'Offer' } },
    { name: 'link', type: 'text', label: { zh: '链接', en: 'Link' } },
    {
      type: 'row',
      fields: [
        {
          name: 'inbox',
          type: 'checkbox',
          label: { zh: '在站内信中显示', en: 'Shown in the inbox' },
        },
        { name: 'readAt', type: 'date', label: { zh: '已读时间', en: 'Read at' } },
        { name: 'periodEnd', type: 'date', label: { zh: '周期结束', en: 'Period end' } },
        { name: 'step', type: 'number', label: { zh: '天数', en: 'Days' } },
        { name: 'language', type: 'text', label: { zh: '语言', en: 'Language' } },
      ],
    },
    {
      name: 'deliveries',
      type: 'array',
      label: { zh: '发送记录', en: 'Deliveries' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'channel',
              type: 'select',
              label: { zh: '渠道', en: 'Channel' },
              options: messageChannels.map((value) => ({ value, label: value })),
            },
            {
              name: 'status',
              type: 'select',
              label: { zh: '结果', en: 'Status' },
              options: deliveryStatuses.map((value) => ({ value, label: value })),
            },
            {
              name: 'reason',
              type: 'select',
              label: { zh: '未发送原因', en: 'Not sent because' },
              options: notSentReasons.map((value) => ({ value, label: value })),
            },
            { name: 'error', type: 'text', label: { zh: '错误', en: 'Error' } },
            { name: 'at', type: 'date', label: { zh: '时间', en: 'At' } },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'attempts', type: 'number', label: { zh: '尝试次数', en: 'Attempts' } },
        { name: 'sentAt', type: 'date', label: { zh: '完成时间', en: 'Done at' } },
      ],
    },
  ],
}
