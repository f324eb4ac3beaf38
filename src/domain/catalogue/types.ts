// The membership catalogue as plain data: benefits and their value shapes, tiers, course access.
// No framework imports here (enforced by ESLint); adapters turn Payload documents into these.

export const locales = ['zh', 'en'] as const
export type Locale = (typeof locales)[number]
export type Localized = Record<Locale, string>

export const benefitCategories = [
  'content-access', // 内容获取权限
  'learning-service', // 学习服务
  'community-identity', // 社群与身份
  'technical-experience', // 技术体验
  'economic', // 经济性
  'usage-quota', // 使用额度
  'physical-partner', // 实物/外部权益
  'bundle', // 场景化权益包
] as const
export type BenefitCategory = (typeof benefitCategories)[number]

export const quotaPeriods = ['day', 'week', 'month', 'billing-period'] as const
export type QuotaPeriod = (typeof quotaPeriods)[number]

export const durationUnits = ['minute', 'hour', 'day'] as const
export type DurationUnit = (typeof durationUnits)[number]

/**
 * How a benefit's value is expressed; the shape decides how two tiers compare.
 * - flag: on/off (more = on)
 * - quota: an amount per period, or unlimited (more = larger; unlimited beats any amount)
 * - limit: a numeric ceiling, or unlimited (more = larger)
 * - level: one of ordered options, lowest first (e.g. 720p < 1080p < 4K)
 * - percentage: percent off, 0–100 (more = larger discount; 20 is shown as 8折 / 20% off)
 * - duration: a time where lower is better (e.g. answered within 2 h beats 24 h)
 */
export type ValueShape =
  | { kind: 'flag' }
  | { kind: 'quota'; period: QuotaPeriod; max?: number }
  | { kind: 'limit'; min?: number; max?: number }
  | { kind: 'level'; options: readonly LevelOption[] }
  | { kind: 'percentage'; min?: number; max?: number }
  | { kind: 'duration'; unit: DurationUnit; min?: number; max?: number }

export type ValueKind = ValueShape['kind']
export const valueKinds: readonly ValueKind[] = [
  'flag',
  'quota',
  'limit',
  'level',
  'percentage',
  'duration',
]

export type LevelOption = { key: string; label: Localized }

/** One tier's value for one benefit. Which properties matter depends on the benefit's shape. */
export type BenefitValue =
  | { kind: 'flag'; enabled: boolean }
  | { kind: 'quota'; unlimited: boolean; amount: number }
  | { kind: 'limit'; unlimited: boolean; amount: number }
  | { kind: 'level'; level: string }
  | { kind: 'percentage'; percent: number }
  | { kind: 'duration'; amount: number }

export type BenefitDefinition = {
  id: string
  key: string
  name: Localized
  /** Unit noun for amounts, e.g. { zh: '次', en: 'sessions' }; may be empty. */
  unit: Localized
  category: BenefitCategory
  shape: ValueShape
}

export const tierKinds = ['entry', 'paid', 'growth', 'honorary'] as const
export type TierKind = (typeof tierKinds)[number]

export const billingPeriods = ['monthly', 'quarterly', 'annual'] as const
export type BillingPeriod = (typeof billingPeriods)[number]

/** Prices in the smallest currency unit (分 for CNY). */
export type TierPrice = { period: BillingPeriod; listPrice: number; sellingPrice: number }

export type TierBenefitGrant = {
  benefitId: string
  value: BenefitValue
  /** A written reason makes a deliberate break of the gradient acceptable (docs/rules.md rule 2). */
  exceptionReason?: string
}

export type TierDefinition = {
  id: string
  slug: string
  name: Localized
  rank: number
  kind: TierKind
  prices: readonly TierPrice[]
  growth?: { reach: number; keep: number }
  benefits: readonly TierBenefitGrant[]
  accessTierIds: readonly string[]
  /** Reason for opening fewer course-access tiers than a lower tier does. */
  accessExceptionReason?: string
  /**
   * Reason for a deliberate break of the price order (docs/rules.md rule 5): a price above the
   * configured monthly maximum, a longer period dearer per month, a tier not dearer than the one
   * below it. Never excuses malformed amounts or a selling price above the list price.
   */
  priceExceptionReason?: string
}

export type CourseAccessTierDefinition = { id: string; rank: number; name: Localized }

/**
 * A rule the catalogue breaks. `path` is a Payload field path in the document being edited
 * (dots and array indices, e.g. `benefits.2.value`), so the admin can show it inline.
 */
export type Finding = {
  code: FindingCode
  path: string
  message: Localized
}

export const findingCodes = [
  'rank-not-unique',
  'slug-not-unique',
  'entry-tier-missing',
  'entry-tier-not-unique',
  'entry-tier-not-lowest',
  'honorary-tier-has-rank-conflict',
  'benefit-listed-twice',
  'benefit-unknown',
  'value-wrong-shape',
  'value-out-of-range',
  'level-unknown',
  'gradient-benefit-lower',
  'gradient-access-missing',
  'adjacent-tiers-identical',
  'growth-thresholds-invalid',
  'price-invalid',
  'price-above-maximum',
  'price-period-inconsistent',
  'price-tier-order',
  'successor-invalid',
  'shape-change-in-use',
  'meaning-change-in-use',
  'level-option-in-use',
  'key-change-in-use',
  'benefit-in-use',
  'access-tier-in-use',
] as const
export type FindingCode = (typeof findingCodes)[number]

/** How a value that grants nothing is shown, in both languages (pricing matrix, messages). */
export const notGrantedDisplay = '—'
