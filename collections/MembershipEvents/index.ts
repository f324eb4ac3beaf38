import type { CollectionConfig } from 'payload'

import { applyEventToMember } from '../../hooks/membership-events/applyEventToMember'
import { prepareMembershipEvent } from '../../hooks/membership-events/prepareMembershipEvent'
import { refuseLedgerChanges } from '../../hooks/membership-events/refuseLedgerChanges'
import { validateMembershipEvent } from '../../hooks/membership-events/validateMembershipEvent'
import { policy } from '../../src/access/policy'
import {
  billingPeriodLabels,
  membershipEventTypeLabels,
  optionsFrom,
} from '../../src/adapters/labels'
import { slugs } from '../slugs'

/**
 * The membership ledger (append-only): every purchase, renewal, upgrade, downgrade, cancellation,
 * expiry and grant. A member's membership is what their events imply, replayed in time order.
 * The id is the billing system's order id, so the same order reported twice is recorded once.
 */
export const MembershipEvents: CollectionConfig = {
  slug: slugs.membershipEvents,
  labels: {
    singular: { zh: '会员流水', en: 'Membership event' },
    plural: { zh: '会员流水', en: 'Membership events' },
  },
  access: policy[slugs.membershipEvents],
  defaultSort: '-occurredAt',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['occurredAt', 'type', 'member', 'tier', 'amount', 'id'],
    group: { zh: '会员', en: 'Members' },
    description: {
      zh: '只能追加。客服可记录赠送与取消；购买、续费、升降级由计费系统通过 /api/membership/orders 报送。',
      en: 'Append-only. Support records grants and cancellations; billing reports purchases, renewals, upgrades and downgrades through /api/membership/orders.',
    },
  },
  hooks: {
    beforeValidate: [prepareMembershipEvent],
    beforeChange: [refuseLedgerChanges, validateMembershipEvent],
    afterChange: [applyEventToMember],
    beforeDelete: [refuseLedgerChanges],
  },
  fields: [
    {
      name: 'id',
      type: 'text',
      label: { zh: '订单号 / 流水号', en: 'Order id / event id' },
      admin: {
        description: {
          zh: '计费系统的订单号；留空则自动生成。',
          en: "The billing system's order id; generated when left empty.",
        },
      },
    },
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
          name: 'type',
          type: 'select',
          required: true,
          label: { zh: '类型', en: 'Type' },
          options: optionsFrom(membershipEventTypeLabels),
        },
        {
          name: 'occurredAt',
          type: 'date',
          required: true,
          index: true,
          label: { zh: '发生时间', en: 'Occurred at' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'tier',
          type: 'relationship',
          relationTo: slugs.tiers,
          label: { zh: '等级', en: 'Tier' },
        },
        {
          name: 'planVersion',
          type: 'number',
          label: { zh: '等级版本', en: 'Tier version' },
          admin: { readOnly: true },
        },
        {
          name: 'billingPeriod',
          type: 'select',
          label: { zh: '计费周期', en: 'Billing period' },
          options: optionsFrom(billingPeriodLabels),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'amount',
          type: 'number',
          min: 0,
          label: { zh: '金额（分）', en: 'Amount (in fen / cents)' },
        },
        { name: 'currency', type: 'text', label: { zh: '币种', en: 'Currency' } },
        {
          name: 'credit',
          type: 'number',
          min: 0,
          label: { zh: '升级抵扣（分）', en: 'Upgrade credit (in fen / cents)' },
          admin: {
            readOnly: true,
            condition: (data) => data?.type === 'upgrade',
            description: {
              zh: '升级时按报价抵扣的原周期未用部分（docs/rules.md 第 18 条）；本次付费周期的价值 = 金额 + 抵扣。',
              en: 'The credit for the unused rest of the period replaced, from the quote (docs/rules.md rule 18); the new period was paid amount + credit.',
            },
          },
        },
        {
          name: 'days',
          type: 'number',
          min: 0,
          label: { zh: '天数', en: 'Days' },
          admin: {
            description: {
              zh: '赠送：赠送的天数；续费：额外赠送的天数。',
              en: 'Grant: days granted; renewal: bonus days.',
            },
          },
        },
        {
          name: 'immediate',
          type: 'checkbox',
          label: { zh: '立即终止', en: 'End now' },
          admin: {
            condition: (data) => data?.type === 'cancellation',
            description: {
              zh: '勾选则立即结束（如退款），否则到周期结束。',
              en: 'Ends the membership now (e.g. a refund) instead of at the period end.',
            },
          },
        },
        { name: 'autoRenew', type: 'checkbox', label: { zh: '自动续费', en: 'Auto-renew' } },
      ],
    },
    { name: 'reason', type: 'textarea', label: { zh: '原因 / 备注', en: 'Reason / note' } },
    {
      type: 'row',
      fields: [
        {
          name: 'actor',
          type: 'text',
          label: { zh: '记录人', en: 'Recorded by' },
          admin: { readOnly: true },
        },
        {
          name: 'sequence',
          type: 'number',
          label: { zh: '序号', en: 'Sequence' },
          admin: { readOnly: true, hidden: true },
        },
      ],
    },
  ],
}
