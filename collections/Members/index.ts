import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import { memberEndpoints } from '../../src/endpoints/entitlements'
import { assignReferralCode } from '../../hooks/members/assignReferralCode'
import { rememberMemberChange, forgetMember } from '../../hooks/members/refreshMemberInStore'
import { fieldPolicy, policy } from '../../src/access/policy'
import { billingPeriodLabels, membershipStatusLabels, optionsFrom } from '../../src/adapters/labels'
import { inEditorLanguage } from '../../src/adapters/language'
import { isExternalId } from '../../src/adapters/memberRef'
import { slugs } from '../slugs'
import { contactField } from './contact'

/** Written by the ledger (membership events) only; shown read-only to staff. */
const ledgerOwned = (field: Field): Field =>
  ({
    ...field,
    access: fieldPolicy.ledgerOwned,
    admin: { ...('admin' in field ? field.admin : {}), readOnly: true },
  }) as Field

/** Written by the referral programme only (src/operations/campaigns/referral.ts); read-only. */
const referralOwned = (field: Field): Field =>
  ({
    ...field,
    access: fieldPolicy.ledgerOwned,
    admin: { ...('admin' in field ? field.admin : {}), readOnly: true },
  }) as Field

/**
 * A learner of the platform (personal data). `externalId` is the platform's own user id; every
 * member endpoint accepts it or Payload's id. The membership fields are a cache of what the
 * member's ledger implies (see membership-events), never edited directly.
 */
export const Members: CollectionConfig = {
  slug: slugs.members,
  labels: {
    singular: { zh: '会员', en: 'Member' },
    plural: { zh: '会员', en: 'Members' },
  },
  access: policy[slugs.members],
  admin: {
    useAsTitle: 'externalId',
    defaultColumns: ['externalId', 'displayName', 'tier', 'status', 'periodEnd'],
    group: { zh: '会员', en: 'Members' },
    listSearchableFields: ['externalId', 'displayName'],
    description: {
      zh: '会员状态由会员流水（订单、赠送、到期）决定；在“会员流水”中追加记录来改变它。',
      en: 'Membership state follows the ledger (orders, grants, expiry); append to Membership events to change it.',
    },
  },
  endpoints: memberEndpoints,
  hooks: {
    afterChange: [assignReferralCode, rememberMemberChange],
    afterDelete: [forgetMember],
  },
  fields: [
    {
      name: 'entitlementsNow',
      type: 'ui',
      admin: { components: { Field: '/components/MemberEntitlements#MemberEntitlements' } },
    },
    {
      name: 'messagesSent',
      type: 'ui',
      admin: { components: { Field: '/components/MemberMessages#MemberMessages' } },
    },
    {
      name: 'cancelIntents',
      type: 'ui',
      label: { zh: '不续费意向', en: 'Cancel intents' },
      admin: { components: { Field: '/components/MemberCancelIntents#MemberCancelIntents' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'externalId',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          label: { zh: '平台用户 ID', en: 'Platform user id' },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            isExternalId(value)
              ? true
              : inEditorLanguage(req, {
                  zh: '平台用户 ID 须为 1–128 位字母、数字或 _ . : @ -。',
                  en: 'A platform user id is 1–128 letters, digits or _ . : @ -.',
                }),
        },
        { name: 'displayName', type: 'text', label: { zh: '昵称', en: 'Display name' } },
      ],
    },
    {
      type: 'collapsible',
      label: { zh: '当前会员（由流水决定）', en: 'Current membership (from the ledger)' },
      fields: [
        {
          type: 'row',
          fields: [
            ledgerOwned({
              name: 'tier',
              type: 'relationship',
              relationTo: slugs.tiers,
              label: { zh: '等级', en: 'Tier' },
            }),
            ledgerOwned({
              name: 'planVersion',
              type: 'number',
              label: { zh: '所购版本', en: 'Version paid for' },
            }),
            ledgerOwned({
              name: 'status',
              type: 'select',
              defaultValue: 'active',
              index: true,
              label: { zh: '状态', en: 'Status' },
              options: optionsFrom(membershipStatusLabels),
            }),
          ],
        },
        {
          type: 'row',
          fields: [
            ledgerOwned({
              name: 'billingPeriod',
              type: 'select',
              label: { zh: '计费周期', en: 'Billing period' },
              options: optionsFrom(billingPeriodLabels),
            }),
            ledgerOwned({
              name: 'periodStart',
              type: 'date',
              label: { zh: '周期开始', en: 'Period start' },
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            }),
            ledgerOwned({
              name: 'periodEnd',
              type: 'date',
              label: { zh: '周期结束', en: 'Period end' },
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            }),
            ledgerOwned({
              name: 'autoRenew',
              type: 'checkbox',
              defaultValue: false,
              label: { zh: '自动续费', en: 'Auto-renew' },
            }),
          ],
        },
        ledgerOwned({
          name: 'pendingChange',
          type: 'group',
          label: { zh: '待生效的降级', en: 'Scheduled downgrade' },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'tier',
                  type: 'relationship',
                  relationTo: slugs.tiers,
                  label: { zh: '降至', en: 'To tier' },
                },
                { name: 'planVersion', type: 'number', label: { zh: '版本', en: 'Version' } },
                {
                  name: 'billingPeriod',
                  type: 'select',
                  label: { zh: '计费周期', en: 'Billing period' },
                  options: optionsFrom(billingPeriodLabels),
                },
                {
                  name: 'effectiveAt',
                  type: 'date',
                  label: { zh: '生效时间', en: 'Takes effect' },
                },
                { name: 'orderId', type: 'text', label: { zh: '订单号', en: 'Order id' } },
              ],
            },
          ],
        }),
        ledgerOwned({
          name: 'trial',
          type: 'group',
          label: { zh: '试用中', en: 'On trial' },
          admin: {
            description: {
              zh: '试用期间会员享有试用等级；试用结束后回到上面的会员（付费购买或升级即转正）。',
              en: 'During a trial the member holds the trial tier; afterwards they are back on the membership above (a paid purchase or upgrade converts it).',
            },
          },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'tier',
                  type: 'relationship',
                  relationTo: slugs.tiers,
                  label: { zh: '试用等级', en: 'Trial tier' },
                },
                { name: 'planVersion', type: 'number', label: { zh: '版本', en: 'Version' } },
                {
                  name: 'startsAt',
                  type: 'date',
                  label: { zh: '开始', en: 'Starts' },
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
                },
                {
                  name: 'endsAt',
                  type: 'date',
                  label: { zh: '结束', en: 'Ends' },
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
                },
                { name: 'orderId', type: 'text', label: { zh: '订单号', en: 'Order id' } },
              ],
            },
          ],
        }),
        ledgerOwned({
          name: 'eventCount',
          type: 'number',
          defaultValue: 0,
          label: { zh: '已计入的流水条数', en: 'Ledger events applied' },
        }),
        ledgerOwned({
          name: 'ledger',
          type: 'json',
          label: { zh: '流水记录 ID', en: 'Ledger event ids' },
          admin: { hidden: true },
        }),
        // How many of those ids have their webhook events in the outbox (docs/webhooks.md).
        ledgerOwned({
          name: 'webhooksThrough',
          type: 'number',
          label: { zh: '已生成 Webhook 的流水数', en: 'Ledger events with webhooks' },
          admin: { hidden: true },
        }),
      ],
    },
    contactField,
    {
      name: 'growthPoints',
      type: 'number',
      defaultValue: 0,
      min: 0,
      label: { zh: '成长值', en: 'Growth points' },
    },
    {
      type: 'collapsible',
      label: { zh: '推荐（老带新）', en: 'Referral' },
      admin: {
        description: {
          zh: '推荐码在创建会员时生成，永不改变；推荐关系只能记录一次（docs/rules.md 第 16 条）。',
          en: 'The referral code is generated when the member is created and never changes; a referral is recorded once (docs/rules.md rule 16).',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            // Unique by a claim document per code, not by a unique index (docs/database.md).
            referralOwned({
              name: 'referralCode',
              type: 'text',
              index: true,
              label: { zh: '推荐码', en: 'Referral code' },
            }),
            referralOwned({
              name: 'referredBy',
              type: 'relationship',
              relationTo: slugs.members,
              label: { zh: '推荐人', en: 'Referred by' },
            }),
            referralOwned({
              name: 'referredAt',
              type: 'date',
              label: { zh: '推荐记录时间', en: 'Referred at' },
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            }),
            referralOwned({
              name: 'firstPaidOrder',
              type: 'text',
              label: { zh: '首个付费订单', en: 'First paid order' },
            }),
          ],
        },
      ],
    },
    {
      name: 'webhookEvents',
      type: 'ui',
      admin: { components: { Field: '/components/MemberWebhooks#MemberWebhooks' } },
    },
  ],
}
