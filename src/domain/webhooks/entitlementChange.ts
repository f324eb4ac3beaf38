// What a ledger event changed in a member's entitlements, for `member.entitlements.changed`: the
// tier, each benefit whose value differs and the course-access tiers gained or lost, before → after,
// both read at the instant of the event.
import type { BenefitValue } from '../catalogue/types'
import type { EngineCatalogue, MemberView } from '../entitlements/engine'

export type EntitlementSnapshot = {
  tier: { id: string; slug: string } | null
  status: string
  periodEnd: string | null
  benefits: Record<string, BenefitValue>
  courseAccess: string[]
}

export type EntitlementChange = {
  tier: { before: EntitlementSnapshot['tier']; after: EntitlementSnapshot['tier'] } | null
  status: { before: string; after: string } | null
  periodEnd: { before: string | null; after: string | null } | null
  benefits: { key: string; before: BenefitValue | null; after: BenefitValue | null }[]
  courseAccess: { gained: string[]; lost: string[] }
}

/** The member's entitlements in a view, by benefit key and course-access tier id. */
export function entitlementSnapshot(
  view: MemberView,
  catalogue: EngineCatalogue,
): EntitlementSnapshot {
  const benefits: Record<string, BenefitValue> = {}
  for (const [benefitId, resolved] of view.benefits) {
    const key = catalogue.benefitsById.get(benefitId)?.key ?? benefitId
    benefits[key] = resolved.value
  }
  const access = [...(view.plan?.access.keys() ?? [])]
  return {
    tier: view.tierPlan ? { id: view.tierPlan.tierId, slug: view.tierPlan.slug } : null,
    status: view.membership.status,
    periodEnd: view.membership.periodEnd?.toISOString() ?? null,
    benefits,
    courseAccess: [...new Set(access)].sort(),
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The differences between two snapshots; null when nothing changed. */
export function entitlementChange(
  before: EntitlementSnapshot,
  after: EntitlementSnapshot,
): EntitlementChange | null {
  const keys = [
    ...new Set([...Object.keys(before.benefits), ...Object.keys(after.benefits)]),
  ].sort()
  const benefits = keys
    .filter((key) => !same(before.benefits[key], after.benefits[key]))
    .map((key) => ({
      key,
      before: before.benefits[key] ?? null,
      after: after.benefits[key] ?? null,
    }))
  const gained = after.courseAccess.filter((slug) => !before.courseAccess.includes(slug))
  const lost = before.courseAccess.filter((slug) => !after.courseAccess.includes(slug))
  const change: EntitlementChange = {
    tier: same(before.tier, after.tier) ? null : { before: before.tier, after: after.tier },
    status: before.status === after.status ? null : { before: before.status, after: after.status },
    periodEnd:
      before.periodEnd === after.periodEnd
        ? null
        : { before: before.periodEnd, after: after.periodEnd },
    benefits,
    courseAccess: { gained, lost },
  }
  const changed =
    change.tier ||
    change.status ||
    change.periodEnd ||
    benefits.length ||
    gained.length ||
    lost.length
  return changed ? change : null
}
