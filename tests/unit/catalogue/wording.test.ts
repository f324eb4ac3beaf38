// Wording: English counts agree with their nouns ("1 session", not "1 sessions"), and advice on a
// duration, where lower is better, says to shorten or lengthen it rather than raise or lower it.
import { describe, expect, it } from 'vitest'

import { countOf, singularOf } from '../../../src/domain/catalogue/english'
import { formatValue } from '../../../src/domain/catalogue/format'
import { tierFindings } from '../../../src/domain/catalogue/ladder'
import { accessTierInUse, benefitInUse } from '../../../src/domain/catalogue/messages'
import type { BenefitDefinition } from '../../../src/domain/catalogue/types'
import { benefitFor } from './arbitraries'
import {
  answers,
  catalogue,
  downloads,
  gold,
  ladder,
  limit,
  others,
  quota,
  tutoring,
  within,
  withRow,
} from './fixtures'

const codes: BenefitDefinition = {
  ...benefitFor({ kind: 'quota', period: 'billing-period' }, { zh: '个', en: 'codes' }),
}

describe('English plurals', () => {
  it.each([
    ['sessions', 'session'],
    ['codes', 'code'],
    ['courses', 'course'],
    ['hours', 'hour'],
    ['essays', 'essay'],
    ['copies', 'copy'],
    ['classes', 'class'],
    ['boxes', 'box'],
    ['live classes', 'live class'],
    ['GB', 'GB'],
    ['%', '%'],
    ['min', 'min'],
    ['news', 'news'],
    ['', ''],
  ])('reads one of "%s" as "%s"', (plural, singular) => {
    expect(singularOf(plural)).toBe(singular)
  })

  it('shows one of a unit in the singular and more in the plural', () => {
    expect(formatValue(tutoring, quota(1), 'en')).toBe('1 session / month')
    expect(formatValue(tutoring, quota(2), 'en')).toBe('2 sessions / month')
    expect(formatValue(codes, quota(1), 'en')).toBe('1 code / billing period')
    expect(formatValue(downloads, limit(1), 'en')).toBe('1 course')
    expect(formatValue(downloads, limit(0.5), 'en')).toBe('0.5 courses')
    // Chinese has no plural.
    expect(formatValue(tutoring, quota(1), 'zh')).toBe('每月 1 次')
  })

  it('counts tiers, courses and members in the right number', () => {
    expect(countOf(1, 'tier')).toBe('1 tier')
    expect(countOf(3, 'tier')).toBe('3 tiers')
    const gold = { zh: '黄金', en: 'Gold' }
    expect(benefitInUse({ users: { count: 1, examples: [gold] } }).en).toBe(
      'This benefit cannot be deleted: 1 tier grants it (Gold). Remove those references first, or set its status to Archived.',
    )
    expect(accessTierInUse({ by: 'courses', references: { count: 1, examples: [gold] } }).en).toBe(
      '1 course belongs to this access tier (Gold), so it cannot be deleted. Move it to another tier first, or set its status to Archived.',
    )
    const many = benefitInUse({
      users: { count: 0, examples: [] },
      grants: { count: 2, examples: ['learner-1', 'learner-2'] },
      holdings: {
        members: 1,
        versions: { count: 1, examples: [{ zh: '白银 v1', en: 'Silver v1' }] },
        until: new Date('2026-11-30T16:00:00Z'),
        timeZone: 'Asia/Shanghai',
      },
    })
    expect(many.en).toBe(
      'This benefit cannot be deleted: 2 support grants refer to it (members learner-1, learner-2); 1 paying member still holds it through 1 tier version (Silver v1) until their paid period ends (2026-12-01 at the latest). Remove those references first, or set its status to Archived.',
    )
    expect(many.zh).toBe(
      '这个权益不能删除：2 条客服赠送引用它（会员 learner-1、learner-2）；1 名付费会员仍通过 1 个等级版本（白银 v1）享有它，直到付费周期结束（最晚 2026-12-01）。请先移除这些引用，或把状态改为“已归档”。',
    )
  })
})

describe('advice on a duration, where lower is better', () => {
  const findingsFor = (subject: typeof gold) =>
    tierFindings({ subject, others: others(subject, ladder), ...catalogue })
  const answersRow = gold.benefits.findIndex((row) => row.benefitId === answers.id)

  it('tells a higher tier that answers more slowly to shorten its time', () => {
    const [finding] = findingsFor(withRow(gold, answersRow, { value: within(36) }))
    expect(finding?.message.en).toBe(
      'Gold grants within 36 h of "Q&A response", but the lower tier Silver grants within 24 h. Shorten Gold\'s time or write an exception reason on this row.',
    )
    expect(finding?.message.zh).toContain('请缩短 黄金 的时长')
    expect(finding?.message.en).not.toContain('Raise')
  })

  it('tells a lower tier that answers faster than a higher one to lengthen its time', () => {
    const silver = ladder[1]!
    const row = silver.benefits.findIndex((grant) => grant.benefitId === answers.id)
    const [finding] = tierFindings({
      subject: withRow(silver, row, { value: within(1) }),
      others: others(silver, ladder),
      ...catalogue,
    })
    expect(finding?.message.en).toContain("Lengthen Silver's time")
    expect(finding?.message.zh).toContain('请延长 白银 的时长')
  })

  it('still says raise for amounts where more is better', () => {
    const [finding] = findingsFor(withRow(gold, 0, { value: quota(2) }))
    expect(finding?.message.en).toContain("Raise Gold's value")
  })
})
