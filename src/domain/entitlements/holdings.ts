// Which tier versions still deliver a benefit to paying members (docs/rules.md rules 6 and 7): a
// member in a paid period keeps the version they paid for, so a benefit a tier no longer grants
// may still reach them through an older version until their period ends.
import type { BenefitDefinition, Localized } from '../catalogue/types'
import { grantsNothing } from '../catalogue/values'
import { planKey, type MemberView } from './engine'
import type { PlanVersion } from './plans'

export type TierVersionHolding = {
  tierId: string
  version: number
  name: Localized
  members: number
}

export type BenefitHoldingSummary = {
  /** Paying members who receive the benefit from a tier version. */
  members: number
  versions: TierVersionHolding[]
  /** The latest end of those members' paid periods. */
  until: Date | null
}

export function benefitHoldings(input: {
  views: Iterable<MemberView>
  benefit: BenefitDefinition
  plansByKey: ReadonlyMap<string, PlanVersion>
}): BenefitHoldingSummary {
  const { benefit } = input
  const versions = new Map<string, TierVersionHolding>()
  let members = 0
  let until: Date | null = null
  for (const view of input.views) {
    if (!view.membership.inPaidPeriod) continue
    const resolved = view.plan?.benefits.get(benefit.id)
    if (!resolved || resolved.source.type !== 'tier') continue
    if (grantsNothing(benefit.shape, resolved.value)) continue
    const { tierId, version } = resolved.source
    const key = planKey(tierId, version)
    const holding = versions.get(key) ?? {
      tierId,
      version,
      name: input.plansByKey.get(key)?.name ?? { zh: tierId, en: tierId },
      members: 0,
    }
    holding.members += 1
    versions.set(key, holding)
    members += 1
    const end = view.membership.periodEnd
    if (end && (!until || end > until)) until = end
  }
  const sorted = [...versions.values()].sort(
    (a, b) => b.members - a.members || a.tierId.localeCompare(b.tierId) || a.version - b.version,
  )
  return { members, versions: sorted, until }
}
