// The tier ladder's guard rails (docs/rules.md rules 1–4): unique ranks and one lowest entry tier,
// a monotonic gradient of benefits and course access, and adjacent tiers that differ; prices
// (docs/rules.md rule 5) are checked in prices.ts.
import { formatValueLocalized } from './format'
import {
  adjacentTiersIdentical,
  benefitListedTwice,
  benefitUnknown,
  entryTierMissing,
  entryTierNotLowest,
  entryTierNotUnique,
  gradientAccessMissing,
  gradientBenefitLower,
  growthThresholdsInvalid,
  honoraryTierHasRankConflict,
  levelOptionInUse,
  rankNotUnique,
  shapeChangeInUse,
  slugNotUnique,
  type Against,
} from './messages'
import { priceFindings, type PriceRules } from './prices'
import {
  type BenefitDefinition,
  type CourseAccessTierDefinition,
  type Finding,
  type Localized,
  type TierBenefitGrant,
  type TierDefinition,
} from './types'
import { compareValues, emptyValue, valueFieldName, valueFindings } from './values'

type Catalogue = {
  benefits: ReadonlyMap<string, BenefitDefinition>
  accessTiers: ReadonlyMap<string, CourseAccessTierDefinition>
  /** The price plausibility settings; the defaults when left out. */
  priceRules?: PriceRules
}

export type TierFindingsInput = Catalogue & {
  subject: TierDefinition
  others: readonly TierDefinition[]
}

export type LadderFindingsInput = Catalogue & { tiers: readonly TierDefinition[] }

export type TierFinding = { tierId: string; finding: Finding }

/** A finding plus what benefitChangeFindings needs to tell which ones a benefit edit caused. */
type Tagged = { finding: Finding; benefitId?: string; against?: Against }

/** Honorary tiers are granted, not climbed: they sit outside the ladder (docs/rules.md rule 1). */
export const isLadderTier = (tier: TierDefinition): boolean => tier.kind !== 'honorary'

const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0)

/** Ladder order: by rank, then slug, so the order is the same every time even with equal ranks. */
export const byRank = (a: TierDefinition, b: TierDefinition): number =>
  compareNumbers(a.rank, b.rank) || a.slug.localeCompare(b.slug)

/** The ladder: tiers that are not honorary, lowest rank first. */
export const ladderOf = (tiers: readonly TierDefinition[]): TierDefinition[] =>
  tiers.filter(isLadderTier).sort(byRank)

const hasText = (text: string | undefined): boolean => (text ?? '').trim() !== ''

/** The row a tier grants a benefit with; a repeated row is reported, and the first one counts. */
export const grantOf = (tier: TierDefinition, benefitId: string): TierBenefitGrant | undefined =>
  tier.benefits.find((grant) => grant.benefitId === benefitId)

const accessName = (catalogue: Catalogue, id: string): Localized =>
  catalogue.accessTiers.get(id)?.name ?? { zh: id, en: id }

const accessRank = (catalogue: Catalogue, id: string): number =>
  catalogue.accessTiers.get(id)?.rank ?? Number.POSITIVE_INFINITY

/** The findings for the tier being published, with paths inside its own document. */
export function tierFindings(input: TierFindingsInput): Finding[] {
  return checkTier(input).map(({ finding }) => finding)
}

function checkTier(input: TierFindingsInput): Tagged[] {
  const { subject } = input
  // The stored copy of the subject may be among the others; it must not collide with itself.
  const others = input.others.filter(
    (other) => other !== subject && (subject.id === '' || other.id !== subject.id),
  )
  const ladderOthers = isLadderTier(subject) ? others.filter(isLadderTier) : []
  const lower = ladderOthers
    .filter((other) => other.rank < subject.rank)
    .sort((a, b) => byRank(b, a))
  const higher = ladderOthers.filter((other) => other.rank > subject.rank).sort(byRank)
  const neighbours = { lower, higher }
  const untagged = (findings: Finding[]): Tagged[] => findings.map((finding) => ({ finding }))

  return [
    ...untagged(rankFindings(subject, others)),
    ...untagged(slugFindings(subject, others)),
    ...untagged(kindFindings(subject, others)),
    ...untagged(growthFindings(subject)),
    ...untagged(priceFindings(subject, neighbours, input.priceRules)),
    ...benefitFindings(subject, neighbours, input),
    ...untagged(accessFindings(subject, neighbours, input)),
    ...untagged(adjacencyFindings(subject, neighbours, input)),
  ]
}

function rankFindings(subject: TierDefinition, others: readonly TierDefinition[]): Finding[] {
  const findings: Finding[] = []
  const sameRank = others.filter((other) => other.rank === subject.rank)
  if (!isLadderTier(subject)) {
    // Honorary ranks only order the honorary tiers among themselves.
    const clashing = sameRank.filter((other) => !isLadderTier(other))
    if (clashing.length > 0) {
      findings.push({
        code: 'honorary-tier-has-rank-conflict',
        path: 'rank',
        message: honoraryTierHasRankConflict({
          tier: subject.name,
          rank: subject.rank,
          others: clashing.map((other) => other.name),
        }),
      })
    }
    return findings
  }

  const ladderOthers = others.filter(isLadderTier)
  const clashing = sameRank.filter(isLadderTier)
  if (clashing.length > 0) {
    findings.push({
      code: 'rank-not-unique',
      path: 'rank',
      message: rankNotUnique({
        tier: subject.name,
        rank: subject.rank,
        others: clashing.map((other) => other.name),
      }),
    })
  }
  const tier = { name: subject.name, rank: subject.rank }
  if (subject.kind === 'entry') {
    const [lowest] = ladderOthers.filter((other) => other.rank < subject.rank).sort(byRank)
    if (lowest) {
      findings.push({
        code: 'entry-tier-not-lowest',
        path: 'rank',
        message: entryTierNotLowest({
          case: 'entry-above-others',
          tier,
          lowest: { name: lowest.name, rank: lowest.rank },
        }),
      })
    }
  } else {
    const [entry] = ladderOthers
      .filter((other) => other.kind === 'entry' && other.rank > subject.rank)
      .sort((a, b) => byRank(b, a))
    if (entry) {
      findings.push({
        code: 'entry-tier-not-lowest',
        path: 'rank',
        message: entryTierNotLowest({
          case: 'below-entry',
          tier,
          entry: { name: entry.name, rank: entry.rank },
        }),
      })
    }
  }
  return findings
}

function slugFindings(subject: TierDefinition, others: readonly TierDefinition[]): Finding[] {
  const clashing = others.filter((other) => other.slug === subject.slug)
  if (clashing.length === 0) return []
  return [
    {
      code: 'slug-not-unique',
      path: 'slug',
      message: slugNotUnique({
        tier: subject.name,
        slug: subject.slug,
        others: clashing.map((other) => other.name),
      }),
    },
  ]
}

function kindFindings(subject: TierDefinition, others: readonly TierDefinition[]): Finding[] {
  if (subject.kind !== 'entry') return []
  const entries = others.filter((other) => other.kind === 'entry')
  if (entries.length === 0) return []
  return [
    {
      code: 'entry-tier-not-unique',
      path: 'kind',
      message: entryTierNotUnique({
        tier: subject.name,
        existing: entries.map((other) => other.name),
      }),
    },
  ]
}

function growthFindings(subject: TierDefinition): Finding[] {
  if (subject.kind !== 'growth') return []
  const reach = subject.growth?.reach ?? Number.NaN
  const keep = subject.growth?.keep ?? Number.NaN
  const reachValid = Number.isFinite(reach) && reach > 0
  const keepValid = Number.isFinite(keep) && keep >= 0 && (!reachValid || keep <= reach)
  const finding = (field: 'reach' | 'keep'): Finding => ({
    code: 'growth-thresholds-invalid',
    path: `growth.${field}`,
    message: growthThresholdsInvalid({ tier: subject.name, field, reach, keep }),
  })
  return [...(reachValid ? [] : [finding('reach')]), ...(keepValid ? [] : [finding('keep')])]
}

type Neighbours = {
  /** Lower ladder tiers, nearest first. */
  lower: readonly TierDefinition[]
  /** Higher ladder tiers, nearest first. */
  higher: readonly TierDefinition[]
}

/** Row checks, value checks and the benefit gradient, in the order of the subject's rows. */
function benefitFindings(
  subject: TierDefinition,
  neighbours: Neighbours,
  catalogue: Catalogue,
): Tagged[] {
  const findings: Tagged[] = []
  const firstIndexOf = new Map<string, number>()
  for (const [index, grant] of subject.benefits.entries()) {
    const rowPath = `benefits.${index}`
    const benefit = catalogue.benefits.get(grant.benefitId)
    if (!benefit) {
      findings.push({
        finding: {
          code: 'benefit-unknown',
          path: `${rowPath}.benefit`,
          message: benefitUnknown({
            tier: subject.name,
            benefitId: grant.benefitId,
            row: index + 1,
          }),
        },
      })
      continue
    }
    const firstIndex = firstIndexOf.get(benefit.id)
    if (firstIndex !== undefined) {
      findings.push({
        finding: {
          code: 'benefit-listed-twice',
          path: `${rowPath}.benefit`,
          message: benefitListedTwice({
            tier: subject.name,
            benefit: benefit.name,
            firstRow: firstIndex + 1,
            row: index + 1,
          }),
        },
      })
      continue
    }
    firstIndexOf.set(benefit.id, index)
    const invalid = valueFindings({
      benefit,
      value: grant.value,
      path: rowPath,
      tierName: subject.name,
    })
    findings.push(...invalid.map((finding) => ({ finding, benefitId: benefit.id })))
    // An invalid value is reported once, as such, not again as a gradient break.
    if (invalid.length === 0) {
      const path = `${rowPath}.${valueFieldName(benefit.shape.kind)}`
      findings.push(...gradientFindings(subject, benefit, path, neighbours))
    }
  }

  // Benefits only the other tiers list: the subject grants nothing, which may be too little.
  const seen = new Set(subject.benefits.map((grant) => grant.benefitId))
  for (const other of [...neighbours.lower, ...neighbours.higher]) {
    for (const grant of other.benefits) {
      if (seen.has(grant.benefitId)) continue
      seen.add(grant.benefitId)
      const benefit = catalogue.benefits.get(grant.benefitId)
      if (benefit) findings.push(...gradientFindings(subject, benefit, 'benefits', neighbours))
    }
  }
  return findings
}

/**
 * The subject must grant at least what every lower tier grants and at most what every higher one
 * does. Only the nearest offender per direction is reported: fixing it usually fixes the rest.
 */
function gradientFindings(
  subject: TierDefinition,
  benefit: BenefitDefinition,
  path: string,
  neighbours: Neighbours,
): Tagged[] {
  const shape = benefit.shape
  const subjectGrant = grantOf(subject, benefit.id)
  const subjectValue = subjectGrant?.value ?? emptyValue(shape)
  const breaks = (other: TierDefinition, against: Against): boolean => {
    const otherGrant = grantOf(other, benefit.id)
    const order = compareValues(shape, subjectValue, otherGrant?.value ?? emptyValue(shape))
    const broken = against === 'lower' ? order < 0 : order > 0
    return (
      broken && !hasText(subjectGrant?.exceptionReason) && !hasText(otherGrant?.exceptionReason)
    )
  }
  const finding = (other: TierDefinition, against: Against): Tagged => ({
    finding: {
      code: 'gradient-benefit-lower',
      path,
      message: gradientBenefitLower({
        against,
        tier: subject.name,
        other: other.name,
        benefit: benefit.name,
        kind: shape.kind,
        value: formatValueLocalized(benefit, subjectValue),
        otherValue: formatValueLocalized(
          benefit,
          grantOf(other, benefit.id)?.value ?? emptyValue(shape),
        ),
        hasRow: subjectGrant !== undefined,
      }),
    },
    benefitId: benefit.id,
    against,
  })
  const lowerOffender = neighbours.lower.find((other) => breaks(other, 'lower'))
  const higherOffender = neighbours.higher.find((other) => breaks(other, 'higher'))
  return [
    ...(lowerOffender ? [finding(lowerOffender, 'lower')] : []),
    ...(higherOffender ? [finding(higherOffender, 'higher')] : []),
  ]
}

/** A higher tier opens every course-access tier a lower one opens (docs/rules.md rule 2). */
function accessFindings(
  subject: TierDefinition,
  neighbours: Neighbours,
  catalogue: Catalogue,
): Finding[] {
  const opened = new Set(subject.accessTierIds)
  /** access tier id -> the nearest tier it differs from */
  const missing = new Map<string, TierDefinition>()
  if (!hasText(subject.accessExceptionReason)) {
    for (const other of neighbours.lower) {
      for (const id of other.accessTierIds) {
        if (!opened.has(id) && !missing.has(id)) missing.set(id, other)
      }
    }
  }
  const extra = new Map<string, TierDefinition>()
  for (const other of neighbours.higher) {
    if (hasText(other.accessExceptionReason)) continue
    const theirs = new Set(other.accessTierIds)
    for (const id of opened) {
      if (!theirs.has(id) && !extra.has(id)) extra.set(id, other)
    }
  }

  const finding = (against: Against, byAccessTier: Map<string, TierDefinition>): Finding => {
    const ids = [...byAccessTier.keys()].sort(
      (a, b) =>
        compareNumbers(accessRank(catalogue, a), accessRank(catalogue, b)) || a.localeCompare(b),
    )
    return {
      code: 'gradient-access-missing',
      path: 'accessTiers',
      message: gradientAccessMissing({
        against,
        tier: subject.name,
        others: [...new Set(byAccessTier.values())].map((other) => other.name),
        accessTiers: ids.map((id) => accessName(catalogue, id)),
      }),
    }
  }
  return [
    ...(missing.size > 0 ? [finding('lower', missing)] : []),
    ...(extra.size > 0 ? [finding('higher', extra)] : []),
  ]
}

/** Equal values for every benefit either tier lists, and the same course access. */
export function grantsTheSame(
  a: TierDefinition,
  b: TierDefinition,
  benefits: ReadonlyMap<string, BenefitDefinition>,
): boolean {
  const accessA = new Set(a.accessTierIds)
  const accessB = new Set(b.accessTierIds)
  if (accessA.size !== accessB.size || [...accessA].some((id) => !accessB.has(id))) return false
  const benefitIds = new Set([...a.benefits, ...b.benefits].map((grant) => grant.benefitId))
  return [...benefitIds].every((id) => {
    const benefit = benefits.get(id)
    if (!benefit) return true
    const empty = emptyValue(benefit.shape)
    return (
      compareValues(
        benefit.shape,
        grantOf(a, id)?.value ?? empty,
        grantOf(b, id)?.value ?? empty,
      ) === 0
    )
  })
}

/** Each step up must be worth something (docs/rules.md rule 3). */
function adjacencyFindings(
  subject: TierDefinition,
  neighbours: Neighbours,
  catalogue: Catalogue,
): Finding[] {
  const candidates: [TierDefinition | undefined, Against][] = [
    [neighbours.lower[0], 'lower'],
    [neighbours.higher[0], 'higher'],
  ]
  return candidates.flatMap(([neighbour, against]) =>
    neighbour && grantsTheSame(subject, neighbour, catalogue.benefits)
      ? [
          {
            code: 'adjacent-tiers-identical' as const,
            path: 'benefits',
            message: adjacentTiersIdentical({
              against,
              tier: subject.name,
              neighbour: neighbour.name,
            }),
          },
        ]
      : [],
  )
}

function checkLadder(input: LadderFindingsInput): { tierId: string; tagged: Tagged }[] {
  const results: { tierId: string; tagged: Tagged }[] = []
  const ladder = input.tiers.filter(isLadderTier)
  if (ladder.length > 0 && !ladder.some((tier) => tier.kind === 'entry')) {
    results.push({
      tierId: '',
      tagged: { finding: { code: 'entry-tier-missing', path: '', message: entryTierMissing() } },
    })
  }
  for (const [index, subject] of input.tiers.entries()) {
    const others = input.tiers.filter((_, otherIndex) => otherIndex !== index)
    for (const tagged of checkTier({ ...input, subject, others })) {
      results.push({ tierId: subject.id, tagged })
    }
  }
  return results
}

/**
 * Every tier checked against all the others, plus a missing entry tier (tierId '', path ''). A
 * break between two tiers is reported from both sides, once per tier document.
 */
export function ladderFindings(input: LadderFindingsInput): TierFinding[] {
  return checkLadder(input).map(({ tierId, tagged }) => ({ tierId, finding: tagged.finding }))
}

/** The benefit document field an edit most likely broke the ladder through. */
function changedField(before: BenefitDefinition, after: BenefitDefinition): string {
  if (after.shape.kind === 'level') return 'levels'
  const bound = (definition: BenefitDefinition, name: 'min' | 'max') =>
    name in definition.shape
      ? (definition.shape as { min?: number; max?: number })[name]
      : undefined
  if (bound(before, 'max') !== bound(after, 'max')) return 'maximum'
  if (bound(before, 'min') !== bound(after, 'min')) return 'minimum'
  return 'valueShape'
}

/**
 * An edit of a benefit definition that `tiers` (the published ones) already use. Findings are at
 * paths in the benefit document. Only problems the edit introduces are reported, so renaming a
 * benefit is never blocked by an older, unrelated break.
 */
export function benefitChangeFindings(
  input: Catalogue & {
    before: BenefitDefinition
    after: BenefitDefinition
    tiers: readonly TierDefinition[]
  },
): Finding[] {
  const { before, after, tiers } = input
  const users = tiers.filter((tier) => grantOf(tier, after.id) !== undefined)

  if (before.shape.kind !== after.shape.kind && users.length > 0) {
    return [
      {
        code: 'shape-change-in-use',
        path: 'valueShape',
        message: shapeChangeInUse({
          benefit: before.name,
          from: before.shape.kind,
          to: after.shape.kind,
          tiers: users.map((tier) => tier.name),
        }),
      },
    ]
  }

  if (before.shape.kind === 'level' && after.shape.kind === 'level') {
    const kept = new Set(after.shape.options.map((option) => option.key))
    const removedInUse = before.shape.options.flatMap((option) => {
      if (kept.has(option.key)) return []
      const holders = users.filter((tier) =>
        tier.benefits.some(
          (grant) =>
            grant.benefitId === after.id &&
            grant.value.kind === 'level' &&
            grant.value.level === option.key,
        ),
      )
      return holders.length === 0
        ? []
        : [
            {
              code: 'level-option-in-use' as const,
              path: 'levels',
              message: levelOptionInUse({
                benefit: before.name,
                option,
                tiers: holders.map((tier) => tier.name),
              }),
            },
          ]
    })
    if (removedInUse.length > 0) return removedInUse
  }

  const key = ({ tierId, tagged }: { tierId: string; tagged: Tagged }) =>
    `${tierId}|${tagged.finding.code}|${tagged.finding.path}`
  const withDefinition = (definition: BenefitDefinition) =>
    new Map(input.benefits).set(definition.id, definition)
  const existing = new Set(checkLadder({ ...input, benefits: withDefinition(before) }).map(key))
  const path = changedField(before, after)
  return checkLadder({ ...input, benefits: withDefinition(after) })
    .filter(
      (result) =>
        result.tagged.benefitId === after.id &&
        // A break is found from both tiers; the lower-side message is enough here.
        result.tagged.against !== 'higher' &&
        !existing.has(key(result)),
    )
    .map(({ tagged }) => ({ ...tagged.finding, path }))
}
