// Entitlement plan versions: an immutable snapshot of what a tier granted when it was published,
// how two versions compare (improvement or worsening), and which version a member holds now
// (docs/rules.md rule 7: paying members keep what they paid for until their period ends; improvements
// reach them at once).
import { compareValues, emptyValue } from '../catalogue/values'
import type {
  BenefitDefinition,
  BenefitValue,
  Localized,
  TierDefinition,
  TierKind,
  TierPrice,
} from '../catalogue/types'

export type PlanVersion = {
  id: string
  tierId: string
  version: number
  publishedAt: Date
  slug: string
  name: Localized
  rank: number
  kind: TierKind
  prices: readonly TierPrice[]
  /** Benefit id → value; a benefit missing here is not granted. */
  values: Readonly<Record<string, BenefitValue>>
  accessTierIds: readonly string[]
}

/** The snapshot a publish stores, from the tier as published. */
export function planSnapshot(
  tier: TierDefinition,
): Omit<PlanVersion, 'id' | 'version' | 'publishedAt'> {
  return {
    tierId: tier.id,
    slug: tier.slug,
    name: tier.name,
    rank: tier.rank,
    kind: tier.kind,
    prices: tier.prices,
    values: Object.fromEntries(tier.benefits.map((row) => [row.benefitId, row.value])),
    accessTierIds: [...tier.accessTierIds],
  }
}

export const planValue = (plan: Pick<PlanVersion, 'values'>, benefit: BenefitDefinition) =>
  plan.values[benefit.id] ?? emptyValue(benefit.shape)

export type BenefitDelta = { benefitId: string; from: BenefitValue; to: BenefitValue }

export type PlanChange = {
  /** `worsening` when anything is lost, even if other things improve. */
  kind: 'initial' | 'improvement' | 'worsening' | 'unchanged'
  gains: BenefitDelta[]
  losses: BenefitDelta[]
  accessGained: string[]
  accessLost: string[]
}

type PlanContent = Pick<PlanVersion, 'values' | 'accessTierIds'>

/** How `next` differs from `previous` for a member, benefit by benefit and in course access. */
export function planChange(
  previous: PlanContent | null,
  next: PlanContent,
  benefits: readonly BenefitDefinition[],
): PlanChange {
  if (!previous) {
    return { kind: 'initial', gains: [], losses: [], accessGained: [], accessLost: [] }
  }
  const gains: BenefitDelta[] = []
  const losses: BenefitDelta[] = []
  for (const benefit of benefits) {
    const from = planValue(previous, benefit)
    const to = planValue(next, benefit)
    const order = compareValues(benefit.shape, to, from)
    if (order > 0) gains.push({ benefitId: benefit.id, from, to })
    if (order < 0) losses.push({ benefitId: benefit.id, from, to })
  }
  const before = new Set(previous.accessTierIds)
  const after = new Set(next.accessTierIds)
  const accessGained = [...after].filter((id) => !before.has(id))
  const accessLost = [...before].filter((id) => !after.has(id))
  const kind =
    losses.length || accessLost.length
      ? 'worsening'
      : gains.length || accessGained.length
        ? 'improvement'
        : 'unchanged'
  return { kind, gains, losses, accessGained, accessLost }
}

/** Where a value in an answer comes from, so support can explain it. */
export type ValueSource =
  | { type: 'tier'; tierId: string; tierSlug: string; version: number }
  | { type: 'grant'; grantId: string; reason: string; endsAt: Date }

export type ResolvedValue = { value: BenefitValue; source: ValueSource }

export type ResolvedPlan = {
  tierId: string
  /** The version whose terms apply; with grandfathering, the newer of the two combined. */
  version: number
  /** The older version still protecting the member, when the latest made things worse. */
  heldVersion: number | null
  benefits: ReadonlyMap<string, ResolvedValue>
  access: ReadonlyMap<string, ValueSource>
}

const tierSource = (plan: PlanVersion): ValueSource => ({
  type: 'tier',
  tierId: plan.tierId,
  tierSlug: plan.slug,
  version: plan.version,
})

/**
 * The plan a member of `latest.tierId` holds. In a paid period bought under an older version, each
 * benefit is the better of the held and the latest version, so a worsening waits for the period to
 * end while an improvement applies at once. Outside a paid period the latest version alone applies.
 * Both inputs are immutable, so the result may be cached under their ids for ever.
 */
export function resolvePlan(input: {
  latest: PlanVersion
  held: PlanVersion | null
  benefits: readonly BenefitDefinition[]
}): ResolvedPlan {
  const { latest, benefits } = input
  const held = input.held && input.held.version < latest.version ? input.held : null
  const latestSource = tierSource(latest)
  const resolved = new Map<string, ResolvedValue>()
  let protectedSomething = false
  for (const benefit of benefits) {
    const fromLatest = planValue(latest, benefit)
    if (held && compareValues(benefit.shape, planValue(held, benefit), fromLatest) > 0) {
      resolved.set(benefit.id, { value: planValue(held, benefit), source: tierSource(held) })
      protectedSomething = true
    } else {
      resolved.set(benefit.id, { value: fromLatest, source: latestSource })
    }
  }
  const access = new Map<string, ValueSource>(latest.accessTierIds.map((id) => [id, latestSource]))
  for (const id of held?.accessTierIds ?? []) {
    if (!access.has(id)) {
      access.set(id, tierSource(held!))
      protectedSomething = true
    }
  }
  return {
    tierId: latest.tierId,
    version: latest.version,
    heldVersion: protectedSomething && held ? held.version : null,
    benefits: resolved,
    access,
  }
}

export type Grant = {
  id: string
  benefitId: string
  value: BenefitValue
  startsAt: Date
  endsAt: Date
  reason: string
  /**
   * When the grant was last written (support's edit): a start or end at or before it took effect
   * with the write, announced by it, not by time (domain/webhooks/timeTransitions.ts).
   */
  writtenAt?: Date | null
}

/** Grants in force at `now` raise a value when they give more; the most generous source wins. */
export function withGrants(
  plan: ResolvedPlan,
  grants: readonly Grant[],
  benefitsById: ReadonlyMap<string, BenefitDefinition>,
  now: Date,
): ReadonlyMap<string, ResolvedValue> {
  const active = grants.filter((grant) => grant.startsAt <= now && now < grant.endsAt)
  if (!active.length) return plan.benefits
  const result = new Map(plan.benefits)
  for (const grant of active) {
    const benefit = benefitsById.get(grant.benefitId)
    if (!benefit || grant.value.kind !== benefit.shape.kind) continue
    const current = result.get(grant.benefitId)
    if (!current || compareValues(benefit.shape, grant.value, current.value) > 0) {
      result.set(grant.benefitId, {
        value: grant.value,
        source: { type: 'grant', grantId: grant.id, reason: grant.reason, endsAt: grant.endsAt },
      })
    }
  }
  return result
}
