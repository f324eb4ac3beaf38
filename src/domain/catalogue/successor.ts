// The tier an archived tier hands its members to when their paid period ends (docs/rules.md rule 6):
// another tier, published and not archived, not ranked below the archived one. Honorary tiers are
// granted, never bought or renewed, so they take no paying members: a ladder tier's successor is a
// ladder tier. An archived honorary tier may hand its holders to any other live tier (honorary
// ranks only order honorary tiers among themselves, so ranks are not compared).
import { successorInvalid, type SuccessorProblem } from './messages'
import type { Finding, Localized, TierKind } from './types'

export type SuccessorSubject = { id: string; name: Localized; rank: number; kind: TierKind }

/** The chosen successor as stored: its main (published) document. */
export type SuccessorCandidate = SuccessorSubject & { published: boolean; archived: boolean }

/** Why `successor` cannot take `subject`'s members, or null when it can. */
export function successorProblem(input: {
  subject: SuccessorSubject
  successorId: string | null
  /** null when no tier has that id. */
  successor: SuccessorCandidate | null
}): SuccessorProblem | null {
  const { subject, successorId, successor } = input
  if (!successorId) return { problem: 'missing' }
  if (subject.id !== '' && successorId === subject.id) return { problem: 'self' }
  if (!successor) return { problem: 'not-found', successorId }
  if (successor.archived) return { problem: 'archived', successor: successor.name }
  if (!successor.published) return { problem: 'unpublished', successor: successor.name }
  if (subject.kind === 'honorary') return null
  if (successor.kind === 'honorary') return { problem: 'honorary', successor: successor.name }
  if (successor.rank < subject.rank) {
    return {
      problem: 'ranked-below',
      successor: { name: successor.name, rank: successor.rank },
      rank: subject.rank,
    }
  }
  return null
}

/** The finding for an archived tier's successor field, if any. */
export function successorFindings(input: Parameters<typeof successorProblem>[0]): Finding[] {
  const problem = successorProblem(input)
  if (!problem) return []
  return [
    {
      code: 'successor-invalid',
      path: 'successorTier',
      message: successorInvalid({ tier: input.subject.name, ...problem }),
    },
  ]
}
