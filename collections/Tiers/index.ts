import type { CollectionConfig, PayloadRequest, Where } from 'payload'

import { catalogueChangeHooks } from '../../hooks/entitlements/invalidateCatalogue'
import { recordTierVersionOnPublish } from '../../hooks/tiers/recordTierVersionOnPublish'
import { preventTierDeletionWithMembers } from '../../hooks/tiers/preventTierDeletionWithMembers'
import { preventTierDeletionBreakingLadder } from '../../hooks/tiers/preventTierDeletionBreakingLadder'
import { validateSuccessorTier } from '../../hooks/tiers/validateSuccessorTier'
import { preventTierArchiveWhileCampaignsTarget } from '../../hooks/tiers/preventTierArchiveWhileCampaignsTarget'
import { preventTierDeletionWhileCampaignsTarget } from '../../hooks/tiers/preventTierDeletionWhileCampaignsTarget'
import { validateTierOnPublish } from '../../hooks/tiers/validateTierOnPublish'
import { explainBulkRefusals } from '../../hooks/shared/explainBulkRefusals'
import { fieldPolicy, policy } from '../../src/access/policy'
import { publishImpactEndpoint } from '../../src/endpoints/entitlements'
import { inEditorLanguage } from '../../src/adapters/language'
import { billingPeriodLabels, optionsFrom, tierKindLabels } from '../../src/adapters/labels'
import { nameAndDescriptionFields } from '../shared/localizedText'
import { archiveStatusField } from '../shared/archiveStatus'
import { benefitValueRow } from '../shared/benefitValueFields'
import { slugs } from '../slugs'

const price = (name: string, label: { zh: string; en: string }) =>
  ({ name, type: 'number', required: true, min: 0, label, admin: { step: 0.01 } }) as const

/** The membership ladder (会员等级): what each level costs and grants. Published changes reach members. */
export const Tiers: CollectionConfig = {
  slug: slugs.tiers,
  labels: {
    singular: { zh: '会员等级', en: 'Tier' },
    plural: { zh: '会员等级', en: 'Tiers' },
  },
  access: policy[slugs.tiers],
  endpoints: [publishImpactEndpoint],
  defaultSort: 'rank',
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['rank', 'name', 'kind', 'slug', '_status', 'status'],
    group: { zh: '会员目录', en: 'Catalogue' },
    description: {
      zh: '保存草稿不做检查；发布时检查整条等级阶梯（高等级不得少于低等级，相邻等级必须有差异）。',
      en: 'Drafts are not checked; publishing checks the whole ladder (a higher tier never grants less, adjacent tiers differ).',
    },
  },
  hooks: {
    beforeChange: [
      validateSuccessorTier,
      preventTierArchiveWhileCampaignsTarget,
      validateTierOnPublish,
    ],
    beforeDelete: [
      preventTierDeletionWithMembers,
      preventTierDeletionWhileCampaignsTarget,
      preventTierDeletionBreakingLadder,
    ],
    afterChange: [recordTierVersionOnPublish, ...catalogueChangeHooks.afterChange],
    afterDelete: catalogueChangeHooks.afterDelete,
    afterOperation: [explainBulkRefusals],
  },
  fields: [
    {
      name: 'publishImpact',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/PublishImpact#PublishImpact' },
      },
    },
    ...nameAndDescriptionFields,
    {
      type: 'row',
      fields: [
        {
          name: 'slug',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          label: { zh: '标识', en: 'Slug' },
        },
        {
          name: 'rank',
          type: 'number',
          required: true,
          min: 0,
          label: { zh: '等级序号', en: 'Rank' },
          admin: {
            description: {
              zh: '越大越高；入门等级最低。',
              en: 'Higher is better; the entry tier is lowest.',
            },
          },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'paid',
          label: { zh: '类型', en: 'Kind' },
          options: optionsFrom(tierKindLabels),
        },
      ],
    },
    {
      name: 'prices',
      type: 'array',
      label: { zh: '价格（元）', en: 'Prices (in yuan)' },
      labels: { singular: { zh: '价格', en: 'Price' }, plural: { zh: '价格', en: 'Prices' } },
      admin: { condition: (data) => data?.kind === 'paid' || data?.kind === 'growth' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'period',
              type: 'select',
              required: true,
              label: { zh: '计费周期', en: 'Billing period' },
              options: optionsFrom(billingPeriodLabels),
            },
            price('listPrice', { zh: '原价', en: 'List price' }),
            price('sellingPrice', { zh: '售价', en: 'Selling price' }),
          ],
        },
      ],
    },
    {
      name: 'priceExceptionReason',
      type: 'textarea',
      label: { zh: '价格例外原因', en: 'Price exception reason' },
      access: fieldPolicy.internalNote,
      admin: {
        condition: (data) => data?.kind === 'paid' || data?.kind === 'growth',
        description: {
          zh: '只有当价格故意超出每月上限、长周期折合每月更贵，或不高于更低等级时填写；会被记录。',
          en: 'Only when a price deliberately exceeds the monthly maximum, costs more per month over a longer period, or is not above a lower tier; it is recorded.',
        },
      },
    },
    {
      name: 'growth',
      type: 'group',
      label: { zh: '成长值门槛', en: 'Growth thresholds' },
      admin: { condition: (data) => data?.kind === 'growth' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'reach', type: 'number', min: 0, label: { zh: '升级门槛', en: 'Reach' } },
            { name: 'keep', type: 'number', min: 0, label: { zh: '保级门槛', en: 'Keep' } },
          ],
        },
      ],
    },
    {
      name: 'benefits',
      type: 'array',
      label: { zh: '权益', en: 'Benefits' },
      labels: { singular: { zh: '权益', en: 'Benefit' }, plural: { zh: '权益', en: 'Benefits' } },
      admin: {
        description: {
          zh: '有/无型勾选“包含”；额度、上限、时长填“数量”（或勾选“不限”）；等级型填等级键；折扣填百分比（20 = 8折）。',
          en: 'On/off: tick "Included"; quota, limit, duration: fill "Amount" (or tick "Unlimited"); level: the level key; discount: the percent off (20 = 20% off).',
        },
      },
      fields: [
        {
          name: 'benefit',
          type: 'relationship',
          relationTo: slugs.benefits,
          required: true,
          label: { zh: '权益', en: 'Benefit' },
          filterOptions: { status: { equals: 'active' } },
        },
        benefitValueRow,
        {
          name: 'exceptionReason',
          type: 'textarea',
          label: { zh: '例外原因', en: 'Exception reason' },
          access: fieldPolicy.internalNote,
          admin: {
            description: {
              zh: '只有当此行故意低于更低等级（或高于更高等级）时填写；会被记录。',
              en: 'Only when this row deliberately grants less than a lower tier (or more than a higher one); it is recorded.',
            },
          },
        },
      ],
    },
    {
      name: 'accessTiers',
      type: 'relationship',
      relationTo: slugs.courseAccessTiers,
      hasMany: true,
      label: { zh: '开放的课程层级', en: 'Course-access tiers opened' },
    },
    {
      name: 'accessExceptionReason',
      type: 'textarea',
      label: { zh: '课程层级例外原因', en: 'Course-access exception reason' },
      access: fieldPolicy.internalNote,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'badge',
          type: 'upload',
          relationTo: slugs.media,
          label: { zh: '徽章', en: 'Badge' },
        },
        {
          name: 'colour',
          type: 'text',
          label: { zh: '主题色', en: 'Colour' },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            value === undefined ||
            value === null ||
            value === '' ||
            /^#[0-9a-fA-F]{6}$/.test(String(value))
              ? true
              : inEditorLanguage(req, {
                  zh: '请填写 #RRGGBB 格式的颜色，例如 #FBBF24。',
                  en: 'Use a #RRGGBB colour, e.g. #FBBF24.',
                }),
        },
      ],
    },
    archiveStatusField,
    {
      name: 'successorTier',
      type: 'relationship',
      relationTo: slugs.tiers,
      label: { zh: '归档后会员转入', en: 'Members move to' },
      // The picker offers live tiers only; validateSuccessorTier explains any other choice.
      filterOptions: ({ id }): Where => {
        const live: Where[] = [
          { status: { not_equals: 'archived' } },
          { _status: { equals: 'published' } },
        ]
        return { and: id === undefined ? live : [...live, { id: { not_equals: id } }] }
      },
      admin: {
        position: 'sidebar',
        condition: (data) => data?.status === 'archived',
        description: {
          zh: '归档等级的会员在当前周期结束后转入此等级：须是另一个已发布、未归档且不低于它的等级。',
          en: 'Members of an archived tier move here when their period ends: another published, non-archived tier not ranked below it.',
        },
      },
    },
  ],
}
