// Upgrade credit (docs/rules.md rule 18): what the unused, paid-for rest of a member's current
// period is worth. Only time that was paid for earns credit: bonus days of a campaign, granted days
// and trial days are not paid, so they earn nothing. Time is counted in the platform's calendar days
// (a "day" of a cycle runs from the cycle's start time to the same wall-clock time the next day),
// and the day in progress counts as used, so the credit is zero on a cycle's last day.
//
// Rounding: each paid cycle's credit is `floor(paid × unusedDays / days)` in whole 分, so it never
// exceeds what that cycle was paid and is never negative; the member loses less than 1 分 per cycle
// to rounding (and the day in progress, at most one day of the cycle).
import type { BillingPeriod } from '../catalogue/types'
import { addCalendarDays } from '../time/zonedCalendar'
import {
  applyMembershipEvent,
  initialMembership,
  ledgerOrder,
  nextCycleEnd,
  periodEndFrom,
  renewalContinues,
  settle,
  type MembershipEvent,
  type MembershipState,
} from './membership'

/** A stretch of the membership that an order paid for: [start, end), `paid` in 分. */
export type PaidCycle = { start: Date; end: Date; paid: number }

type Fold = {
  state: MembershipState
  cycles: PaidCycle[]
  /** A scheduled downgrade's order and what it paid: its cycle starts when the downgrade does. */
  pendingPaid: { orderId: string; paid: number } | null
}

const paidOf = (event: MembershipEvent): number =>
  Math.max(0, Math.trunc(event.amount ?? 0)) + Math.max(0, Math.trunc(event.credit ?? 0))

const pendingCycle = (state: MembershipState, pendingPaid: Fold['pendingPaid'], tz: string) => {
  const pending = state.pendingChange
  if (!pending || !pendingPaid || pendingPaid.orderId !== pending.orderId) return null
  const billingPeriod: BillingPeriod = pending.billingPeriod ?? state.billingPeriod ?? 'monthly'
  return {
    start: pending.effectiveAt,
    end: periodEndFrom(pending.effectiveAt, billingPeriod, tz),
    paid: pendingPaid.paid,
  }
}

function step(fold: Fold, event: MembershipEvent, tz: string): Fold {
  const at = event.occurredAt
  const previous = fold.state
  let cycles = fold.cycles
  let pendingPaid = fold.pendingPaid
  // A scheduled downgrade that has come due: its paid cycle is the period now.
  const settled = settle(previous, at, tz)
  if (settled !== previous) {
    const due = pendingCycle(previous, pendingPaid, tz)
    cycles = due ? [due] : []
    pendingPaid = null
  }
  const state = applyMembershipEvent(previous, event, tz)
  const billingPeriod: BillingPeriod = event.billingPeriod ?? settled.billingPeriod ?? 'monthly'
  const fresh = (): PaidCycle[] => [
    { start: at, end: periodEndFrom(at, billingPeriod, tz), paid: paidOf(event) },
  ]
  switch (event.type) {
    case 'purchase':
    case 'upgrade':
      return { state, cycles: fresh(), pendingPaid: null }
    case 'renewal': {
      if (renewalContinues(settled, at, billingPeriod, tz) && settled.periodStart) {
        const end = settled.periodEnd!
        const cycleEnd = nextCycleEnd(settled.periodStart, end, billingPeriod, tz)
        return {
          state,
          cycles: [...cycles, { start: end, end: cycleEnd, paid: paidOf(event) }],
          pendingPaid: null,
        }
      }
      return { state, cycles: fresh(), pendingPaid: null }
    }
    case 'downgrade':
      // Scheduled for the period end (its cycle waits), or, with nothing running, at once.
      if (state.pendingChange?.orderId === event.orderId) {
        return { state, cycles, pendingPaid: { orderId: event.orderId, paid: paidOf(event) } }
      }
      return { state, cycles: fresh(), pendingPaid: null }
    case 'cancellation':
      return event.immediate
        ? { state, cycles: [], pendingPaid: null }
        : { state, cycles, pendingPaid: null }
    case 'expiry':
      return { state, cycles: [], pendingPaid: null }
    case 'trial':
      // The membership beneath runs on; trial days are not paid time.
      return { state, cycles, pendingPaid }
    case 'grant':
      // Days added to the running period are unpaid (the cycles stay where they are); a granted
      // period of its own replaces what was there.
      return state.billingPeriod === null && state.periodStart?.getTime() === at.getTime()
        ? { state, cycles: [], pendingPaid: null }
        : { state, cycles, pendingPaid }
  }
}

/**
 * The paid cycles of the member's current period (beneath any trial), from their ledger: each
 * purchase, upgrade and renewal, and a scheduled downgrade (from when it takes effect). Bonus, grant
 * and trial days lie outside them.
 */
export function paidCycles(events: readonly MembershipEvent[], timeZone: string): PaidCycle[] {
  let fold: Fold = { state: initialMembership, cycles: [], pendingPaid: null }
  for (const event of [...events].sort(ledgerOrder)) fold = step(fold, event, timeZone)
  const pending = pendingCycle(fold.state, fold.pendingPaid, timeZone)
  return pending ? [...fold.cycles, pending] : fold.cycles
}

const oneDay = 86_400_000

/** The instant `k` calendar days after `start` in the zone, at the same wall-clock time. */
const dayStart = (start: Date, k: number, timeZone: string): Date =>
  k === 0 ? start : addCalendarDays(start, k, timeZone)

/** How many of a cycle's days (from `start`) begin before `at`: the days used or in progress. */
export function daysBegunBefore(start: Date, at: Date, timeZone: string): number {
  if (at <= start) return 0
  // An estimate from the elapsed time, corrected by the calendar (DST days are 23 or 25 hours).
  let k = Math.max(0, Math.floor((at.getTime() - start.getTime()) / oneDay))
  while (k > 0 && dayStart(start, k - 1, timeZone) >= at) k -= 1
  while (dayStart(start, k, timeZone) < at) k += 1
  return k
}

export type CycleCredit = PaidCycle & { days: number; unusedDays: number; credit: number }

export type UpgradeCredit = {
  /** 分; never negative, never more than the cycles were paid. */
  credit: number
  unusedDays: number
  cycles: CycleCredit[]
}

/** One cycle's credit at `now`: floor(paid × unused days / days), 0 once its last day begins. */
export function cycleCredit(cycle: PaidCycle, now: Date, timeZone: string): CycleCredit {
  const days = Math.max(1, daysBegunBefore(cycle.start, cycle.end, timeZone))
  const used = Math.min(days, daysBegunBefore(cycle.start, now, timeZone))
  const unusedDays = now >= cycle.end ? 0 : Math.max(0, days - used)
  const paid = Math.max(0, Math.trunc(cycle.paid))
  const credit = Number((BigInt(paid) * BigInt(unusedDays)) / BigInt(days))
  return { ...cycle, days, unusedDays, credit }
}

/** The credit at `now` for the paid cycles not yet used up. */
export function upgradeCredit(
  cycles: readonly PaidCycle[],
  now: Date,
  timeZone: string,
): UpgradeCredit {
  const running = cycles
    .filter((cycle) => cycle.end > now)
    .map((c) => cycleCredit(c, now, timeZone))
  return {
    credit: running.reduce((sum, cycle) => sum + cycle.credit, 0),
    unusedDays: running.reduce((sum, cycle) => sum + cycle.unusedDays, 0),
    cycles: running,
  }
}

/**
 * What an upgrade costs with a credit: the credit comes off the price up to the price (the amount
 * is never negative); a credit larger than the price is not paid out (`left`).
 */
export function creditedPrice(
  price: number,
  credit: number,
): { applied: number; amount: number; left: number } {
  const whole = (value: number) => Math.max(0, Math.trunc(Number.isFinite(value) ? value : 0))
  const applied = Math.min(whole(credit), whole(price))
  return { applied, amount: whole(price) - applied, left: whole(credit) - applied }
}
