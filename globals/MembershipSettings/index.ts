import type { GlobalConfig, PayloadRequest } from 'payload'

import { globalPolicy } from '../../src/access/policy'
import { inEditorLanguage } from '../../src/adapters/language'
import { auditGlobalHooks } from '../../hooks/audit/recordAuditEntry'
import { invalidateCatalogueOnSettings } from '../../hooks/entitlements/invalidateCatalogue'
import { globalSlugs } from '../../collections/slugs'
import { defaultMaximumMonthlyPrice } from '../../src/domain/catalogue/prices'
import {
  defaultMaxBonusDays,
  defaultMaxCampaignDays,
  defaultMaxPercentOff,
  defaultMaxTrialDays,
} from '../../src/domain/campaigns/types'
import { defaultReminderOffsets, defaultWinbackDelays } from '../../src/domain/messages/schedule'

const isTimeZone = (value: unknown): boolean => {
  if (typeof value !== 'string' || !value) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** Platform-wide settings the membership rules read. */
export const MembershipSettings: GlobalConfig = {
  slug: globalSlugs.membershipSettings,
  label: { zh: '会员设置', en: 'Membership settings' },
  access: globalPolicy.membershipSettings,
  admin: { group: { zh: '会员目录', en: 'Catalogue' } },
  hooks: { afterChange: [...auditGlobalHooks.afterChange, invalidateCatalogueOnSettings] },
  fields: [
    {
      name: 'timeZone',
      type: 'text',
      required: true,
      defaultValue: 'Asia/Shanghai',
      label: { zh: '平台时区', en: 'Platform time zone' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        isTimeZone(value)
          ? true
          : inEditorLanguage(req, {
              zh: `“${String(value)}” 不是有效的 IANA 时区，例如 Asia/Shanghai。`,
              en: `"${String(value)}" is not an IANA time zone, e.g. Asia/Shanghai.`,
            }),
      admin: {
        description: {
          zh: '额度按此时区的自然日/周/月重置。',
          en: 'Quotas reset on days, weeks and months in this time zone.',
        },
      },
    },
    {
      name: 'graceDays',
      type: 'number',
      required: true,
      defaultValue: 7,
      min: 0,
      max: 60,
      label: { zh: '续费宽限天数', en: 'Renewal grace days' },
      admin: {
        description: {
          zh: '自动续费未到账时，会员在周期结束后仍保留等级的天数；之后到期并回到入门等级。',
          en: 'Days an auto-renewing member keeps the tier after the period ends while payment is pending; then the membership expires to the entry tier.',
        },
      },
    },
    {
      name: 'quoteValidMinutes',
      type: 'number',
      defaultValue: 15,
      min: 1,
      max: 1440,
      label: { zh: '升级报价有效分钟数', en: 'Upgrade quote valid for (minutes)' },
      admin: {
        step: 1,
        description: {
          zh: '升级报价（含未用完周期的抵扣）在此时间内有效；计费系统的升级订单须在有效期内带上报价 ID（docs/rules.md 第 18 条）。',
          en: 'How long an upgrade quote (with the credit for the unused period) holds; an upgrade order from billing must carry a quote id still valid (docs/rules.md rule 18).',
        },
      },
    },
    {
      name: 'maximumMonthlyPrice',
      type: 'number',
      defaultValue: defaultMaximumMonthlyPrice / 100,
      min: 1,
      label: { zh: '每月价格上限（元）', en: 'Maximum price per month (in yuan)' },
      admin: {
        step: 1,
        description: {
          zh: '发布等级时，任何价格折合每月不得超过此金额（防止把“分”当“元”填写）；确需更高时，在等级上填写“价格例外原因”。',
          en: 'When a tier is published, no price may come to more than this per month (it catches fen typed as yuan); for a deliberate exception, write a price exception reason on the tier.',
        },
      },
    },
    {
      type: 'collapsible',
      label: { zh: '营销活动上限', en: 'Campaign bounds' },
      admin: {
        description: {
          zh: '发布营销活动时检查（docs/rules.md 第 15 条）。',
          en: 'Checked when a campaign is published (docs/rules.md rule 15).',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'maxCampaignDays',
              type: 'number',
              defaultValue: defaultMaxCampaignDays,
              min: 1,
              label: { zh: '活动最长天数', en: 'Longest campaign (days)' },
              admin: { step: 1 },
            },
            {
              name: 'maxPercentOff',
              type: 'number',
              defaultValue: defaultMaxPercentOff,
              min: 1,
              max: 100,
              label: { zh: '最大减免百分比', en: 'Largest percent off' },
              admin: { step: 1 },
            },
            {
              name: 'maxBonusDays',
              type: 'number',
              defaultValue: defaultMaxBonusDays,
              min: 0,
              label: { zh: '最多赠送天数', en: 'Most bonus days' },
              admin: { step: 1 },
            },
            {
              name: 'maxTrialDays',
              type: 'number',
              defaultValue: defaultMaxTrialDays,
              min: 1,
              label: { zh: '最长试用天数', en: 'Longest trial (days)' },
              admin: { step: 1 },
            },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: { zh: '续费提醒与会员消息', en: 'Renewal reminders and member messages' },
      admin: {
        description: {
          zh: '到期前按这些天数各发一次续费提醒（docs/rules.md 第 24 条）；错过的提醒只补发最近的一次。',
          en: 'A renewal reminder goes once at each of these days before the period ends (docs/rules.md rule 24); missed reminders are caught up once, with the latest.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'reminderOffsets',
              type: 'number',
              hasMany: true,
              min: 1,
              max: 90,
              defaultValue: [...defaultReminderOffsets],
              label: { zh: '提前提醒天数', en: 'Remind days before the end' },
            },
            {
              name: 'winbackDelays',
              type: 'number',
              hasMany: true,
              min: 1,
              max: 365,
              defaultValue: [...defaultWinbackDelays],
              label: { zh: '到期后召回天数', en: 'Win-back days after lapsing' },
            },
            {
              name: 'messageChannels',
              type: 'select',
              hasMany: true,
              defaultValue: ['email', 'in-app'],
              label: { zh: '发送渠道', en: 'Channels' },
              options: [
                { value: 'email', label: { zh: '邮件', en: 'Email' } },
                { value: 'in-app', label: { zh: '站内信', en: 'In-app' } },
                {
                  value: 'sms',
                  label: {
                    zh: '短信（未接入，记录为未发送）',
                    en: 'SMS (no provider: recorded as not sent)',
                  },
                },
              ],
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'autoRenewNotice',
              type: 'checkbox',
              defaultValue: true,
              label: {
                zh: '自动续费会员改发“将于某日续费”通知',
                en: 'Auto-renewing members get a "we will renew on D" notice instead',
              },
            },
            {
              name: 'renewalLink',
              type: 'text',
              label: { zh: '续费页面链接', en: 'Renewal page link' },
              admin: {
                description: {
                  zh: '消息中的按钮链接，例如 https://edu.example/membership',
                  en: 'The button link in messages, e.g. https://edu.example/membership',
                },
              },
            },
          ],
        },
      ],
    },
    {
      name: 'currency',
      type: 'select',
      required: true,
      defaultValue: 'CNY',
      label: { zh: '币种', en: 'Currency' },
      options: [
        { value: 'CNY', label: { zh: '人民币 CNY', en: 'Chinese yuan (CNY)' } },
        { value: 'USD', label: { zh: '美元 USD', en: 'US dollar (USD)' } },
        { value: 'HKD', label: { zh: '港币 HKD', en: 'Hong Kong dollar (HKD)' } },
      ],
    },
  ],
}
