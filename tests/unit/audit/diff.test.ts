import { describe, expect, it } from 'vitest'

import { fieldDiff } from '../../../src/domain/audit/diff'

const tier = {
  id: 't1',
  name: { zh: '黄金', en: 'Gold' },
  rank: 2,
  benefits: [
    { id: 'r1', benefit: 'b-tutoring', amount: 8, unlimited: false },
    { id: 'r2', benefit: 'b-video', level: '4k' },
  ],
  accessTiers: ['a1', 'a2'],
  growth: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
  createdAt: '2024-12-01T00:00:00.000Z',
}

describe('fieldDiff', () => {
  it.each<[string, unknown, unknown, ReturnType<typeof fieldDiff>]>([
    ['finds nothing between equal documents', tier, structuredClone(tier), []],
    [
      'names a changed leaf by its dot path',
      tier,
      { ...tier, rank: 3 },
      [{ path: 'rank', before: 2, after: 3 }],
    ],
    [
      'names a changed localized value by its locale',
      tier,
      { ...tier, name: { zh: '金卡', en: 'Gold' } },
      [{ path: 'name.zh', before: '黄金', after: '金卡' }],
    ],
    [
      'names a changed array row field with its index',
      tier,
      { ...tier, benefits: [tier.benefits[0], { ...tier.benefits[1], level: '1080p' }] },
      [{ path: 'benefits.1.level', before: '4k', after: '1080p' }],
    ],
    [
      'names an added array item by its index',
      tier,
      { ...tier, accessTiers: ['a1', 'a2', 'a3'] },
      [{ path: 'accessTiers.2', before: undefined, after: 'a3' }],
    ],
    [
      'compares rows with ids by position, not by id',
      {
        benefits: [
          { id: 'r1', amount: 1 },
          { id: 'r2', amount: 2 },
        ],
      },
      {
        benefits: [
          { id: 'r2', amount: 2 },
          { id: 'r1', amount: 1 },
        ],
      },
      [
        { path: 'benefits.0.id', before: 'r1', after: 'r2' },
        { path: 'benefits.0.amount', before: 1, after: 2 },
        { path: 'benefits.1.id', before: 'r2', after: 'r1' },
        { path: 'benefits.1.amount', before: 2, after: 1 },
      ],
    ],
    [
      'lists every field of a removed row',
      { benefits: [{ amount: 1 }, { amount: 2, unlimited: false }] },
      { benefits: [{ amount: 1 }] },
      [
        { path: 'benefits.1.amount', before: 2, after: undefined },
        { path: 'benefits.1.unlimited', before: false, after: undefined },
      ],
    ],
    [
      'reports a group replacing null as one change',
      { growth: null },
      { growth: { reach: 100, keep: 50 } },
      [{ path: 'growth', before: null, after: { reach: 100, keep: 50 } }],
    ],
    [
      'reports a field that appears',
      { rank: 1 },
      { rank: 1, slug: 'gold' },
      [{ path: 'slug', before: undefined, after: 'gold' }],
    ],
    ['treats a missing key and an undefined one as the same', { a: undefined }, {}, []],
    ['compares dates by time', { at: new Date(0) }, { at: new Date(0) }, []],
  ])('%s', (_name, before, after, expected) => {
    expect(fieldDiff(before, after)).toEqual(expected)
  })

  it('ignores updatedAt and createdAt at any depth by default', () => {
    const edited = {
      ...tier,
      updatedAt: '2025-02-02T00:00:00.000Z',
      benefits: [{ ...tier.benefits[0], updatedAt: 'later' }, tier.benefits[1]],
    }
    expect(fieldDiff(tier, edited)).toEqual([])
  })

  it('ignores the keys it is told to, and only those', () => {
    const edited = { ...tier, id: 't2', rank: 5, updatedAt: 'later' }
    expect(fieldDiff(tier, edited, { ignore: ['id', 'rank'] })).toEqual([
      { path: 'updatedAt', before: tier.updatedAt, after: 'later' },
    ])
  })

  it('lists every leaf of a created document', () => {
    expect(fieldDiff(undefined, tier, { ignore: ['updatedAt', 'createdAt', 'id'] })).toEqual([
      { path: 'name.zh', before: undefined, after: '黄金' },
      { path: 'name.en', before: undefined, after: 'Gold' },
      { path: 'rank', before: undefined, after: 2 },
      { path: 'benefits.0.benefit', before: undefined, after: 'b-tutoring' },
      { path: 'benefits.0.amount', before: undefined, after: 8 },
      { path: 'benefits.0.unlimited', before: undefined, after: false },
      { path: 'benefits.1.benefit', before: undefined, after: 'b-video' },
      { path: 'benefits.1.level', before: undefined, after: '4k' },
      { path: 'accessTiers.0', before: undefined, after: 'a1' },
      { path: 'accessTiers.1', before: undefined, after: 'a2' },
      { path: 'growth', before: undefined, after: null },
    ])
  })

  it('lists every leaf of a deleted document, keeping empty lists', () => {
    expect(fieldDiff({ slug: 'gold', prices: [], growth: {} }, undefined)).toEqual([
      { path: 'slug', before: 'gold', after: undefined },
      { path: 'prices', before: [], after: undefined },
      { path: 'growth', before: {}, after: undefined },
    ])
  })

  it('reports replaced top-level values at the empty path', () => {
    expect(fieldDiff(1, 2)).toEqual([{ path: '', before: 1, after: 2 }])
    expect(fieldDiff(undefined, undefined)).toEqual([])
  })
})
