import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { BenefitDefinition, BenefitValue } from '../../../src/domain/catalogue/types'
import { compareValues, emptyValue } from '../../../src/domain/catalogue/values'
import {
  planChange,
  planSnapshot,
  resolvePlan,
  withGrants,
  type Grant,
  type PlanVersion,
  type ResolvedPlan,
} from '../../../src/domain/entitlements/plans'
import { benefitFor, shapeArbitrary, valueForShape } from '../catalogue/arbitraries'
import { silver } from '../catalogue/fixtures'
import {
  advanced,
  basic,
  benefits,
  community,
  downloads,
  flag,
  goldV1,
  level,
  limit,
  masterclass,
  quota,
  shanghai,
  silverV1,
  silverV2,
  supportGrant,
  tutoring,
  unlimitedQuota,
  video,
} from './fixtures'

const benefitsById = new Map(benefits.map((benefit) => [benefit.id, benefit]))
const fromTier = (plan: PlanVersion) => ({
  type: 'tier',
  tierId: plan.tierId,
  tierSlug: plan.slug,
  version: plan.version,
})

describe('planSnapshot', () => {
  it('stores what the tier grants as published, keyed by benefit id', () => {
    const snapshot = planSnapshot(silver)
    expect(snapshot).toEqual({
      tierId: 't-silver',
      slug: 'silver',
      name: { zh: '白银', en: 'Silver' },
      rank: 1,
      kind: 'paid',
      prices: [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }],
      values: {
        'b-tutoring': quota(4),
        'b-video': level('1080p'),
        'b-discount': { kind: 'percentage', percent: 10 },
        'b-answers': { kind: 'duration', amount: 24 },
      },
      accessTierIds: ['a-basic', 'a-advanced'],
    })
    // A copy: later edits to the tier do not reach the stored version.
    expect(snapshot.accessTierIds).not.toBe(silver.accessTierIds)
  })
})

describe('planChange', () => {
  const goldWithout = (change: Partial<PlanVersion>): PlanVersion => ({ ...goldV1, ...change })
  const goldValuesWithoutCommunity = Object.fromEntries(
    Object.entries(goldV1.values).filter(([benefitId]) => benefitId !== community.id),
  )

  it.each([
    {
      name: 'initial for the first version',
      previous: null,
      next: silverV1,
      expected: { kind: 'initial', gains: [], losses: [], accessGained: [], accessLost: [] },
    },
    {
      name: 'unchanged when every value and access tier is the same',
      previous: silverV1,
      next: { ...silverV1, values: { ...silverV1.values } },
      expected: { kind: 'unchanged', gains: [], losses: [], accessGained: [], accessLost: [] },
    },
    {
      name: 'worsening when anything is lost, even if other benefits improve',
      previous: silverV1,
      next: silverV2,
      expected: {
        kind: 'worsening',
        gains: [
          { benefitId: video.id, from: level('1080p'), to: level('4k') },
          { benefitId: downloads.id, from: limit(10), to: limit(20) },
        ],
        losses: [{ benefitId: tutoring.id, from: quota(4), to: quota(3) }],
        accessGained: [],
        accessLost: [],
      },
    },
    {
      name: 'worsening when a benefit is dropped (it becomes "not granted")',
      previous: goldV1,
      next: goldWithout({ values: goldValuesWithoutCommunity }),
      expected: {
        kind: 'worsening',
        gains: [],
        losses: [{ benefitId: community.id, from: flag(true), to: flag(false) }],
        accessGained: [],
        accessLost: [],
      },
    },
    {
      name: 'worsening when only a course access tier is lost',
      previous: goldV1,
      next: goldWithout({ accessTierIds: [basic.id, advanced.id] }),
      expected: {
        kind: 'worsening',
        gains: [],
        losses: [],
        accessGained: [],
        accessLost: [masterclass.id],
      },
    },
    {
      name: 'improvement when only a course access tier is gained',
      previous: silverV1,
      next: { ...silverV1, accessTierIds: [basic.id, advanced.id, masterclass.id] },
      expected: {
        kind: 'improvement',
        gains: [],
        losses: [],
        accessGained: [masterclass.id],
        accessLost: [],
      },
    },
  ])('is $name', ({ previous, next, expected }) => {
    expect(planChange(previous, next, benefits)).toEqual(expected)
  })

  it('counts every benefit gained and every access tier gained from silver to gold', () => {
    const change = planChange(silverV1, goldV1, benefits)
    expect(change.kind).toBe('improvement')
    expect(change.gains.map((gain) => gain.benefitId)).toEqual([
      'b-tutoring',
      'b-video',
      'b-discount',
      'b-answers',
      'b-community',
      'b-downloads',
      'b-reviews',
    ])
    expect(change.losses).toEqual([])
    expect(change.accessGained).toEqual([masterclass.id])
  })
})

describe('resolvePlan', () => {
  it('keeps the held value where it is better and takes improvements from the latest', () => {
    const plan = resolvePlan({ latest: silverV2, held: silverV1, benefits })
    expect(plan.tierId).toBe('t-silver')
    expect(plan.version).toBe(2)
    expect(plan.heldVersion).toBe(1)
    expect(plan.benefits.get(tutoring.id)).toEqual({ value: quota(4), source: fromTier(silverV1) })
    expect(plan.benefits.get(video.id)).toEqual({ value: level('4k'), source: fromTier(silverV2) })
    expect(plan.benefits.get(downloads.id)).toEqual({
      value: limit(20),
      source: fromTier(silverV2),
    })
    // Equal values come from the latest version.
    expect(plan.benefits.get('b-discount')?.source).toEqual(fromTier(silverV2))
  })

  it.each([
    ['no held version', null, 3],
    ['a held version that is the latest', silverV2, 3],
  ])('applies the latest version alone with %s', (_name, held, tutoringAmount) => {
    const plan = resolvePlan({ latest: silverV2, held, benefits })
    expect(plan.heldVersion).toBeNull()
    expect(plan.benefits.get(tutoring.id)).toEqual({
      value: quota(tutoringAmount),
      source: fromTier(silverV2),
    })
  })

  it('ignores a held version that is newer than the latest', () => {
    const plan = resolvePlan({ latest: silverV1, held: silverV2, benefits })
    expect(plan.heldVersion).toBeNull()
    expect(plan.benefits.get(video.id)).toEqual({
      value: level('1080p'),
      source: fromTier(silverV1),
    })
  })

  it('does not mark a held version that protects nothing', () => {
    const better: PlanVersion = {
      ...silverV2,
      values: { ...silverV1.values, [tutoring.id]: quota(6) },
    }
    const plan = resolvePlan({ latest: better, held: silverV1, benefits })
    expect(plan.heldVersion).toBeNull()
    expect([...plan.benefits.values()].every((entry) => entry.source.type === 'tier')).toBe(true)
    expect(
      [...plan.benefits.values()].map(
        (entry) => entry.source.type === 'tier' && entry.source.version,
      ),
    ).toEqual(benefits.map(() => 2))
  })

  it('opens the union of access tiers, the lost ones from the held version', () => {
    const narrower: PlanVersion = { ...silverV2, accessTierIds: [basic.id] }
    const plan = resolvePlan({ latest: narrower, held: silverV1, benefits })
    expect(plan.heldVersion).toBe(1)
    expect(plan.access).toEqual(
      new Map([
        [basic.id, fromTier(narrower)],
        [advanced.id, fromTier(silverV1)],
      ]),
    )
  })

  it('never resolves a benefit worse than the latest or the (older) held version', () => {
    const scenario = fc
      .array(shapeArbitrary, { minLength: 1, maxLength: 6 })
      .map((shapes) =>
        shapes.map((shape, index): BenefitDefinition => ({
          ...benefitFor(shape),
          id: `b-${index}`,
          key: `k-${index}`,
        })),
      )
      .chain((generated) => {
        const values = fc.tuple(
          ...generated.map((benefit) =>
            fc.option(valueForShape(benefit.shape), { nil: undefined }),
          ),
        )
        return fc.record({
          benefits: fc.constant(generated),
          latest: values,
          held: fc.option(values, { nil: null }),
        })
      })
    const version = (version: number, values: (BenefitValue | undefined)[]): PlanVersion => ({
      ...silverV1,
      id: `p-${version}`,
      version,
      values: Object.fromEntries(
        values.flatMap((value, index) => (value ? [[`b-${index}`, value]] : [])),
      ),
    })
    fc.assert(
      fc.property(scenario, ({ benefits: generated, latest, held }) => {
        const latestPlan = version(2, latest)
        const heldPlan = held ? version(1, held) : null
        const plan = resolvePlan({ latest: latestPlan, held: heldPlan, benefits: generated })
        for (const benefit of generated) {
          const resolved = plan.benefits.get(benefit.id)!.value
          const valueIn = (source: PlanVersion) =>
            source.values[benefit.id] ?? emptyValue(benefit.shape)
          expect(
            compareValues(benefit.shape, resolved, valueIn(latestPlan)),
          ).toBeGreaterThanOrEqual(0)
          if (heldPlan) {
            expect(
              compareValues(benefit.shape, resolved, valueIn(heldPlan)),
            ).toBeGreaterThanOrEqual(0)
          }
        }
      }),
    )
  })
})

describe('withGrants', () => {
  const plan: ResolvedPlan = resolvePlan({ latest: silverV1, held: null, benefits })
  const at = shanghai('2026-06-15T12:00')
  const june = [shanghai('2026-06-01T00:00'), shanghai('2026-07-01T00:00')] as const
  const grantOf = (value: BenefitValue, benefit = tutoring, id = 'g-1'): Grant =>
    supportGrant(value, benefit, ...june, id)
  const fromGrant = (grant: Grant) => ({
    type: 'grant',
    grantId: grant.id,
    reason: 'Apology for outage',
    endsAt: grant.endsAt,
  })

  it('lets a better grant win, naming the grant as the source', () => {
    const grant = grantOf(quota(10))
    const result = withGrants(plan, [grant], benefitsById, at)
    expect(result.get(tutoring.id)).toEqual({ value: quota(10), source: fromGrant(grant) })
    expect(result.get(video.id)).toEqual(plan.benefits.get(video.id))
  })

  it('adds a benefit the tier does not grant', () => {
    const grant = grantOf(flag(true), community)
    expect(withGrants(plan, [grant], benefitsById, at).get(community.id)).toEqual({
      value: flag(true),
      source: fromGrant(grant),
    })
  })

  it('takes the most generous of several grants', () => {
    const grants = [
      grantOf(quota(6), tutoring, 'g-6'),
      grantOf(unlimitedQuota, tutoring, 'g-unlimited'),
      grantOf(quota(9), tutoring, 'g-9'),
    ]
    expect(withGrants(plan, grants, benefitsById, at).get(tutoring.id)).toEqual({
      value: unlimitedQuota,
      source: fromGrant(grants[1]!),
    })
  })

  it.each([
    ['a worse grant', grantOf(quota(2)), at],
    ['an equal grant', grantOf(quota(4)), at],
    ['a grant that ended', grantOf(quota(10)), june[1]],
    ['a grant that has not started', grantOf(quota(10)), shanghai('2026-05-31T23:59')],
    ['a grant of the wrong value kind', grantOf(flag(true)), at],
    ['a grant for an unknown benefit', { ...grantOf(quota(10)), benefitId: 'b-nope' }, at],
  ])('ignores %s', (_name, grant, when) => {
    const result = withGrants(plan, [grant], benefitsById, when)
    expect(result.get(tutoring.id)).toEqual({ value: quota(4), source: fromTier(silverV1) })
    expect(result.has('b-nope')).toBe(false)
  })

  it('counts a grant from the instant it starts', () => {
    const grant = grantOf(quota(10))
    expect(withGrants(plan, [grant], benefitsById, june[0]).get(tutoring.id)?.value).toEqual(
      quota(10),
    )
  })
})
