// What publishing a tier would do to its members, shown to the editor before they publish: who
// gains or loses which benefit, and until when paying members keep what they would lose.
import { formatValueLocalized } from '../catalogue/format'
import type { BenefitDefinition, CourseAccessTierDefinition, Localized } from '../catalogue/types'
import type { MembershipNow } from './membership'
import type { PlanChange } from './plans'

export type ImpactLine = {
  benefit: { id: string; key: string; name: Localized }
  from: Localized
  to: Localized
}

export type PublishImpact = {
  change: PlanChange['kind']
  members: { total: number; inPaidPeriod: number }
  gains: (ImpactLine & { members: number })[]
  losses: (ImpactLine & {
    /** Members who lose it as soon as the tier is published (no paid period running). */
    membersNow: number
    /** Members who keep it until their paid period ends. */
    membersDeferred: number
    deferredUntil: { earliest: Date; latest: Date } | null
  })[]
  accessGained: { id: string; name: Localized }[]
  accessLost: { id: string; name: Localized; membersNow: number; membersDeferred: number }[]
}

export function publishImpact(input: {
  change: PlanChange
  members: readonly MembershipNow[]
  benefitsById: ReadonlyMap<string, BenefitDefinition>
  accessTiersById: ReadonlyMap<string, CourseAccessTierDefinition>
}): PublishImpact {
  const { change, members, benefitsById, accessTiersById } = input
  const paying = members.filter((member) => member.inPaidPeriod)
  const ends = paying
    .map((member) => member.periodEnd?.getTime())
    .filter((time): time is number => time !== undefined)
  const deferredUntil = ends.length
    ? {
        earliest: new Date(Math.min(...ends)),
        latest: new Date(ends.reduce((latest, time) => Math.max(latest, time), 0)),
      }
    : null
  const line = (delta: PlanChange['gains'][number]): ImpactLine | null => {
    const benefit = benefitsById.get(delta.benefitId)
    if (!benefit) return null
    return {
      benefit: { id: benefit.id, key: benefit.key, name: benefit.name },
      from: formatValueLocalized(benefit, delta.from),
      to: formatValueLocalized(benefit, delta.to),
    }
  }
  const accessName = (id: string) => accessTiersById.get(id)?.name ?? { zh: id, en: id }
  const affected = {
    membersNow: members.length - paying.length,
    membersDeferred: paying.length,
  }
  return {
    change: change.kind,
    members: { total: members.length, inPaidPeriod: paying.length },
    gains: change.gains
      .map(line)
      .filter((entry): entry is ImpactLine => entry !== null)
      .map((entry) => ({ ...entry, members: members.length })),
    losses: change.losses
      .map(line)
      .filter((entry): entry is ImpactLine => entry !== null)
      .map((entry) => ({ ...entry, ...affected, deferredUntil })),
    accessGained: change.accessGained.map((id) => ({ id, name: accessName(id) })),
    accessLost: change.accessLost.map((id) => ({ id, name: accessName(id), ...affected })),
  }
}
