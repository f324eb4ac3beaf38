// docs/rules.md rule 4: a used benefit's key, shape, quota period and duration unit are part of what
// tiers' values mean, and do not change while tiers grant it.
import { describe, expect, it } from 'vitest'

import { benefitMeaningFindings } from '../../../src/domain/catalogue/meaning'
import type { BenefitDefinition } from '../../../src/domain/catalogue/types'
import { answers, tutoring } from './fixtures'

const gold = { zh: '黄金', en: 'Gold' }
const silver = { zh: '白银', en: 'Silver' }
const usedBy = (...names: (typeof gold)[]) => ({ count: names.length, examples: names })

const change = (
  before: BenefitDefinition,
  after: BenefitDefinition,
  users = usedBy(silver, gold),
) => benefitMeaningFindings({ before, after, users })

describe('benefitMeaningFindings', () => {
  it('refuses a quota period change (month → day: a 30× cut), naming the tiers', () => {
    const daily: BenefitDefinition = {
      ...tutoring,
      shape: { kind: 'quota', period: 'day', max: 30 },
    }
    expect(change(tutoring, daily)).toEqual([
      {
        code: 'meaning-change-in-use',
        path: 'quotaPeriod',
        message: {
          zh: '白银、黄金 正在使用「1对1辅导」，它的额度周期不能从“每月”改为“每天”：这会立即、悄悄地改变这些等级给会员的权益。请保留原额度周期；如需新的额度周期，请新建一个权益，并在各等级中换用它。',
          en: 'Silver, Gold use "1:1 tutoring", so its quota period cannot change from per month to per day: that would silently change what those tiers give members, at once. Keep the quota period, or create a new benefit with the new one and switch the tiers to it.',
        },
      },
    ])
  })

  it('refuses a duration unit change (hour → day), in the right number for one tier', () => {
    const days: BenefitDefinition = {
      ...answers,
      shape: { kind: 'duration', unit: 'day', min: 1, max: 72 },
    }
    const [finding] = change(answers, days, usedBy(gold))
    expect(finding?.path).toBe('durationUnit')
    expect(finding?.message.en).toMatch(
      /^Gold uses "Q&A response", so its duration unit cannot change from hours to days/,
    )
  })

  it('refuses a new key and a new shape', () => {
    const renamed = { ...tutoring, key: 'coaching', shape: { kind: 'flag' as const } }
    expect(change(tutoring, renamed).map((finding) => finding.path)).toEqual(['key', 'valueShape'])
  })

  it('accepts any change when no tier uses the benefit, and a new name or maximum when tiers do', () => {
    const daily: BenefitDefinition = { ...tutoring, shape: { kind: 'quota', period: 'day' } }
    expect(change(tutoring, daily, usedBy())).toEqual([])
    const renamed = {
      ...tutoring,
      name: { zh: '辅导', en: 'Tutoring' },
      shape: { kind: 'quota' as const, period: 'month' as const, max: 40 },
    }
    expect(change(tutoring, renamed)).toEqual([])
  })
})
