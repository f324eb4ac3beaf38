// Admin labels for campaign choices (kinds, statuses, channels, discounts), in zh and en.
import type { Localized } from '../domain/catalogue/types'
import type {
  AudienceStatus,
  CampaignChannel,
  CampaignKind,
  CampaignStatus,
  DiscountKind,
} from '../domain/campaigns/types'

export const campaignKindLabels: Record<CampaignKind, Localized> = {
  upgrade: { zh: '升级', en: 'Upgrade' },
  renewal: { zh: '续费', en: 'Renewal' },
  retention: { zh: '挽留', en: 'Retention' },
  winback: { zh: '召回', en: 'Win-back' },
  trial: { zh: '试用', en: 'Trial' },
  referral: { zh: '推荐', en: 'Referral' },
}

export const campaignStatusLabels: Record<CampaignStatus, Localized> = {
  draft: { zh: '草稿', en: 'Draft' },
  scheduled: { zh: '未开始', en: 'Scheduled' },
  live: { zh: '进行中', en: 'Live' },
  paused: { zh: '已暂停', en: 'Paused' },
  ended: { zh: '已结束', en: 'Ended' },
  exhausted: { zh: '名额/预算已用完', en: 'Exhausted' },
}

export const audienceStatusLabels: Record<AudienceStatus, Localized> = {
  active: { zh: '生效中', en: 'Active' },
  grace: { zh: '宽限期', en: 'In grace' },
  lapsed: { zh: '已到期或已取消', en: 'Lapsed' },
  never_paid: { zh: '从未付费', en: 'Never paid' },
}

export const campaignChannelLabels: Record<CampaignChannel, Localized> = {
  email: { zh: '邮件', en: 'Email' },
  'in-app': { zh: '站内', en: 'In-app' },
  sms: { zh: '短信（仅记录，不发送）', en: 'SMS (recorded, not sent)' },
}

export const discountKindLabels: Record<DiscountKind, Localized> = {
  none: { zh: '无折扣', en: 'No discount' },
  percent_off: { zh: '百分比折扣', en: 'Percent off' },
  amount_off: { zh: '立减金额', en: 'Amount off' },
  fixed_price: { zh: '固定价格', en: 'Fixed price' },
}
