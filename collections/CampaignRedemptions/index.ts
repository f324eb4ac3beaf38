import type { CollectionConfig } from 'payload'

import { refuseRedemptionChanges } from '../../hooks/campaign-redemptions/refuseRedemptionChanges'
import { policy } from '../../src/access/policy'
import { billingPeriodLabels, optionsFrom } from '../../src/adapters/labels'
import { campaignKindLabels } from '../../src/adapters/campaignLabels'
import { slugs } from '../slugs'

/**
 * Redemptions of campaigns (append-only): one per accepted order that named a campaign, written by
 * the billing order operation. The id is the order id, so a repeated order redeems once. What a
 * campaign's budget has used (`campaignUsage`) counts these and sums their `discount`.
 */
export const CampaignRedemptions: CollectionConfig = {
  slug: slugs.campaignRedemptions,
  labels: {
    singular: { zh: '活动核销', en: 'Campaign redemption' },
    plural: { zh: '活动核销', en: 'Campaign redemptions' },
  },
  access: policy[slugs.campaignRedemptions],
  defaultSort: '-redeemedAt',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['redeemedAt', 'campaign', 'member', 'kind', 'amountPaid', 'discount'],
    group: { zh: '营销', en: 'Marketing' },
    description: {
      zh: '只能追加：计费系统报送带活动的订单时写入，订单号即记录号。',
      en: 'Append-only: written when billing reports an order that names a campaign; the order id is the record id.',
    },
  },
  hooks: {
    beforeChange: [refuseRedemptionChanges],
    beforeDelete: [refuseRedemptionChanges],
  },
  fields: [
    { name: 'id', type: 'text', label: { zh: '订单号', en: 'Order id' } },
    {
      type: 'row',
      fields: [
        {
          name: 'campaign',
          type: 'relationship',
          relationTo: slugs.campaigns,
          required: true,
          index: true,
          label: { zh: '活动', en: 'Campaign' },
        },
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
          label: { zh: '活动类型', en: 'Campaign kind' },
          options: optionsFrom(campaignKindLabels),
        },
        {
          // Set on a referral reward (id `referral:<order>`): `member` is the referrer rewarded
          // for this member's first paid order.
          name: 'referredMember',
          type: 'relationship',
          relationTo: slugs.members,
          label: { zh: '被推荐的会员（推荐奖励）', en: 'Referred member (referral reward)' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'orderId', type: 'text', required: true, label: { zh: '订单号', en: 'Order id' } },
        {
          name: 'tier',
          type: 'relationship',
          relationTo: slugs.tiers,
          label: { zh: '等级', en: 'Tier' },
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
          name: 'amountPaid',
          type: 'number',
          min: 0,
          required: true,
          label: { zh: '实付（分）', en: 'Amount paid (fen)' },
        },
        {
          name: 'discount',
          type: 'number',
          min: 0,
          required: true,
          label: { zh: '优惠（分）', en: 'Discount (fen)' },
        },
        {
          name: 'bonusDays',
          type: 'number',
          min: 0,
          label: { zh: '赠送天数', en: 'Bonus days' },
        },
        {
          name: 'trialDays',
          type: 'number',
          min: 0,
          label: { zh: '试用天数', en: 'Trial days' },
        },
      ],
    },
    {
      name: 'redeemedAt',
      type: 'date',
      required: true,
      index: true,
      label: { zh: '核销时间', en: 'Redeemed at' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
