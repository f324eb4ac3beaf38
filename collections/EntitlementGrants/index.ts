import type { CollectionConfig } from 'payload'

import { auditHooks } from '../../hooks/audit/recordAuditEntry'
import { refreshGrantedMember } from '../../hooks/entitlement-grants/refreshGrantedMember'
import { validateGrant } from '../../hooks/entitlement-grants/validateGrant'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'
import { benefitValueRow } from '../shared/benefitValueFields'

/**
 * Support gives a member a benefit value for a time window, with a reason (compensation, a
 * goodwill gesture). The most generous source wins; answers name the grant as the source.
 */
export const EntitlementGrants: CollectionConfig = {
  slug: slugs.entitlementGrants,
  labels: {
    singular: { zh: '权益赠送', en: 'Entitlement grant' },
    plural: { zh: '权益赠送', en: 'Entitlement grants' },
  },
  access: policy[slugs.entitlementGrants],
  defaultSort: '-startsAt',
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['member', 'benefit', 'startsAt', 'endsAt', 'reason', 'grantedBy'],
    group: { zh: '会员', en: 'Members' },
    description: {
      zh: '填写与该权益类型对应的值（如额度填“数量”）。提前结束请把结束时间改为现在。',
      en: 'Fill the input that matches the benefit (e.g. Amount for a quota). To end a grant early, set its end to now.',
    },
  },
  hooks: {
    beforeChange: [validateGrant],
    afterChange: [refreshGrantedMember, ...auditHooks.afterChange],
    afterDelete: [refreshGrantedMember, ...auditHooks.afterDelete],
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
          label: { zh: '会员', en: 'Member' },
        },
        {
          name: 'benefit',
          type: 'relationship',
          relationTo: slugs.benefits,
          required: true,
          label: { zh: '权益', en: 'Benefit' },
          filterOptions: { status: { equals: 'active' } },
        },
      ],
    },
    benefitValueRow,
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          label: { zh: '开始', en: 'Starts' },
          defaultValue: () => new Date().toISOString(),
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          label: { zh: '结束', en: 'Ends' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'reason',
      type: 'textarea',
      required: true,
      label: { zh: '原因', en: 'Reason' },
      admin: {
        description: {
          zh: '会员或客服能看懂的原因，例如“直播故障补偿”。',
          en: 'A reason a member or colleague understands, e.g. "Compensation for the live-class outage".',
        },
      },
    },
    {
      name: 'grantedBy',
      type: 'text',
      label: { zh: '操作人', en: 'Granted by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
