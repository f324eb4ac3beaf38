// Which instants a member's entitlements may change at by time alone (docs/webhooks.md "Changes no
// ledger event marks"), with an explicit clock: a scheduled downgrade, grace, a trial, grants;
// the window's ends; the expiry left to the ledger.
import { describe, expect, it } from 'vitest'

import { replayLedger, type MembershipEvent } from '../../../src/domain/entitlements/membership'
import { timeTransitions } from '../../../src/domain/webhooks/timeTransitions'

const settings = { timeZone: 'Asia/Shanghai', graceDays: 7 }
const day = 86_400_000
const bought = new Date('2026-01-31T02:00:00Z')
let sequence = 0
const event = (over: Partial<MembershipEvent>): MembershipEvent => ({
  sequence: (sequence += 1),
  type: 'purchase',
  occurredAt: bought,
  orderId: `o-${sequence}`,
  tierId: 'gold',
  planVersion: 1,
  billingPeriod: 'monthly',
  amount: 9900,
  ...over,
})
const replay = (...events: MembershipEvent[]) => replayLedger(events, settings.timeZone)
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms)
const window = (from: Date, to: Date) => ({ from, to, settings })

describe('timeTransitions', () => {
  const monthly = replay(event({ autoRenew: false }))
  const end = monthly.periodEnd!

  it('finds a scheduled downgrade at the period end, once, inside (from, to] only', () => {
    const downgrading = replay(
      event({ autoRenew: true }),
      event({ type: 'downgrade', occurredAt: plus(bought, 5 * day), tierId: 'silver' }),
    )
    const at = downgrading.pendingChange!.effectiveAt
    expect(at.getTime()).toBe(end.getTime())
    const found = timeTransitions({
      membership: downgrading,
      grants: [],
      ...window(plus(at, -60_000), plus(at, 60_000)),
    })
    expect(found).toEqual([{ at, reasons: ['period_end', 'scheduled_change'] }])
    // `from` is exclusive, `to` inclusive: consecutive sweeps see each instant once.
    expect(
      timeTransitions({ membership: downgrading, grants: [], ...window(at, plus(at, day)) }),
    ).toEqual([])
    expect(
      timeTransitions({ membership: downgrading, grants: [], ...window(plus(at, -day), at) }),
    ).toHaveLength(1)
  })

  it('finds an auto-renewing member entering grace, and leaves the expiry to the ledger', () => {
    const renewing = replay(event({ autoRenew: true }))
    const grace = timeTransitions({
      membership: renewing,
      grants: [],
      ...window(plus(end, -day), plus(end, day)),
    })
    expect(grace).toEqual([{ at: end, reasons: ['period_end'] }])
    // Without auto-renewal the period end is the expiry: the expiry job's ledger event says so.
    expect(
      timeTransitions({
        membership: monthly,
        grants: [],
        ...window(plus(end, -day), plus(end, day)),
      }),
    ).toEqual([])
  })

  it('finds a trial starting and ending', () => {
    const start = plus(bought, 40 * day)
    const trial = replay(
      event({ type: 'trial', occurredAt: start, tierId: 'diamond', days: 7, billingPeriod: null }),
    )
    const found = timeTransitions({
      membership: trial,
      grants: [],
      ...window(plus(start, -1), plus(start, 10 * day)),
    })
    expect(found.map((transition) => transition.reasons)).toEqual([['trial_start'], ['trial_end']])
    expect(found[1]!.at).toEqual(trial.trial!.endsAt)
  })

  it('finds a grant starting or ending later than it was written, not what the write did', () => {
    const writtenAt = plus(bought, 2 * day)
    const later = { startsAt: plus(bought, 3 * day), endsAt: plus(bought, 4 * day), writtenAt }
    const fromNow = { startsAt: writtenAt, endsAt: plus(bought, 4 * day), writtenAt }
    const endedEarly = { startsAt: bought, endsAt: writtenAt, writtenAt }
    const range = window(bought, plus(bought, 5 * day))
    expect(
      timeTransitions({ membership: monthly, grants: [later], ...range }).map((t) => t.reasons),
    ).toEqual([['grant_start'], ['grant_end']])
    expect(
      timeTransitions({ membership: monthly, grants: [fromNow, endedEarly], ...range }),
    ).toEqual([{ at: plus(bought, 4 * day), reasons: ['grant_end'] }])
  })

  it('finds nothing for a member on the entry tier with nothing scheduled', () => {
    expect(
      timeTransitions({
        membership: replay(),
        grants: [],
        ...window(bought, plus(bought, 365 * day)),
      }),
    ).toEqual([])
  })
})
