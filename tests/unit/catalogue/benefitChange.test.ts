import { describe, expect, it } from 'vitest'

import { benefitChangeFindings } from '../../../src/domain/catalogue/ladder'
import type { BenefitDefinition, TierDefinition } from '../../../src/domain/catalogue/types'
import {
  benefitMap,
  catalogue,
  discount,
  free,
  gold,
  honorary,
  ladder,
  level,
  silver,
  tutoring,
  video,
  withRow,
} from './fixtures'

const change = (
  before: BenefitDefinition,
  after: BenefitDefinition,
  tiers: readonly TierDefinition[] = ladder,
) => benefitChangeFindings({ before, after, tiers, ...catalogue })

const codesAndPaths = (findings: ReturnType<typeof change>) =>
  findings.map((finding) => `${finding.code} @ ${finding.path}`)

const videoLevels = (...keys: string[]): BenefitDefinition => {
  const options = video.shape.kind === 'level' ? video.shape.options : []
  return {
    ...video,
    shape: {
      kind: 'level',
      options: keys.map(
        (key) =>
          options.find((option) => option.key === key) ?? { key, label: { zh: key, en: key } },
      ),
    },
  }
}

describe('benefitChangeFindings', () => {
  it('accepts a new name', () => {
    expect(change(tutoring, { ...tutoring, name: { zh: '一对一辅导', en: 'Tutoring' } })).toEqual(
      [],
    )
  })

  it('refuses a new value shape while tiers use the benefit, naming them', () => {
    const findings = change(tutoring, { ...tutoring, shape: { kind: 'flag' } })
    expect(findings).toEqual([
      {
        code: 'shape-change-in-use',
        path: 'valueShape',
        message: {
          zh: '白银、黄金 正在使用「1对1辅导」，它的取值方式不能从“周期额度”改为“有/无”。请保留原取值方式；如需新的取值方式，请新建一个权益。',
          en: 'Silver, Gold use "1:1 tutoring", so its value shape cannot change from quota per period to on/off. Keep the shape, or create a new benefit with the new one.',
        },
      },
    ])
  })

  it('accepts a new value shape when no tier uses the benefit', () => {
    expect(change(tutoring, { ...tutoring, shape: { kind: 'flag' } }, [free, honorary])).toEqual([])
  })

  it('refuses removing a level a tier grants', () => {
    const findings = change(video, videoLevels('720p', '1080p'))
    expect(codesAndPaths(findings)).toEqual(['level-option-in-use @ levels'])
    expect(findings[0]?.message.zh).toBe(
      '黄金 的「视频清晰度」使用等级 “4K 超清”（4k），不能删除这个选项。请先修改这些等级的取值，或保留该选项。',
    )
  })

  it('accepts removing a level no tier grants', () => {
    const unused = videoLevels('480p', '720p', '1080p', '4k')
    expect(change(unused, video)).toEqual([])
  })

  it('refuses re-ordering levels so that the gradient breaks, at the levels field', () => {
    const findings = change(video, videoLevels('4k', '720p', '1080p'))
    expect(codesAndPaths(findings)).toEqual(['gradient-benefit-lower @ levels'])
    expect(findings[0]?.message.en).toBe(
      'Gold grants 4K Ultra HD of "Video quality", but the lower tier Silver grants 1080p HD. Raise Gold\'s value or write an exception reason on this row.',
    )
  })

  it('accepts adding a level above the others', () => {
    expect(change(video, videoLevels('720p', '1080p', '4k', '8k'))).toEqual([])
  })

  it('refuses lowering a maximum below a value a tier grants, at the maximum field', () => {
    const findings = change(discount, {
      ...discount,
      shape: { kind: 'percentage', min: 0, max: 15 },
    })
    expect(codesAndPaths(findings)).toEqual(['value-out-of-range @ maximum'])
    expect(findings[0]?.message.zh).toContain('黄金')
  })

  it('refuses raising a minimum above a value a tier grants, at the minimum field', () => {
    const findings = change(discount, {
      ...discount,
      shape: { kind: 'percentage', min: 15, max: 50 },
    })
    expect(codesAndPaths(findings)).toEqual(['value-out-of-range @ minimum'])
  })

  it('does not block an edit on an older break it did not cause', () => {
    const broken = [free, silver, withRow(gold, 1, { value: level('720p') })]
    expect(change(video, { ...video, name: { zh: '清晰度', en: 'Resolution' } }, broken)).toEqual(
      [],
    )
  })

  it('checks against the edited definition even if the map still holds the stored one', () => {
    expect(benefitMap.get(video.id)).toBe(video)
    expect(codesAndPaths(change(video, videoLevels('1080p', '720p', '4k')))).toEqual([
      'gradient-benefit-lower @ levels',
    ])
  })
})
