import type { CollectionConfig, DateField, Field, PayloadRequest } from 'payload'

import { auditHooks } from '../../hooks/audit/recordAuditEntry'
import { deriveCampaignStatus } from '../../hooks/campaigns/deriveCampaignStatus'
import { followCampaignTimeZone } from '../../hooks/campaigns/followCampaignTimeZone'
import { reloadLiveCampaigns } from '../../hooks/campaigns/reloadLiveCampaigns'
import { preventCampaignDeletionWithRedemptions } from '../../hooks/campaigns/preventCampaignDeletionWithRedemptions'
import { campaignEndpoints } from '../../src/endpoints/entitlements'
import { refuseUnpublishingStartedCampaign } from '../../hooks/campaigns/refuseUnpublishingStartedCampaign'
import { validateCampaignOnPublish } from '../../hooks/campaigns/validateCampaignOnPublish'
import { explainBulkRefusals } from '../../hooks/shared/explainBulkRefusals'
import { policy } from '../../src/access/policy'
import {
  audienceStatusLabels,
  campaignChannelLabels,
  campaignKindLabels,
  campaignStatusLabels,
  discountKindLabels,
} from '../../src/adapters/campaignLabels'
import { billingPeriodLabels, optionsFrom } from '../../src/adapters/labels'
import { inEditorLanguage } from '../../src/adapters/language'
import { isTimeZone } from '../../src/domain/campaigns/schedule'
import { defaultPerMember } from '../../src/domain/campaigns/types'
import type { Localized } from '../../src/domain/catalogue/types'
import { loadCampaignSettings } from '../../src/operations/campaigns/loadCampaignRules'
import { slugs } from '../slugs'

type Data = Record<string, unknown> | undefined

const discountIs =
  (kind: string) =>
  (_data: Data, siblingData: Data): boolean =>
    siblingData?.kind === kind

const whole = (name: string, label: Localized, extra: Partial<Field> = {}): Field =>
  ({ name, type: 'number', min: 0, label, admin: { step: 1 }, ...extra }) as Field

/** An amount typed in 元 (two decimals), stored as typed and read as 分 by the adapter. */
const yuan = (name: string, label: Localized, description?: Localized): Field => ({
  name,
  type: 'number',
  min: 0,
  label,
  admin: { step: 0.01, ...(description ? { description } : {}) },
})

/**
 * A schedule instant. Stored as an instant; the admin shows and takes it as a wall-clock time in
 * the campaign's zone (Payload's date-field `timezone`, whose hidden `<name>_tz` field follows
 * `schedule.timeZone`, hooks/campaigns/followCampaignTimeZone).
 */
const scheduleDate = (name: string, label: Localized, description?: Localized): DateField => ({
  name,
  type: 'date',
  label,
  timezone: {
    // No picker of its own: the campaign has one zone, `schedule.timeZone`.
    supportedTimezones: [],
    override: ({ baseField }) => ({
      name: baseField.name,
      type: 'text',
      // A new campaign's dates are entered in the platform's zone from the first keystroke: without
      // a zone here, the date picker would take a typed time in the browser's zone instead.
      defaultValue: async ({ req }: { req: PayloadRequest }) =>
        (await loadCampaignSettings(req)).timeZone,
      admin: { hidden: true },
      hooks: { beforeChange: [followCampaignTimeZone] },
    }),
  },
  admin: {
    date: { pickerAppearance: 'dayAndTime', timeIntervals: 15, displayFormat: 'yyyy-MM-dd HH:mm' },
    ...(description ? { description } : {}),
  },
})

/** Marketing campaigns (营销活动): who gets which offer, when; terms freeze once it is live. */
export const Campaigns: CollectionConfig = {
  slug: slugs.campaigns,
  labels: {
    singular: { zh: '营销活动', en: 'Campaign' },
    plural: { zh: '营销活动', en: 'Campaigns' },
  },
  access: policy[slugs.campaigns],
  endpoints: campaignEndpoints,
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  defaultSort: '-updatedAt',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'status', 'schedule.startsAt', 'schedule.endsAt', '_status'],
    group: { zh: '营销', en: 'Marketing' },
    description: {
      zh: '保存草稿不做检查；发布时检查时间、目标等级、价格和额度。活动开始后条款不可更改：只能延后结束、增加预算、修改文案、暂停或结束。',
      en: 'Drafts are not checked; publishing checks the schedule, target tier, prices and bounds. Once it has started its terms do not change: only a later end, a bigger budget, copy edits, pausing or ending.',
    },
  },
  hooks: {
    beforeOperation: [refuseUnpublishingStartedCampaign],
    beforeChange: [validateCampaignOnPublish],
    beforeDelete: [preventCampaignDeletionWithRedemptions],
    afterChange: [...auditHooks.afterChange, reloadLiveCampaigns],
    afterDelete: [...auditHooks.afterDelete, reloadLiveCampaigns],
    afterOperation: [explainBulkRefusals],
  },
  fields: [
    {
      name: 'status',
      type: 'select',
      virtual: true,
      label: { zh: '状态', en: 'Status' },
      options: optionsFrom(campaignStatusLabels),
      hooks: { afterRead: [deriveCampaignStatus] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          zh: '由发布状态、时间和预算推算，不能手动设置。',
          en: 'Worked out from publishing, the schedule and the budget; never set by hand.',
        },
      },
    },
    {
      name: 'controls',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/CampaignControls#CampaignControls' },
      },
    },
    {
      name: 'audiencePreview',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/CampaignAudience#CampaignAudience' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          localized: true,
          label: { zh: '名称', en: 'Name' },
        },
        {
          name: 'slug',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          label: { zh: '标识', en: 'Slug' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: { zh: '类型', en: 'Kind' },
          options: optionsFrom(campaignKindLabels),
        },
      ],
    },
    {
      name: 'schedule',
      type: 'group',
      label: { zh: '时间', en: 'Schedule' },
      admin: {
        description: {
          zh: '按活动时区填写和显示（例如双十一 00:00 Asia/Shanghai 即 UTC 前一天 16:00）。',
          en: "Entered and shown in the campaign's time zone (Singles' Day 00:00 Asia/Shanghai is 16:00 UTC the day before).",
        },
      },
      fields: [
        {
          name: 'timeZone',
          type: 'text',
          // Not `required`: that would make GraphQL demand the whole schedule on every update;
          // the check below refuses an empty zone all the same.
          label: { zh: '时区', en: 'Time zone' },
          defaultValue: async ({ req }: { req: PayloadRequest }) =>
            (await loadCampaignSettings(req)).timeZone,
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            typeof value === 'string' && isTimeZone(value)
              ? true
              : inEditorLanguage(req, {
                  zh: `“${String(value ?? '')}” 不是有效的 IANA 时区，例如 Asia/Shanghai。`,
                  en: `"${String(value ?? '')}" is not an IANA time zone, e.g. Asia/Shanghai.`,
                }),
          admin: {
            description: {
              zh: 'IANA 时区名，默认平台时区；开始后不能更改。',
              en: "An IANA zone name, the platform's by default; it cannot change once the campaign has started.",
            },
          },
        },
        {
          type: 'row',
          fields: [
            scheduleDate('startsAt', { zh: '开始时间', en: 'Starts at' }),
            scheduleDate('endsAt', { zh: '结束时间', en: 'Ends at' }),
          ],
        },
        {
          type: 'row',
          fields: [
            scheduleDate(
              'pausedAt',
              { zh: '暂停于', en: 'Paused at' },
              {
                zh: '填写即暂停，清空即恢复（可用侧栏按钮）。',
                en: 'Set to pause, clear to resume (or use the buttons in the sidebar).',
              },
            ),
            scheduleDate(
              'endedAt',
              { zh: '手动结束于', en: 'Ended at' },
              {
                zh: '填写即提前结束，之后不能撤销。',
                en: 'Set to end it early; this cannot be undone.',
              },
            ),
          ],
        },
      ],
    },
    {
      name: 'terms',
      type: 'group',
      label: { zh: '条款', en: 'Terms' },
      admin: {
        description: {
          zh: '活动开始后，会员可能已按这些条款购买：条款不能再改。如需改动，请结束本活动并新建一个。',
          en: 'Once the campaign has started, members may hold these terms: they cannot change. To change them, end it and start a new campaign.',
        },
      },
      fields: [
        {
          name: 'audience',
          type: 'group',
          label: { zh: '人群', en: 'Audience' },
          admin: {
            description: {
              zh: '所有填写的条件都须满足；留空表示不限。',
              en: 'Every condition that is filled in must hold; empty means any.',
            },
          },
          fields: [
            {
              name: 'tiers',
              type: 'relationship',
              relationTo: slugs.tiers,
              hasMany: true,
              label: { zh: '当前（或到期前）等级', en: 'Tiers held (or lapsed from)' },
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'statuses',
                  type: 'select',
                  hasMany: true,
                  label: { zh: '会员状态', en: 'Membership statuses' },
                  options: optionsFrom(audienceStatusLabels),
                },
                {
                  name: 'billingPeriods',
                  type: 'select',
                  hasMany: true,
                  label: { zh: '当前计费周期', en: 'Billing period held' },
                  options: optionsFrom(billingPeriodLabels),
                },
              ],
            },
            {
              type: 'row',
              fields: [
                whole('periodEndsWithinDays', { zh: 'N 天内到期', en: 'Period ends within days' }),
                whole('lapsedWithinDays', { zh: '到期 N 天内', en: 'Lapsed within days' }),
                whole('joinedWithinDays', { zh: '注册 N 天内', en: 'Joined within days' }),
              ],
            },
            {
              name: 'growthValue',
              type: 'group',
              label: { zh: '成长值', en: 'Growth value' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    whole('min', { zh: '不低于', en: 'At least' }),
                    whole('max', { zh: '不高于', en: 'At most' }),
                  ],
                },
              ],
            },
            whole('excludeRedeemedSameKindWithinDays', {
              zh: '排除 N 天内参加过同类活动的会员',
              en: 'Leave out members who redeemed the same kind within days',
            }),
          ],
        },
        {
          name: 'target',
          type: 'group',
          label: { zh: '目标', en: 'Target' },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'tier',
                  type: 'relationship',
                  relationTo: slugs.tiers,
                  label: { zh: '目标等级', en: 'Target tier' },
                  admin: {
                    description: {
                      zh: '升级、试用、召回必填；续费、挽留留空（会员自己的等级）。',
                      en: "Required for upgrade, trial and win-back; empty for renewal and retention (the member's own tier).",
                    },
                  },
                },
                {
                  name: 'billingPeriods',
                  type: 'select',
                  hasMany: true,
                  label: { zh: '适用计费周期', en: 'Billing periods' },
                  options: optionsFrom(billingPeriodLabels),
                  admin: {
                    description: { zh: '留空表示全部。', en: 'Empty means every period sold.' },
                  },
                },
              ],
            },
          ],
        },
        {
          name: 'offer',
          type: 'group',
          label: { zh: '优惠', en: 'Offer' },
          fields: [
            {
              name: 'discount',
              type: 'group',
              label: { zh: '折扣', en: 'Discount' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'kind',
                      type: 'select',
                      required: true,
                      defaultValue: 'none',
                      label: { zh: '折扣方式', en: 'Discount kind' },
                      options: optionsFrom(discountKindLabels),
                    },
                    whole('percent', { zh: '减免百分比', en: 'Percent off' }, {
                      admin: {
                        step: 1,
                        condition: discountIs('percent_off'),
                        description: { zh: '20 = 8折。', en: '20 = 20 % off.' },
                      },
                    } as Partial<Field>),
                    {
                      ...yuan('amount', { zh: '立减（元）', en: 'Amount off (in yuan)' }),
                      admin: { step: 0.01, condition: discountIs('amount_off') },
                    } as Field,
                    {
                      ...yuan('price', { zh: '活动价（元）', en: 'Price (in yuan)' }),
                      admin: { step: 0.01, condition: discountIs('fixed_price') },
                    } as Field,
                  ],
                },
              ],
            },
            {
              type: 'row',
              fields: [
                whole('bonusDays', { zh: '赠送天数', en: 'Bonus days' }, {
                  defaultValue: 0,
                } as Partial<Field>),
                whole('trialDays', { zh: '试用天数', en: 'Trial days' }, {
                  admin: {
                    step: 1,
                    condition: (data: Data) => data?.kind === 'trial',
                  },
                } as Partial<Field>),
              ],
            },
            {
              name: 'gifts',
              type: 'array',
              label: { zh: '赠品', en: 'Gifts' },
              labels: { singular: { zh: '赠品', en: 'Gift' }, plural: { zh: '赠品', en: 'Gifts' } },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'benefit',
                      type: 'relationship',
                      relationTo: slugs.benefits,
                      required: true,
                      label: { zh: '权益', en: 'Benefit' },
                      filterOptions: { status: { equals: 'active' } },
                    },
                    { name: 'amount', type: 'number', label: { zh: '数量', en: 'Amount' } },
                    whole('validDays', { zh: '有效天数', en: 'Valid for days' }),
                  ],
                },
              ],
            },
          ],
        },
        {
          name: 'budget',
          type: 'group',
          label: { zh: '预算', en: 'Budget' },
          fields: [
            {
              type: 'row',
              fields: [
                whole('totalRedemptions', { zh: '总名额', en: 'Total redemptions' }, {
                  admin: {
                    step: 1,
                    description: { zh: '留空表示不限。', en: 'Empty means unlimited.' },
                  },
                } as Partial<Field>),
                whole('perMember', { zh: '每人限用次数', en: 'Per member' }, {
                  defaultValue: defaultPerMember,
                } as Partial<Field>),
                yuan(
                  'maxDiscount',
                  { zh: '优惠总额上限（元）', en: 'Discount cap (in yuan)' },
                  { zh: '留空表示不限。', en: 'Empty means no cap.' },
                ),
              ],
            },
          ],
        },
        {
          name: 'priority',
          type: 'number',
          defaultValue: 0,
          label: { zh: '优先级', en: 'Priority' },
          admin: {
            step: 1,
            description: {
              zh: '优惠力度相同时，优先级高的活动胜出。',
              en: 'Between offers of equal value, the higher priority wins.',
            },
          },
        },
      ],
    },
    {
      name: 'channels',
      type: 'select',
      hasMany: true,
      label: { zh: '触达渠道', en: 'Channels' },
      options: optionsFrom(campaignChannelLabels),
    },
    {
      name: 'copy',
      type: 'group',
      label: { zh: '文案', en: 'Copy' },
      admin: {
        description: {
          zh: '标题和按钮文字须有中英文；随时可改。',
          en: 'Headline and call to action in Chinese and English; editable at any time.',
        },
      },
      fields: [
        { name: 'headline', type: 'text', localized: true, label: { zh: '标题', en: 'Headline' } },
        { name: 'body', type: 'textarea', localized: true, label: { zh: '正文', en: 'Body' } },
        {
          name: 'callToAction',
          type: 'text',
          localized: true,
          label: { zh: '按钮文字', en: 'Call to action' },
        },
      ],
    },
  ],
}
