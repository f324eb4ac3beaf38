// Entitlement changes that no write marks (docs/webhooks.md "Changes in time"): a scheduled
// downgrade taking effect at the period end, an auto-renewing member entering grace at it, a trial
// starting or ending, a support grant starting or running out. The ledger's events announce what
// writes change; these instants are found from the member's stored state alone, so every process
// finds the same ones and names them the same (`time:<member>:<instant>`).
//
// The end of a membership (expiry, at the period end or at the end of grace) is left out: the
// expiry job records it in the ledger, and the ledger's event announces it.
import type { Grant } from '../entitlements/plans'
import { expiredAt, membershipAt, type MembershipState } from '../entitlements/membership'

export type TransitionReason =
  'period_end' | 'scheduled_change' | 'trial_start' | 'trial_end' | 'grant_start' | 'grant_end'

export type TimeTransition = { at: Date; reasons: TransitionReason[] }

/**
 * The instants in (`from`, `to`] at which the member's entitlements may change by time alone,
 * each with why, earliest first. Whether anything did change is for the caller to read (two
 * entitlement snapshots, just before and at the instant).
 */
export function timeTransitions(input: {
  membership: MembershipState
  grants: readonly Pick<Grant, 'startsAt' | 'endsAt' | 'writtenAt'>[]
  from: Date
  to: Date
  settings: { timeZone: string; graceDays: number }
}): TimeTransition[] {
  const { membership, grants, from, to, settings } = input
  const found = new Map<number, Set<TransitionReason>>()
  const add = (at: Date | null | undefined, reason: TransitionReason) => {
    if (!at || !(at > from) || at > to) return
    const reasons = found.get(at.getTime()) ?? new Set<TransitionReason>()
    reasons.add(reason)
    found.set(at.getTime(), reasons)
  }
  add(membership.periodEnd, 'period_end')
  add(membership.pendingChange?.effectiveAt, 'scheduled_change')
  add(membership.trial?.startsAt, 'trial_start')
  add(membership.trial?.endsAt, 'trial_end')
  if (membership.pendingChange) {
    // A due change starts a period of its own, which may end within the window too.
    const settled = membershipAt(membership, to, settings)
    add(settled.trial?.after.periodEnd ?? settled.periodEnd, 'period_end')
  }
  for (const grant of grants) {
    // A start or end the write itself made (a grant given from now, ended early) was announced
    // by the write.
    const writtenAt = grant.writtenAt ?? null
    if (!writtenAt || grant.startsAt > writtenAt) add(grant.startsAt, 'grant_start')
    if (!writtenAt || grant.endsAt > writtenAt) add(grant.endsAt, 'grant_end')
  }
  if (found.size === 0) return []
  const expiry = expiredAt(membership, to, settings)
  if (expiry) found.delete(expiry.getTime())
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, reasons]) => ({ at: new Date(at), reasons: [...reasons].sort() }))
}
