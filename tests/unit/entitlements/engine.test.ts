import { describe, expect, it } from 'vitest'

import {
  benefitAnswer,
  checkBenefit,
  checkCourse,
  cheapestUpgrade,
  memberView,
  usageWindow,
  type CourseRef,
  type EngineCatalogue,
  type MemberRecord,
  type PlanCache,
} from '../../../src/domain/entitlements/engine'
import type { PlanVersion } from '../../../src/domain/entitlements/plans'
import {
  advanced,
  allPlans,
  basic,
  community,
  downloads,
  engineCatalogue,
  event,
  flag,
  freeV1,
  goldV1,
  level,
  masterclass,
  member,
  platinumV1,
  purchase,
  quota,
  replay,
  reviews,
  shanghai,
  silverV1,
  silverV2,
  supportGrant,
  tutoring,
  unlimitedQuota,
  utc,
  video,
} from './fixtures'

const catalogue = engineCatalogue()
const fromTier = (plan: PlanVersion) => ({
  type: 'tier',
  tierId: plan.tierId,
  tierSlug: plan.slug,
  version: plan.version,
})
const offer = (plan: PlanVersion, period: string, sellingPrice: number) => ({
  tier: { id: plan.tierId, slug: plan.slug, name: plan.name, rank: plan.rank },
  price: { period, listPrice: sellingPrice + 1000, sellingPrice, currency: 'CNY' },
})
const silverOffer = offer(silverV1, 'quarterly', 9900) // 3300 a month beats 3900 monthly
const goldOffer = offer(goldV1, 'annual', 69900) // 5825 a month beats 8900 monthly

const course = (accessTierId: string | null, status: CourseRef['status'] = 'published') => ({
  id: `c-${accessTierId ?? 'none'}-${status}`,
  slug: `course-${accessTierId ?? 'none'}`,
  status,
  accessTierId,
})
const basicCourse = course(basic.id)
const advancedCourse = course(advanced.id)
const masterCourse = course(masterclass.id)

// The clock for most checks: 2026-03-05 in Shanghai, after silver v2 was published on Mar 1.
const at = shanghai('2026-03-05T12:00')
const onEntry = member()
/** Bought silver v1 on Feb 20: the period runs to Mar 20, so v1 still protects the member. */
const silverBuyer = member(replay(purchase(silverV1, shanghai('2026-02-20T10:00'))))
const goldBuyer = member(
  replay(purchase(goldV1, shanghai('2026-01-01T10:00'), { billingPeriod: 'annual' })),
)
const goldExpired = member(
  replay(purchase(goldV1, shanghai('2026-01-01T10:00'), { autoRenew: false })),
)
const goldCancelled = member(
  replay(
    purchase(goldV1, shanghai('2026-03-01T10:00')),
    event('cancellation', shanghai('2026-03-02T10:00'), { immediate: true }),
  ),
)
const silverExpired = member(
  replay(purchase(silverV1, shanghai('2026-01-01T10:00'), { autoRenew: false })),
)

const view = (record: MemberRecord, when = at, inCatalogue: EngineCatalogue = catalogue) =>
  memberView(record, inCatalogue, when)

describe('memberView', () => {
  it('puts a member without a tier on the entry tier', () => {
    const result = view(onEntry)
    expect(result.tierPlan).toBe(freeV1)
    expect(result.plan).toMatchObject({ tierId: 't-free', version: 1, heldVersion: null })
    expect(result.benefits.get(video.id)).toEqual({
      value: level('720p'),
      source: fromTier(freeV1),
    })
  })

  it('keeps what a member paid for during the period and adds the improvements', () => {
    const result = view(silverBuyer)
    expect(result.tierPlan).toBe(silverV2)
    expect(result.plan?.heldVersion).toBe(1)
    expect(result.benefits.get(tutoring.id)).toEqual({
      value: quota(4),
      source: fromTier(silverV1),
    })
    expect(result.benefits.get(video.id)).toEqual({
      value: level('4k'),
      source: fromTier(silverV2),
    })
  })

  it('applies the latest version alone in grace, outside the paid period', () => {
    const result = view(silverBuyer, shanghai('2026-03-21T12:00'))
    expect(result.membership.status).toBe('grace')
    expect(result.plan?.heldVersion).toBeNull()
    expect(result.benefits.get(tutoring.id)).toEqual({
      value: quota(3),
      source: fromTier(silverV2),
    })
  })

  it('falls back to the entry tier once the membership lapsed', () => {
    const result = view(goldExpired)
    expect(result.membership).toMatchObject({ tierId: null, lapsedTierId: 't-gold' })
    expect(result.tierPlan).toBe(freeV1)
  })

  it('raises values with grants in force', () => {
    const grant = supportGrant(
      flag(true),
      community,
      shanghai('2026-03-01T00:00'),
      shanghai('2026-04-01T00:00'),
    )
    const result = view(member(onEntry.membership, [grant]))
    expect(result.benefits.get(community.id)?.value).toEqual(flag(true))
    expect(result.benefits.get(community.id)?.source).toMatchObject({
      type: 'grant',
      grantId: 'g-1',
    })
  })

  it('resolves a plan once per latest and held version and reuses it from the cache', () => {
    const cache: PlanCache = new Map()
    const first = memberView(silverBuyer, catalogue, at, cache)
    const second = memberView(silverBuyer, catalogue, shanghai('2026-03-06T12:00'), cache)
    expect([...cache.keys()]).toEqual(['p-silver-2|p-silver-1'])
    expect(second.plan).toBe(first.plan)
  })

  it('has no plan and no benefits when there is no entry tier', () => {
    const result = view(onEntry, at, engineCatalogue(allPlans, { entryTierId: null }))
    expect(result.plan).toBeNull()
    expect(result.benefits.size).toBe(0)
  })
})

describe('checkCourse', () => {
  const check = (record: MemberRecord, ref: CourseRef | undefined, inCatalogue = catalogue) =>
    checkCourse(view(record, at, inCatalogue), inCatalogue, ref?.id ?? 'c-unknown', ref)

  it('allows a course the tier opens and says where access comes from', () => {
    expect(check(goldBuyer, masterCourse)).toEqual({
      course: masterCourse.id,
      allowed: true,
      reason: 'entitled',
      accessTier: { id: masterclass.id, rank: 3, name: masterclass.name },
      source: fromTier(goldV1),
      upgrade: null,
    })
    expect(check(onEntry, basicCourse)).toMatchObject({ allowed: true, source: fromTier(freeV1) })
  })

  it('reports course_unknown with the id asked for', () => {
    expect(check(goldBuyer, undefined)).toEqual({
      course: 'c-unknown',
      allowed: false,
      reason: 'course_unknown',
      accessTier: null,
      source: null,
      upgrade: null,
    })
  })

  it.each([
    ['a draft', course(basic.id, 'draft')],
    ['an archived course', course(basic.id, 'archived')],
    ['a course without an access tier', course(null)],
  ])('reports course_unpublished for %s', (_name, ref) => {
    expect(check(goldBuyer, ref)).toMatchObject({
      allowed: false,
      reason: 'course_unpublished',
      upgrade: null,
    })
  })

  it.each([
    ['an entry member to the cheapest tier opening it', onEntry, advancedCourse, silverOffer],
    ['a silver member past their own tier', silverBuyer, masterCourse, goldOffer],
    ['a lapsed member whose old tier did not open it', silverExpired, masterCourse, goldOffer],
  ])('reports tier_too_low and points %s', (_name, record, ref, upgrade) => {
    expect(check(record, ref)).toMatchObject({
      allowed: false,
      reason: 'tier_too_low',
      source: null,
      upgrade,
    })
  })

  it.each([
    ['membership_expired', goldExpired],
    ['membership_cancelled', goldCancelled],
  ])('reports %s when the lapsed tier would have opened the course', (reason, record) => {
    expect(check(record, masterCourse)).toMatchObject({
      allowed: false,
      reason,
      upgrade: goldOffer,
    })
  })

  describe('when the latest gold version drops masterclasses', () => {
    const goldV2: PlanVersion = {
      ...goldV1,
      id: 'p-gold-2',
      version: 2,
      accessTierIds: [basic.id, advanced.id],
    }
    const narrowed = engineCatalogue([...allPlans, goldV2])

    it('keeps the course open to a member who paid for gold v1 until their period ends', () => {
      expect(check(goldBuyer, masterCourse, narrowed)).toMatchObject({
        allowed: true,
        source: fromTier(goldV1),
      })
    })

    it('offers no upgrade afterwards, as only an archived tier opens it', () => {
      const lateBuyer = member(replay(purchase(goldV1, shanghai('2026-02-01T10:00'))))
      const inGrace = checkCourse(
        view(lateBuyer, shanghai('2026-03-02T00:00'), narrowed),
        narrowed,
        masterCourse.id,
        masterCourse,
      )
      expect(inGrace).toMatchObject({ allowed: false, reason: 'tier_too_low', upgrade: null })
    })
  })
})

describe('cheapestUpgrade', () => {
  const opensMaster = (plan: PlanVersion) => plan.accessTierIds.includes(masterclass.id)
  const priced = (plan: PlanVersion, prices: PlanVersion['prices']) => ({ ...plan, prices })
  const listed = (sellingPrice: number) => sellingPrice + 1000

  it('compares monthly equivalents: 120000 a year beats 15000 a month', () => {
    const repriced = engineCatalogue([
      freeV1,
      priced(silverV1, [{ period: 'monthly', listPrice: 16000, sellingPrice: 15000 }]),
      priced(goldV1, [{ period: 'annual', listPrice: 130000, sellingPrice: 120000 }]),
    ])
    expect(cheapestUpgrade(repriced, Number.NEGATIVE_INFINITY, () => true)).toEqual({
      tier: { id: 't-gold', slug: 'gold', name: goldV1.name, rank: 2 },
      price: { period: 'annual', listPrice: 130000, sellingPrice: 120000, currency: 'CNY' },
    })
  })

  it('prefers the lower tier when the monthly equivalents are equal', () => {
    const repriced = engineCatalogue(
      [
        priced(silverV1, [{ period: 'monthly', listPrice: listed(10000), sellingPrice: 10000 }]),
        priced(goldV1, [{ period: 'annual', listPrice: listed(120000), sellingPrice: 120000 }]),
      ],
      { live: ['t-gold', 't-silver'] },
    ) // gold is seen first
    expect(cheapestUpgrade(repriced, 0, () => true)?.tier.id).toBe('t-silver')
  })

  it('offers a tier without a price only when nothing priced qualifies', () => {
    const unpriced = engineCatalogue([freeV1, silverV1, priced(goldV1, [])])
    expect(cheapestUpgrade(unpriced, 1, opensMaster)).toEqual({
      tier: { id: 't-gold', slug: 'gold', name: goldV1.name, rank: 2 },
      price: null,
    })
    expect(cheapestUpgrade(unpriced, 0, () => true)?.tier.id).toBe('t-silver')
  })

  it('only offers live tiers above the current rank', () => {
    expect(cheapestUpgrade(catalogue, 2, opensMaster)).toBeNull()
    const platinumLive = engineCatalogue(allPlans, {
      live: ['t-free', 't-silver', 't-gold', 't-platinum'],
    })
    expect(cheapestUpgrade(platinumLive, 2, opensMaster)?.tier.id).toBe(platinumV1.tierId)
  })

  it('never offers the entry tier', () => {
    expect(cheapestUpgrade(catalogue, Number.NEGATIVE_INFINITY, (plan) => plan.rank === 0)).toBe(
      null,
    )
  })
})

describe('checkBenefit', () => {
  const check = (record: MemberRecord, key: string, amount: number, used = 0) =>
    checkBenefit(view(record), catalogue, key, amount, at, used)

  it('reports benefit_unknown for a key the catalogue does not have', () => {
    expect(check(goldBuyer, 'teleportation', 1)).toEqual({
      benefit: 'teleportation',
      allowed: false,
      reason: 'benefit_unknown',
      value: null,
      upgrade: null,
    })
  })

  it('reports not_included with the cheapest tier that grants it', () => {
    const result = check(onEntry, community.key, 1)
    expect(result).toMatchObject({ allowed: false, reason: 'not_included', upgrade: goldOffer })
    expect(result.value).toMatchObject({ granted: false, source: null })
  })

  it('reports membership_expired when the lapsed tier granted the benefit', () => {
    expect(check(goldExpired, community.key, 1).reason).toBe('membership_expired')
  })

  it.each([
    { used: 3, amount: 1, reason: 'entitled', upgrade: null },
    { used: 0, amount: 4, reason: 'entitled', upgrade: null },
    { used: 3, amount: 2, reason: 'quota_exhausted', upgrade: goldOffer },
    { used: 4, amount: 1, reason: 'quota_exhausted', upgrade: goldOffer },
  ])(
    'answers $reason for $amount more of a quota of 4 with $used used',
    ({ used, amount, reason, upgrade }) => {
      const result = check(silverBuyer, tutoring.key, amount, used)
      expect(result).toMatchObject({ allowed: reason === 'entitled', reason, upgrade })
      expect(result.value?.quota).toMatchObject({
        limit: 4,
        used,
        remaining: Math.max(0, 4 - used),
      })
    },
  )

  it('never exhausts an unlimited quota', () => {
    const grant = supportGrant(
      unlimitedQuota,
      tutoring,
      shanghai('2026-03-01T00:00'),
      shanghai('2026-04-01T00:00'),
    )
    const result = check(member(onEntry.membership, [grant]), tutoring.key, 5, 1_000_000)
    expect(result).toMatchObject({ allowed: true, reason: 'entitled' })
    expect(result.value?.quota).toMatchObject({ limit: null, remaining: null, used: 1_000_000 })
  })

  it.each([
    { name: 'allows up to the limit', record: silverBuyer, amount: 20, reason: 'entitled' },
    { name: 'refuses beyond it', record: silverBuyer, amount: 21, reason: 'over_limit' },
    {
      name: 'allows any amount when unlimited',
      record: goldBuyer,
      amount: 1e6,
      reason: 'entitled',
    },
  ])('$name for a limit benefit', ({ record, amount, reason }) => {
    // Silver v2 raised downloads from 10 to 20, which reaches v1 buyers at once.
    const result = check(record, downloads.key, amount)
    expect(result.reason).toBe(reason)
    expect(result.upgrade).toEqual(reason === 'over_limit' ? goldOffer : null)
  })

  it('allows a flag benefit the tier grants, whatever the amount', () => {
    expect(check(goldBuyer, community.key, 3)).toMatchObject({ allowed: true, reason: 'entitled' })
  })
})

describe('benefitAnswer', () => {
  // Bought silver v1 quarterly on Oct 1: Nov 15 lies in the paid period, after v2 was published.
  const november = shanghai('2026-11-15T12:00')
  const quarterly = member(
    replay(purchase(silverV1, shanghai('2026-10-01T10:00'), { billingPeriod: 'quarterly' })),
  )
  const answer = (record: MemberRecord, when: Date, used: number, benefit = tutoring) =>
    benefitAnswer(memberView(record, catalogue, when), benefit, catalogue, when, used)

  it('gives limit, used, remaining and the next local month start for a monthly quota', () => {
    expect(answer(quarterly, november, 1)).toEqual({
      key: 'tutoring',
      name: tutoring.name,
      category: 'learning-service',
      kind: 'quota',
      granted: true,
      value: quota(4),
      display: { zh: '每月 4 次', en: '4 sessions / month' },
      source: fromTier(silverV1),
      quota: {
        period: 'month',
        limit: 4,
        used: 1,
        remaining: 3,
        resetsAt: utc('2026-11-30T16:00:00Z'),
      },
    })
  })

  it('never reports a negative remainder', () => {
    expect(answer(quarterly, november, 7).quota).toMatchObject({ limit: 4, remaining: 0 })
  })

  it('reports a benefit the tier does not grant as not granted, with no source', () => {
    expect(answer(onEntry, november, 0)).toMatchObject({
      granted: false,
      value: quota(0),
      display: { zh: '—', en: '—' },
      source: null,
      quota: { limit: 0, remaining: 0, resetsAt: utc('2026-11-30T16:00:00Z') },
    })
  })

  describe('for a billing-period quota', () => {
    // Bought Jan 15 and renewed early twice: one period Jan 15 – Apr 15 in three monthly cycles.
    const renewed = member(
      replay(
        purchase(silverV1, shanghai('2026-01-15T10:00')),
        event('renewal', shanghai('2026-02-01T00:00')),
        event('renewal', shanghai('2026-03-01T00:00')),
      ),
    )

    it.each([
      ['2026-01-20T00:00', '2026-02-15T10:00'],
      ['2026-02-20T00:00', '2026-03-15T10:00'],
      ['2026-04-01T00:00', '2026-04-15T10:00'],
    ])('at %s resets at the end of the billing cycle, %s', (when, resetsAt) => {
      expect(answer(renewed, shanghai(when), 1, reviews).quota).toEqual({
        period: 'billing-period',
        limit: 2,
        used: 1,
        remaining: 1,
        resetsAt: shanghai(resetsAt),
      })
    })

    it('counts usage in the billing cycle, not the calendar month', () => {
      const when = shanghai('2026-02-20T00:00')
      const result = view(renewed, when)
      expect(usageWindow(result, reviews, catalogue, when)).toEqual({
        start: shanghai('2026-02-15T10:00'),
        end: shanghai('2026-03-15T10:00'),
      })
      expect(usageWindow(result, tutoring, catalogue, when)).toEqual({
        start: utc('2026-01-31T16:00:00Z'),
        end: utc('2026-02-28T16:00:00Z'),
      })
      expect(usageWindow(result, video, catalogue, when)).toBeNull()
    })

    it('has no window, hence nothing to use, outside a paid period', () => {
      const inGrace = shanghai('2026-04-16T00:00')
      expect(answer(renewed, inGrace, 0, reviews).quota).toEqual({
        period: 'billing-period',
        limit: 0,
        used: 0,
        remaining: 0,
        resetsAt: null,
      })
    })
  })
})

describe('fixture members', () => {
  it('are what their names say on the test clock', () => {
    const membership = (record: MemberRecord) => view(record).membership
    expect(membership(silverBuyer)).toMatchObject({ tierId: 't-silver', inPaidPeriod: true })
    expect(membership(goldBuyer)).toMatchObject({ tierId: 't-gold', inPaidPeriod: true })
    expect(membership(goldExpired)).toMatchObject({ lapsedTierId: 't-gold', status: 'expired' })
    expect(membership(goldCancelled)).toMatchObject({
      lapsedTierId: 't-gold',
      status: 'cancelled',
    })
    expect(membership(silverExpired)).toMatchObject({
      lapsedTierId: 't-silver',
      status: 'expired',
    })
  })
})

describe('members of an archived tier', () => {
  const archived = engineCatalogue(allPlans, {
    live: ['t-free', 't-gold'],
    successorOf: new Map([['t-silver', 't-gold']]),
  })
  const silverBuyer = member(
    replay(purchase(silverV2, shanghai('2026-03-01T10:00'), { autoRenew: true })),
  )

  it('keep the archived tier while their paid period runs', () => {
    const view = memberView(silverBuyer, archived, shanghai('2026-03-20T10:00'))
    expect(view.tierPlan?.tierId).toBe('t-silver')
    expect(view.membership.inPaidPeriod).toBe(true)
  })

  it('hold the successor once the period has ended (in grace)', () => {
    const view = memberView(silverBuyer, archived, shanghai('2026-04-01T12:00'))
    expect(view.membership.status).toBe('grace')
    expect(view.tierPlan?.tierId).toBe('t-gold')
  })

  it('follow a chain of archived tiers to the live end of it', () => {
    const chained = engineCatalogue(allPlans, {
      live: ['t-free', 't-gold'],
      successorOf: new Map([
        ['t-silver', 't-platinum'],
        ['t-platinum', 't-gold'],
      ]),
    })
    const view = memberView(silverBuyer, chained, shanghai('2026-04-01T12:00'))
    expect(view.tierPlan?.tierId).toBe('t-gold')
  })
})
