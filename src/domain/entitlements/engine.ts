// The question frontends ask on every page: may this member open this course or use this benefit,
// how much is left, and if not, which tier would do it. Plain data in, answers out; the same code
// serves REST, GraphQL and the lean HTTP path.
import { formatValueLocalized } from '../catalogue/format'
import type {
  BenefitDefinition,
  BenefitValue,
  CourseAccessTierDefinition,
  Localized,
  TierPrice,
} from '../catalogue/types'
import { compareValues, emptyValue, grantsNothing } from '../catalogue/values'
import {
  billingCycleAt,
  membershipAt,
  type MembershipNow,
  type MembershipState,
} from './membership'
import {
  resolvePlan,
  withGrants,
  type Grant,
  type PlanVersion,
  type ResolvedPlan,
  type ResolvedValue,
  type ValueSource,
} from './plans'
import { quotaWindow, type QuotaWindow } from './quotaWindow'
import type { MemberContact } from '../messages/types'

/** Every reason an answer can carry; `entitled` is the only one with `allowed: true`. */
export const checkReasons = [
  'entitled',
  'member_unknown',
  'course_unknown',
  'course_unpublished',
  'benefit_unknown',
  'membership_expired',
  'membership_cancelled',
  'tier_too_low',
  'not_included',
  'quota_exhausted',
  'over_limit',
] as const
export type CheckReason = (typeof checkReasons)[number]

export type CourseRef = {
  id: string
  slug: string
  status: 'draft' | 'published' | 'archived'
  accessTierId: string | null
}

export type MemberRecord = {
  id: string
  externalId: string
  membership: MembershipState
  grants: readonly Grant[]
  /** When the member was created (campaign audiences: joined within N days). */
  joinedAt?: Date | null
  /** The member's growth points (campaign audiences: growth value). */
  growthValue?: number
  /** Contact, language and consent (messages; absent on records built without them). */
  contact?: MemberContact
  /** The member's display name (messages greet them by it). */
  displayName?: string | null
}

export type EngineSettings = {
  timeZone: string
  graceDays: number
  currency: string
  /** How long an upgrade quote holds (docs/rules.md rule 18); 15 when not set. */
  quoteValidMinutes?: number
}

/** The catalogue as the engine reads it. Plan versions are immutable; the rest is current. */
export type EngineCatalogue = {
  benefits: readonly BenefitDefinition[]
  benefitsById: ReadonlyMap<string, BenefitDefinition>
  benefitsByKey: ReadonlyMap<string, BenefitDefinition>
  /** Benefits not archived: the ones an entitlements answer lists. */
  activeBenefitIds: ReadonlySet<string>
  accessTiersById: ReadonlyMap<string, CourseAccessTierDefinition>
  /** Every version of every tier, by `${tierId}:${version}`. */
  plansByKey: ReadonlyMap<string, PlanVersion>
  /** The newest version of each tier that has one, archived tiers included. */
  latestPlanByTier: ReadonlyMap<string, PlanVersion>
  /** Published, non-archived tiers: what can be bought or suggested. */
  liveTierIds: ReadonlySet<string>
  /** Archived tier → the live tier its members move to when their paid period ends. */
  successorOf: ReadonlyMap<string, string>
  entryTierId: string | null
  settings: EngineSettings
  /** Catalogue generation: changes whenever anything above changes (part of the ETag). */
  generation: number
}

export const planKey = (tierId: string, version: number) => `${tierId}:${version}`

/**
 * The tier a member of `tierId` belongs to once no paid period protects them: the tier itself, or
 * for an archived tier the live successor its editors chose (followed through chains of archives).
 */
export function tierAfterPeriod(catalogue: EngineCatalogue, tierId: string): string {
  let current = tierId
  for (let hops = 0; hops < 10; hops += 1) {
    const next = catalogue.successorOf.get(current)
    if (!next) return current
    current = next
  }
  return current
}

/** A member's position at `now`: membership, the plan in force and every benefit value. */
export type MemberView = {
  member: MemberRecord
  membership: MembershipNow
  tierPlan: PlanVersion | null
  plan: ResolvedPlan | null
  benefits: ReadonlyMap<string, ResolvedValue>
}

/** Resolved plans by `${latestId}|${heldId}`: both immutable, so entries never go stale. */
export type PlanCache = Map<string, ResolvedPlan>

type CachedView = { view: MemberView; catalogue: EngineCatalogue; from: number; until: number }

/**
 * Views by member record. Records and catalogues are immutable (a change makes a new object), so a
 * view stays right for its record and catalogue until the next instant at which time alone changes
 * the answer: a period end, the end of grace, a downgrade coming due, a grant starting or ending.
 */
const viewCache = new WeakMap<MemberRecord, CachedView>()

function validUntil(view: MemberView, now: number): number {
  const { membership, member } = view
  const candidates = [
    member.membership.periodEnd?.getTime(),
    member.membership.trial?.startsAt.getTime(),
    member.membership.trial?.endsAt.getTime(),
    membership.graceEndsAt?.getTime(),
    membership.pendingChange?.effectiveAt.getTime(),
    ...member.grants.flatMap((grant) => [grant.startsAt.getTime(), grant.endsAt.getTime()]),
  ]
  let until = Number.POSITIVE_INFINITY
  for (const time of candidates) if (time !== undefined && time > now && time < until) until = time
  return until
}

export function memberView(
  member: MemberRecord,
  catalogue: EngineCatalogue,
  now: Date,
  cache?: PlanCache,
): MemberView {
  const time = now.getTime()
  if (cache) {
    const cached = viewCache.get(member)
    if (cached && cached.catalogue === catalogue && cached.from <= time && time < cached.until) {
      return cached.view
    }
  }
  const view = computeView(member, catalogue, now, cache)
  if (cache) viewCache.set(member, { view, catalogue, from: time, until: validUntil(view, time) })
  return view
}

function computeView(
  member: MemberRecord,
  catalogue: EngineCatalogue,
  now: Date,
  cache?: PlanCache,
): MemberView {
  const membership = membershipAt(member.membership, now, catalogue.settings)
  // Members of an archived tier keep it while their paid period runs, then hold its successor.
  const tierId = membership.tierId
    ? membership.inPaidPeriod
      ? membership.tierId
      : tierAfterPeriod(catalogue, membership.tierId)
    : catalogue.entryTierId
  const tierPlan = tierId ? (catalogue.latestPlanByTier.get(tierId) ?? null) : null
  if (!tierPlan) {
    return { member, membership, tierPlan: null, plan: null, benefits: new Map() }
  }
  const held =
    membership.inPaidPeriod && membership.planVersion !== null && membership.tierId
      ? (catalogue.plansByKey.get(planKey(membership.tierId, membership.planVersion)) ?? null)
      : null
  const key = `${tierPlan.id}|${held?.id ?? ''}`
  let plan = cache?.get(key)
  if (!plan) {
    plan = resolvePlan({ latest: tierPlan, held, benefits: catalogue.benefits })
    cache?.set(key, plan)
  }
  const benefits = withGrants(plan, member.grants, catalogue.benefitsById, now)
  return { member, membership, tierPlan, plan, benefits }
}

export type UpgradeOffer = {
  tier: { id: string; slug: string; name: Localized; rank: number }
  price: (TierPrice & { currency: string }) | null
}

const monthsIn = { monthly: 1, quarterly: 3, annual: 12 } as const
const perMonth = (price: TierPrice) => price.sellingPrice / monthsIn[price.period]

/** The cheapest live tier above the member's that satisfies `opens`, with its best-value price. */
/** Upgrade answers per catalogue, by what was asked (`cacheKey`) and the member's rank. */
const upgradeCache = new WeakMap<EngineCatalogue, Map<string, UpgradeOffer | null>>()

export function cheapestUpgrade(
  catalogue: EngineCatalogue,
  currentRank: number,
  opens: (plan: PlanVersion) => boolean,
  cacheKey?: string,
): UpgradeOffer | null {
  if (cacheKey === undefined) return findCheapestUpgrade(catalogue, currentRank, opens)
  let answers = upgradeCache.get(catalogue)
  if (!answers) upgradeCache.set(catalogue, (answers = new Map()))
  const key = `${cacheKey}|${currentRank}`
  if (!answers.has(key)) answers.set(key, findCheapestUpgrade(catalogue, currentRank, opens))
  return answers.get(key) ?? null
}

function findCheapestUpgrade(
  catalogue: EngineCatalogue,
  currentRank: number,
  opens: (plan: PlanVersion) => boolean,
): UpgradeOffer | null {
  let best: { plan: PlanVersion; price: TierPrice | null; monthly: number } | null = null
  for (const tierId of catalogue.liveTierIds) {
    const plan = catalogue.latestPlanByTier.get(tierId)
    if (!plan || (plan.kind !== 'paid' && plan.kind !== 'growth')) continue
    if (plan.rank <= currentRank || !opens(plan)) continue
    const price = [...plan.prices].sort((a, b) => perMonth(a) - perMonth(b))[0] ?? null
    const monthly = price ? perMonth(price) : Number.POSITIVE_INFINITY
    if (
      !best ||
      monthly < best.monthly ||
      (monthly === best.monthly && plan.rank < best.plan.rank)
    ) {
      best = { plan, price, monthly }
    }
  }
  if (!best) return null
  const { plan, price } = best
  return {
    tier: { id: plan.tierId, slug: plan.slug, name: plan.name, rank: plan.rank },
    price: price ? { ...price, currency: catalogue.settings.currency } : null,
  }
}

const currentRank = (view: MemberView): number =>
  view.membership.tierId && view.tierPlan ? view.tierPlan.rank : Number.NEGATIVE_INFINITY

/** Why a lapsed member is refused something their old tier gave them. */
function lapsedReason(
  view: MemberView,
  catalogue: EngineCatalogue,
  wouldAllow: (plan: PlanVersion) => boolean,
): CheckReason | null {
  const lapsed = view.membership.lapsedTierId
  const plan = lapsed ? catalogue.latestPlanByTier.get(lapsed) : undefined
  if (!plan || !wouldAllow(plan)) return null
  return view.membership.status === 'cancelled' ? 'membership_cancelled' : 'membership_expired'
}

export type CourseCheck = {
  course: string
  allowed: boolean
  reason: CheckReason
  accessTier: { id: string; rank: number; name: Localized } | null
  source: ValueSource | null
  upgrade: UpgradeOffer | null
}

export function checkCourse(
  view: MemberView,
  catalogue: EngineCatalogue,
  courseId: string,
  course: CourseRef | undefined,
): CourseCheck {
  const accessTier = course?.accessTierId
    ? (catalogue.accessTiersById.get(course.accessTierId) ?? null)
    : null
  const answer = (
    reason: CheckReason,
    extra: Partial<Pick<CourseCheck, 'source' | 'upgrade'>> = {},
  ): CourseCheck => ({
    course: course?.id ?? courseId,
    allowed: reason === 'entitled',
    reason,
    accessTier: accessTier
      ? { id: accessTier.id, rank: accessTier.rank, name: accessTier.name }
      : null,
    source: extra.source ?? null,
    upgrade: extra.upgrade ?? null,
  })
  if (!course) return answer('course_unknown')
  if (course.status !== 'published' || !course.accessTierId) return answer('course_unpublished')
  const accessTierId = course.accessTierId
  const source = view.plan?.access.get(accessTierId)
  if (source) return answer('entitled', { source })
  const opens = (plan: PlanVersion) => plan.accessTierIds.includes(accessTierId)
  return answer(lapsedReason(view, catalogue, opens) ?? 'tier_too_low', {
    upgrade: cheapestUpgrade(catalogue, currentRank(view), opens, `access:${accessTierId}`),
  })
}

export type QuotaStatus = {
  period: string
  /** null: unlimited. */
  limit: number | null
  used: number
  remaining: number | null
  /** When the window resets; null when the quota has no window now (no billing period). */
  resetsAt: Date | null
}

/** Display strings by benefit and value object (values come from immutable plans and grants). */
const displayCache = new WeakMap<BenefitDefinition, WeakMap<BenefitValue, Localized>>()

function displayOf(benefit: BenefitDefinition, value: BenefitValue): Localized {
  let byValue = displayCache.get(benefit)
  if (!byValue) displayCache.set(benefit, (byValue = new WeakMap()))
  let display = byValue.get(value)
  if (!display) byValue.set(value, (display = formatValueLocalized(benefit, value)))
  return display
}

export type BenefitAnswer = {
  key: string
  name: Localized
  category: string
  kind: BenefitValue['kind']
  granted: boolean
  value: BenefitValue
  display: Localized
  source: ValueSource | null
  quota: QuotaStatus | null
}

const calendarWindows = new Map<string, QuotaWindow>()

/** The window usage of a quota benefit is counted in for this member now. */
export function usageWindow(
  view: MemberView,
  benefit: BenefitDefinition,
  catalogue: EngineCatalogue,
  now: Date,
): QuotaWindow | null {
  if (benefit.shape.kind !== 'quota') return null
  const { periodStart, periodEnd, billingPeriod, inPaidPeriod } = view.membership
  const timeZone = catalogue.settings.timeZone
  if (benefit.shape.period !== 'billing-period') {
    // Calendar windows are the same for everyone: reuse the current one until it ends.
    const key = `${benefit.shape.period}|${timeZone}`
    const cached = calendarWindows.get(key)
    if (cached && cached.start <= now && now < cached.end) return cached
    const window = quotaWindow(benefit.shape.period, now, { timeZone })
    if (window) calendarWindows.set(key, window)
    return window
  }
  const cycle =
    periodStart && periodEnd && inPaidPeriod
      ? billingCycleAt({ start: periodStart, end: periodEnd, billingPeriod }, now, timeZone)
      : null
  return quotaWindow(benefit.shape.period, now, { timeZone, billingPeriod: cycle ?? undefined })
}

export function benefitAnswer(
  view: MemberView,
  benefit: BenefitDefinition,
  catalogue: EngineCatalogue,
  now: Date,
  used: number,
): BenefitAnswer {
  const resolved = view.benefits.get(benefit.id)
  const value: BenefitValue = resolved?.value ?? emptyValue(benefit.shape)
  const granted = !grantsNothing(benefit.shape, value)
  let quota: QuotaStatus | null = null
  if (benefit.shape.kind === 'quota' && value.kind === 'quota') {
    const window = usageWindow(view, benefit, catalogue, now)
    const limit = value.unlimited ? null : window ? value.amount : 0
    quota = {
      period: benefit.shape.period,
      limit,
      used,
      remaining: limit === null ? null : Math.max(0, limit - used),
      resetsAt: window?.end ?? null,
    }
  }
  return {
    key: benefit.key,
    name: benefit.name,
    category: benefit.category,
    kind: benefit.shape.kind,
    granted,
    value,
    display: displayOf(benefit, value),
    source: granted ? (resolved?.source ?? null) : null,
    quota,
  }
}

export type BenefitCheck = {
  benefit: string
  allowed: boolean
  reason: CheckReason
  value: BenefitAnswer | null
  upgrade: UpgradeOffer | null
}

/** May the member use `amount` of the benefit now? `used` is the quota used in the current window. */
export function checkBenefit(
  view: MemberView,
  catalogue: EngineCatalogue,
  key: string,
  amount: number,
  now: Date,
  used: number,
): BenefitCheck {
  const benefit = catalogue.benefitsByKey.get(key)
  if (!benefit)
    return { benefit: key, allowed: false, reason: 'benefit_unknown', value: null, upgrade: null }
  const value = benefitAnswer(view, benefit, catalogue, now, used)
  const refuse = (reason: CheckReason, better: (plan: PlanVersion) => boolean): BenefitCheck => ({
    benefit: key,
    allowed: false,
    reason: lapsedReason(view, catalogue, better) ?? reason,
    value,
    upgrade: cheapestUpgrade(
      catalogue,
      currentRank(view),
      better,
      `benefit:${benefit.id}:${JSON.stringify(value.value)}`,
    ),
  })
  const planGrants = (plan: PlanVersion) => plan.values[benefit.id]
  const grantsMore = (plan: PlanVersion) => {
    const offered = planGrants(plan)
    return offered !== undefined && compareValues(benefit.shape, offered, value.value) > 0
  }
  if (!value.granted) return refuse('not_included', grantsMore)
  const allowed: BenefitCheck = {
    benefit: key,
    allowed: true,
    reason: 'entitled',
    value,
    upgrade: null,
  }
  if (value.quota) {
    const { remaining } = value.quota
    if (remaining === null || remaining >= amount) return allowed
    return refuse('quota_exhausted', grantsMore)
  }
  if (value.value.kind === 'limit' && !value.value.unlimited && amount > value.value.amount) {
    return refuse('over_limit', grantsMore)
  }
  return allowed
}
