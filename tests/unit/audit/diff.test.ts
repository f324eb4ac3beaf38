import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { fieldDiff, referenceOf, type FieldShapes } from '../../../src/domain/audit/diff'
import { documentArbitrary, populatedArbitrary } from './arbitraries'

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

/** The tiers collection as the adapter describes it (relationships, upload, rows of relationships). */
const tierFields: FieldShapes = {
  benefits: { kind: 'rows', fields: { benefit: { kind: 'reference' } } },
  accessTiers: { kind: 'reference' },
  badge: { kind: 'reference' },
  successorTier: { kind: 'reference' },
}
const ignore = ['id', 'createdAt', 'updatedAt']

const benefitDoc = (id: string) => ({
  id,
  key: `key-${id}`,
  name: '1对1辅导',
  levels: [{ id: 'l1', key: '720p' }],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
})

describe('fieldDiff with field shapes', () => {
  const stored = {
    id: 't1',
    rank: 2,
    benefits: [
      { id: 'r1', benefit: 'b-tutoring', amount: 8 },
      { id: 'r2', benefit: 'b-video', level: '4k' },
    ],
    accessTiers: ['a1', 'a2'],
    badge: 'm1',
    successorTier: null,
  }
  // What the same document looks like read at depth 2, as REST answers by default.
  const populated = {
    ...stored,
    benefits: [
      { id: 'r1', benefit: benefitDoc('b-tutoring'), amount: 8 },
      { id: 'r2', benefit: benefitDoc('b-video'), level: '4k' },
    ],
    accessTiers: [
      { id: 'a1', rank: 1, name: '基础' },
      { id: 'a2', rank: 2, name: '进阶' },
    ],
    badge: { id: 'm1', url: '/media/gold.png', sizes: { badge: { url: '/media/gold-64.png' } } },
  }

  it('finds nothing between a document and the same document populated', () => {
    expect(fieldDiff(stored, populated, { ignore, fields: tierFields })).toEqual([])
    expect(fieldDiff(populated, stored, { ignore, fields: tierFields })).toEqual([])
  })

  it('lists only the value that changed when the other side is populated', () => {
    const edited = {
      ...populated,
      benefits: [{ ...populated.benefits[0]!, amount: 9 }, populated.benefits[1]!],
    }
    expect(fieldDiff(stored, edited, { ignore, fields: tierFields })).toEqual([
      { path: 'benefits.0.amount', before: 8, after: 9 },
    ])
  })

  it('reports a changed relationship by id, and a list of them as one value', () => {
    const edited = {
      ...populated,
      benefits: [
        { ...populated.benefits[0]!, benefit: benefitDoc('b-other') },
        populated.benefits[1]!,
      ],
      accessTiers: [...populated.accessTiers, { id: 'a3', rank: 3 }],
      badge: null,
      successorTier: { id: 't0', name: '白银' },
    }
    expect(fieldDiff(stored, edited, { ignore, fields: tierFields })).toEqual([
      { path: 'benefits.0.benefit', before: 'b-tutoring', after: 'b-other' },
      { path: 'accessTiers', before: ['a1', 'a2'], after: ['a1', 'a2', 'a3'] },
      { path: 'badge', before: 'm1', after: null },
      { path: 'successorTier', before: null, after: 't0' },
    ])
  })

  it('compares a polymorphic relationship by collection and id', () => {
    const fields: FieldShapes = { related: { kind: 'reference' } }
    const before = { related: [{ relationTo: 'tiers', value: 't1' }] }
    expect(
      fieldDiff(
        before,
        { related: [{ relationTo: 'tiers', value: { id: 't1', rank: 2 } }] },
        { fields },
      ),
    ).toEqual([])
    expect(
      fieldDiff(before, { related: [{ relationTo: 'courses', value: { id: 't1' } }] }, { fields }),
    ).toEqual([
      {
        path: 'related',
        before: [{ relationTo: 'tiers', value: 't1' }],
        after: [{ relationTo: 'courses', value: 't1' }],
      },
    ])
  })

  it('follows references inside groups and blocks', () => {
    const fields: FieldShapes = {
      hero: { kind: 'group', fields: { image: { kind: 'reference' } } },
      layout: {
        kind: 'blocks',
        blocks: { cta: { link: { kind: 'reference' } }, text: {} },
      },
    }
    const before = {
      hero: { image: 'm1', caption: 'a' },
      layout: [
        { blockType: 'cta', link: 't1' },
        { blockType: 'text', body: 'x' },
      ],
    }
    const after = {
      hero: { image: { id: 'm1', url: '/m1.png' }, caption: 'b' },
      layout: [
        { blockType: 'cta', link: { id: 't1', name: 'Gold' } },
        { blockType: 'text', body: 'x' },
      ],
    }
    expect(fieldDiff(before, after, { fields })).toEqual([
      { path: 'hero.caption', before: 'a', after: 'b' },
    ])
  })

  it('lists a created document with its references as ids, not their documents', () => {
    expect(fieldDiff(undefined, populated, { ignore, fields: tierFields })).toEqual([
      { path: 'rank', before: undefined, after: 2 },
      { path: 'benefits.0.benefit', before: undefined, after: 'b-tutoring' },
      { path: 'benefits.0.amount', before: undefined, after: 8 },
      { path: 'benefits.1.benefit', before: undefined, after: 'b-video' },
      { path: 'benefits.1.level', before: undefined, after: '4k' },
      { path: 'accessTiers', before: undefined, after: ['a1', 'a2'] },
      { path: 'badge', before: undefined, after: 'm1' },
      { path: 'successorTier', before: undefined, after: null },
    ])
  })

  it('reports a whole value once, e.g. the roles of a staff user', () => {
    const fields: FieldShapes = { roles: { kind: 'whole' } }
    expect(
      fieldDiff({ roles: ['viewer'] }, { roles: ['operations', 'viewer'] }, { fields }),
    ).toEqual([{ path: 'roles', before: ['viewer'], after: ['operations', 'viewer'] }])
    expect(fieldDiff({ roles: ['viewer'] }, { roles: ['viewer'] }, { fields })).toEqual([])
  })

  it('finds nothing between any document and itself populated, at any depth (property)', () => {
    fc.assert(
      fc.property(
        documentArbitrary.chain(({ fields, doc }) =>
          fc
            .tuple(populatedArbitrary(doc, fields), populatedArbitrary(doc, fields))
            .map(([once, twice]) => ({ fields, doc, once, twice })),
        ),
        ({ fields, doc, once, twice }) => {
          expect(fieldDiff(doc, once, { fields })).toEqual([])
          expect(fieldDiff(once, twice, { fields })).toEqual([])
          expect(fieldDiff(undefined, once, { fields })).toEqual(
            fieldDiff(undefined, doc, { fields }),
          )
          expect(fieldDiff(once, undefined, { fields })).toEqual(
            fieldDiff(doc, undefined, { fields }),
          )
        },
      ),
    )
  })

  it('still sees a changed reference behind any population (property)', () => {
    fc.assert(
      fc.property(
        documentArbitrary.chain(({ fields, doc }) =>
          populatedArbitrary(doc, fields).map((once) => ({ fields, doc, once })),
        ),
        ({ fields, doc, once }) => {
          const keys = Object.keys(fields).filter((key) => fields[key]?.kind === 'reference')
          fc.pre(keys.length > 0)
          const key = keys[0]!
          const edited = { ...once, [key]: { id: 'another-document', name: 'x' } }
          expect(fieldDiff(doc, edited, { fields })).toEqual([
            { path: key, before: referenceOf(doc[key]), after: 'another-document' },
          ])
        },
      ),
    )
  })
})

describe('referenceOf', () => {
  it.each<[string, unknown, unknown]>([
    ['keeps an id', 'b1', 'b1'],
    ['keeps a numeric id', 7, 7],
    ['keeps null', null, null],
    ['reduces a populated document to its id', { id: 'b1', name: 'x' }, 'b1'],
    ['reduces each item of a list', [{ id: 'a' }, 'b'], ['a', 'b']],
    [
      'keeps the collection of a polymorphic reference',
      { relationTo: 'media', value: { id: 'm1', url: '/m1' } },
      { relationTo: 'media', value: 'm1' },
    ],
    [
      'reduces each locale of a localized reference',
      { zh: { id: 'a' }, en: 'b' },
      { zh: 'a', en: 'b' },
    ],
  ])('%s', (_name, value, expected) => {
    expect(referenceOf(value)).toEqual(expected)
  })
})
