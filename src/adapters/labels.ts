// zh/en labels for the catalogue's enumerations, shared by collection options and the API.
import type {
  BenefitCategory,
  BillingPeriod,
  DurationUnit,
  Localized,
  QuotaPeriod,
  TierKind,
  ValueKind,
} from '../domain/catalogue/types'
import type { MembershipEventType, MembershipStatus } from '../domain/entitlements/membership'

export const categoryLabels: Record<BenefitCategory, Localized> = {
  'content-access': { zh: '内容获取权限', en: 'Content access' },
  'learning-service': { zh: '学习服务', en: 'Learning services' },
  'community-identity': { zh: '社群与身份', en: 'Community & identity' },
  'technical-experience': { zh: '技术体验', en: 'Technical experience' },
  economic: { zh: '经济性权益', en: 'Economic' },
  'usage-quota': { zh: '使用额度', en: 'Usage quotas' },
  'physical-partner': { zh: '实物与合作权益', en: 'Physical & partner' },
  bundle: { zh: '场景化权益包', en: 'Bundles' },
}

export const valueKindLabels: Record<ValueKind, Localized> = {
  flag: { zh: '有/无', en: 'On / off' },
  quota: { zh: '周期额度', en: 'Quota per period' },
  limit: { zh: '数量上限', en: 'Numeric limit' },
  level: { zh: '等级（有序选项）', en: 'Ordered level' },
  percentage: { zh: '折扣百分比', en: 'Percentage off' },
  duration: { zh: '时长（越短越好）', en: 'Duration (lower is better)' },
}

export const quotaPeriodLabels: Record<QuotaPeriod, Localized> = {
  day: { zh: '每天', en: 'Per day' },
  week: { zh: '每周', en: 'Per week' },
  month: { zh: '每月', en: 'Per month' },
  'billing-period': { zh: '每个会员周期', en: 'Per billing period' },
}

export const durationUnitLabels: Record<DurationUnit, Localized> = {
  minute: { zh: '分钟', en: 'Minutes' },
  hour: { zh: '小时', en: 'Hours' },
  day: { zh: '天', en: 'Days' },
}

export const tierKindLabels: Record<TierKind, Localized> = {
  entry: { zh: '入门（免费）', en: 'Entry (free)' },
  paid: { zh: '付费', en: 'Paid' },
  growth: { zh: '成长值', en: 'Growth value' },
  honorary: { zh: '荣誉（不在阶梯内）', en: 'Honorary (outside the ladder)' },
}

export const billingPeriodLabels: Record<BillingPeriod, Localized> = {
  monthly: { zh: '月付', en: 'Monthly' },
  quarterly: { zh: '季付', en: 'Quarterly' },
  annual: { zh: '年付', en: 'Annual' },
}

export const membershipStatusLabels: Record<MembershipStatus, Localized> = {
  active: { zh: '有效', en: 'Active' },
  grace: { zh: '宽限期', en: 'Grace period' },
  expired: { zh: '已到期', en: 'Expired' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
}

export const membershipEventTypeLabels: Record<MembershipEventType, Localized> = {
  purchase: { zh: '购买', en: 'Purchase' },
  renewal: { zh: '续费', en: 'Renewal' },
  upgrade: { zh: '升级', en: 'Upgrade' },
  downgrade: { zh: '降级', en: 'Downgrade' },
  cancellation: { zh: '取消', en: 'Cancellation' },
  expiry: { zh: '到期', en: 'Expiry' },
  grant: { zh: '赠送', en: 'Grant' },
  trial: { zh: '试用', en: 'Trial' },
}

export const optionsFrom = <K extends string>(labels: Record<K, Localized>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))
