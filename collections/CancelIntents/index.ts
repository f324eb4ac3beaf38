import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import {
  cancelReasonLabels,
  cancelReasons,
  cancelTextLimit,
} from '../../src/domain/entitlements/cancelIntent'
import { slugs } from '../slugs'

/**
 * Members who said they will not renew (POST /api/members/{id}/cancel-intent; docs/rules.md rule
 * 19): one per member and paid period, written by that operation only. Support reads them on the
 * member page; marketers see only the counts by reason (the retention campaign's stats).
 */
export const CancelIntents: CollectionConfig = {
  slug: slugs.cancelIntents,
  labels: {
    singular: { zh: '不续费意向', en: 'Cancel intent' },
    plural: { zh: '不续费意向', en: 'Cancel intents' },
  },
  access: policy[slugs.cancelIntents],
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['createdAt', 'member', 'reason', 'confirmed', 'periodEnd'],
    group: { zh: '会员', en: 'Members' },
    description: {
      zh: '会员表示不再续费时记录（每个付费周期一条）；确认后在周期结束时关闭自动续费。只读。',
      en: 'Recorded when a member says they will not renew (one per paid period); once confirmed, auto-renew is off at the period end. Read-only.',
    },
  },
  fields: [
    {
      name: 'id',
      type: 'text',
      label: { zh: '编号（会员:周期结束）', en: 'Id (member:period end)' },
      admin: { readOnly: true },
    },
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
          admin: { readOnly: true },
        },
        {
          name: 'reason',
          type: 'select',
          required: true,
          label: { zh: '原因', en: 'Reason' },
          options: cancelReasons.map((value) => ({ value, label: cancelReasonLabels[value] })),
          admin: { readOnly: true },
        },
        {
          name: 'periodEnd',
          type: 'date',
          label: { zh: '周期结束', en: 'Period end' },
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'text',
      type: 'textarea',
      maxLength: cancelTextLimit,
      label: { zh: '会员的说明', en: "The member's words" },
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'tier',
          type: 'relationship',
          relationTo: slugs.tiers,
          label: { zh: '等级', en: 'Tier' },
          admin: { readOnly: true },
        },
        {
          name: 'offerCampaign',
          type: 'relationship',
          relationTo: slugs.campaigns,
          index: true,
          label: { zh: '挽留优惠（活动）', en: 'Retention offer (campaign)' },
          admin: { readOnly: true },
        },
        {
          name: 'offerPrice',
          type: 'number',
          label: { zh: '优惠价（分）', en: 'Offer price (in fen / cents)' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'confirmed',
          type: 'checkbox',
          defaultValue: false,
          label: { zh: '已确认不续费', en: 'Confirmed' },
          admin: { readOnly: true },
        },
        {
          name: 'confirmedAt',
          type: 'date',
          label: { zh: '确认时间', en: 'Confirmed at' },
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'cancellationEvent',
          type: 'text',
          label: { zh: '关闭自动续费的流水', en: 'Ledger event turning auto-renew off' },
          admin: { readOnly: true },
        },
      ],
    },
  ],
}
