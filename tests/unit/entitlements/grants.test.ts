import { describe, expect, it } from 'vitest'

import type { BenefitDefinition, BenefitValue } from '../../../src/domain/catalogue/types'
import { grantFindings } from '../../../src/domain/entitlements/grants'
import { community, quota, shanghai, tutoring, unlimitedQuota, video } from './fixtures'

const start = shanghai('2026-11-23T10:00')
const end = shanghai('2026-11-30T10:00')
const findings = (benefit: BenefitDefinition, value: BenefitValue, endsAt = end) =>
  grantFindings({ benefit, value, startsAt: start, endsAt })

describe('grantFindings', () => {
  it('accepts a value that fits the benefit and gives something, in a window that ends later', () => {
    expect(findings(tutoring, quota(12))).toEqual([])
    expect(findings(tutoring, unlimitedQuota)).toEqual([])
    expect(findings(community, { kind: 'flag', enabled: true })).toEqual([])
  })

  it.each<[string, BenefitDefinition, BenefitValue, string, string]>([
    ['a negative amount', tutoring, quota(-1), 'value-out-of-range', 'amount'],
    ['a fractional quota', tutoring, quota(1.5), 'value-out-of-range', 'amount'],
    ['an unknown level', video, { kind: 'level', level: '8k' }, 'level-unknown', 'level'],
    ['a value of another shape', video, quota(2), 'value-wrong-shape', 'level'],
    ['a value that gives nothing', tutoring, quota(0), 'value-out-of-range', 'amount'],
    [
      'an unticked flag',
      community,
      { kind: 'flag', enabled: false },
      'value-out-of-range',
      'amount',
    ],
  ])('refuses %s at the field to fix', (_name, benefit, value, code, path) => {
    const [finding] = findings(benefit, value)
    expect(finding).toMatchObject({ code, path })
    expect(finding!.message.zh).not.toBe('')
    expect(finding!.message.en).not.toBe('')
  })

  it('refuses a window that ends when or before it starts', () => {
    expect(findings(tutoring, quota(2), start)).toMatchObject([
      { path: 'endsAt', message: { en: 'The end must be after the start.' } },
    ])
  })
})
