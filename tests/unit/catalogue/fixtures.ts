// A small catalogue in plain domain types, shaped like the integration fixture: free < silver < gold.
import type {
  BenefitDefinition,
  BenefitValue,
  CourseAccessTierDefinition,
  TierBenefitGrant,
  TierDefinition,
} from '../../../src/domain/catalogue/types'

export const tutoring: BenefitDefinition = {
  id: 'b-tutoring',
  key: 'tutoring',
  name: { zh: '1对1辅导', en: '1:1 tutoring' },
  unit: { zh: '次', en: 'sessions' },
  category: 'learning-service',
  shape: { kind: 'quota', period: 'month', max: 30 },
}

export const video: BenefitDefinition = {
  id: 'b-video',
  key: 'video',
  name: { zh: '视频清晰度', en: 'Video quality' },
  unit: { zh: '', en: '' },
  category: 'technical-experience',
  shape: {
    kind: 'level',
    options: [
      { key: '720p', label: { zh: '720p 标清', en: '720p' } },
      { key: '1080p', label: { zh: '1080p 高清', en: '1080p HD' } },
      { key: '4k', label: { zh: '4K 超清', en: '4K Ultra HD' } },
    ],
  },
}

export const discount: BenefitDefinition = {
  id: 'b-discount',
  key: 'discount',
  name: { zh: '课程折扣', en: 'Course discount' },
  unit: { zh: '%', en: '%' },
  category: 'economic',
  shape: { kind: 'percentage', min: 0, max: 50 },
}

export const answers: BenefitDefinition = {
  id: 'b-answers',
  key: 'qa-sla',
  name: { zh: '答疑响应', en: 'Q&A response' },
  unit: { zh: '', en: '' },
  category: 'learning-service',
  shape: { kind: 'duration', unit: 'hour', min: 1, max: 72 },
}

export const community: BenefitDefinition = {
  id: 'b-community',
  key: 'community',
  name: { zh: '会员社群', en: 'Member community' },
  unit: { zh: '', en: '' },
  category: 'community-identity',
  shape: { kind: 'flag' },
}

export const downloads: BenefitDefinition = {
  id: 'b-downloads',
  key: 'downloads',
  name: { zh: '离线缓存', en: 'Offline downloads' },
  unit: { zh: '门课', en: 'courses' },
  category: 'technical-experience',
  shape: { kind: 'limit', min: 0, max: 500 },
}

export const allBenefits = [tutoring, video, discount, answers, community, downloads]
export const benefitMap: ReadonlyMap<string, BenefitDefinition> = new Map(
  allBenefits.map((benefit) => [benefit.id, benefit]),
)

export const basic: CourseAccessTierDefinition = {
  id: 'a-basic',
  rank: 1,
  name: { zh: '基础课程库', en: 'Basic library' },
}
export const advanced: CourseAccessTierDefinition = {
  id: 'a-advanced',
  rank: 2,
  name: { zh: '精选进阶课', en: 'Advanced courses' },
}
export const masterclass: CourseAccessTierDefinition = {
  id: 'a-master',
  rank: 3,
  name: { zh: '大师课', en: 'Masterclasses' },
}
export const accessTierMap: ReadonlyMap<string, CourseAccessTierDefinition> = new Map(
  [basic, advanced, masterclass].map((tier) => [tier.id, tier]),
)

export const quota = (amount: number): BenefitValue => ({ kind: 'quota', unlimited: false, amount })
export const unlimitedQuota: BenefitValue = { kind: 'quota', unlimited: true, amount: 0 }
export const limit = (amount: number): BenefitValue => ({ kind: 'limit', unlimited: false, amount })
export const unlimitedLimit: BenefitValue = { kind: 'limit', unlimited: true, amount: 0 }
export const level = (key: string): BenefitValue => ({ kind: 'level', level: key })
export const percent = (value: number): BenefitValue => ({ kind: 'percentage', percent: value })
export const within = (amount: number): BenefitValue => ({ kind: 'duration', amount })
export const flag = (enabled: boolean): BenefitValue => ({ kind: 'flag', enabled })

export const grant = (
  benefit: BenefitDefinition,
  value: BenefitValue,
  exceptionReason?: string,
): TierBenefitGrant => ({
  benefitId: benefit.id,
  value,
  ...(exceptionReason === undefined ? {} : { exceptionReason }),
})

export const free: TierDefinition = {
  id: 't-free',
  slug: 'free',
  name: { zh: '免费', en: 'Free' },
  rank: 0,
  kind: 'entry',
  prices: [],
  benefits: [grant(video, level('720p')), grant(answers, within(48))],
  accessTierIds: [basic.id],
}

export const silver: TierDefinition = {
  id: 't-silver',
  slug: 'silver',
  name: { zh: '白银', en: 'Silver' },
  rank: 1,
  kind: 'paid',
  prices: [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }],
  benefits: [
    grant(tutoring, quota(4)),
    grant(video, level('1080p')),
    grant(discount, percent(10)),
    grant(answers, within(24)),
  ],
  accessTierIds: [basic.id, advanced.id],
}

export const gold: TierDefinition = {
  id: 't-gold',
  slug: 'gold',
  name: { zh: '黄金', en: 'Gold' },
  rank: 2,
  kind: 'paid',
  prices: [{ period: 'annual', listPrice: 99900, sellingPrice: 69900 }],
  benefits: [
    grant(tutoring, quota(8)),
    grant(video, level('4k')),
    grant(discount, percent(20)),
    grant(answers, within(2)),
    grant(community, flag(true)),
  ],
  accessTierIds: [basic.id, advanced.id, masterclass.id],
}

export const honorary: TierDefinition = {
  id: 't-honorary',
  slug: 'honorary',
  name: { zh: '荣誉会员', en: 'Honorary' },
  rank: 100,
  kind: 'honorary',
  prices: [],
  benefits: [grant(community, flag(true))],
  accessTierIds: [basic.id],
}

export const ladder = [free, silver, gold]

/** A tier's benefit rows with one row's value (or reason) replaced. */
export const withRow = (
  tier: TierDefinition,
  index: number,
  change: Partial<TierBenefitGrant>,
): TierDefinition => ({
  ...tier,
  benefits: tier.benefits.map((row, rowIndex) =>
    rowIndex === index ? { ...row, ...change } : row,
  ),
})

export const catalogue = { benefits: benefitMap, accessTiers: accessTierMap }

/** Findings for `subject` against the rest of `tiers` (by id), as the publish hook asks. */
export const others = (subject: TierDefinition, tiers: readonly TierDefinition[] = ladder) =>
  tiers.filter((tier) => tier.id !== subject.id)
