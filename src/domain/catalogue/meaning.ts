// What a used benefit means (docs/rules.md rule 4): its key (frontends rely on it), its value shape,
// a quota's period and a duration's unit. Tiers' values are numbers read in those terms, so
// changing one while tiers grant the benefit silently changes what members get (a quota per month
// becoming per day is a 30× cut); it takes a new benefit instead.
import {
  keyChangeInUse,
  meaningChangeInUse,
  shapeChangeInUse,
  type NamedReferences,
} from './messages'
import type { BenefitDefinition, Finding } from './types'

/** Findings at paths in the benefit document; none when no tier uses it (`users.count` 0). */
export function benefitMeaningFindings(input: {
  before: BenefitDefinition
  after: BenefitDefinition
  /** Tiers granting the benefit, published or in a draft. */
  users: NamedReferences
}): Finding[] {
  const { before, after, users } = input
  if (users.count === 0) return []
  const findings: Finding[] = []
  if (after.key !== before.key) {
    findings.push({
      code: 'key-change-in-use',
      path: 'key',
      message: keyChangeInUse({ before: before.key, after: after.key, users }),
    })
  }
  const [from, to] = [before.shape, after.shape]
  if (from.kind !== to.kind) {
    findings.push({
      code: 'shape-change-in-use',
      path: 'valueShape',
      message: shapeChangeInUse({
        benefit: before.name,
        from: from.kind,
        to: to.kind,
        tiers: users.examples,
      }),
    })
  } else if (from.kind === 'quota' && to.kind === 'quota' && from.period !== to.period) {
    findings.push({
      code: 'meaning-change-in-use',
      path: 'quotaPeriod',
      message: meaningChangeInUse({
        benefit: before.name,
        tiers: users,
        field: 'quotaPeriod',
        from: from.period,
        to: to.period,
      }),
    })
  } else if (from.kind === 'duration' && to.kind === 'duration' && from.unit !== to.unit) {
    findings.push({
      code: 'meaning-change-in-use',
      path: 'durationUnit',
      message: meaningChangeInUse({
        benefit: before.name,
        tiers: users,
        field: 'durationUnit',
        from: from.unit,
        to: to.unit,
      }),
    })
  }
  return findings
}
