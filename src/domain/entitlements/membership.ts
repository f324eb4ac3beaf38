// A member's membership as a fold over their ledger (docs/rules.md rules 10 and 11). The stored
// member document is a cache of `replayLedger(events)`; what holds *now* (grace, expiry, a
// downgrade that has come due) is derived by `membershipAt`, so time passing needs no write.
import type { BillingPeriod } from '../catalogue/types'
import { addCalendarDays, addCalendarMonths } from '../time/zonedCalendar'

export const membershipStatuses = ['active', 'grace', 'expired', 'cancelled'] as const
export type MembershipStatus = (typeof membershipStatuses)[number]

export const membershipEventTypes = [
  'purchase',
  'renewal',
  'upgrade',
  'downgrade',
  'cancellation',
  'expiry',
  'grant',
  'trial',
] as const
export type MembershipEventType = (typeof membershipEventTypes)[number]

/**
 * Order types the billing system reports; `expiry` and `grant` come from jobs and support. A
 * `trial` order redeems a trial campaign (docs/rules.md rule 15).
 */
export const orderTypes = [
  'purchase',
  'renewal',
  'upgrade',
  'downgrade',
  'cancellation',
  'trial',
] as const satisfies readonly MembershipEventType[]
export type OrderType = (typeof orderTypes)[number]

export type MembershipEvent = {
  /** Tie-breaker for events at the same instant: insertion order. */
  sequence: number
  type: MembershipEventType
  occurredAt: Date
  /** The billing system's order id, or a generated id for jobs and support actions. */
  orderId: string
  tierId?: string | null
  /** The tier's plan version in force when the order was paid: what the member bought. */
  planVersion?: number | null
  billingPeriod?: BillingPeriod | null
  /** In the smallest currency unit (分). */
  amount?: number | null
  /**
   * grant: the length of the granted period; trial: the trial's length; purchase, upgrade and
   * renewal: bonus days on top of the period.
   */
  days?: number | null
  /** cancellation: end the period now instead of at its end. */
  immediate?: boolean | null
  autoRenew?: boolean | null
  /**
   * upgrade: the credit (分) for the unused paid time of the period it replaced, taken off the price
   * (docs/rules.md rule 18); what the new period was paid is `amount + credit`.
   */
  credit?: number | null
}

export type PendingChange = {
  tierId: string
  planVersion: number | null
  billingPeriod: BillingPeriod | null
  effectiveAt: Date
  orderId: string
}

/**
 * A trial (试用) lies over the membership: for its days the member holds the trial tier; the
 * membership beneath goes on as it was (renewals, downgrades, grants and expiry apply to it), so
 * when the trial ends the member is back on what they had. A purchase or upgrade converts it.
 */
export type TrialOverlay = {
  tierId: string
  planVersion: number | null
  startsAt: Date
  endsAt: Date
  orderId: string
}

export type MembershipState = {
  /** null: never held a tier, so the member is on the entry (free) tier. */
  tierId: string | null
  planVersion: number | null
  billingPeriod: BillingPeriod | null
  periodStart: Date | null
  periodEnd: Date | null
  status: MembershipStatus
  autoRenew: boolean
  pendingChange: PendingChange | null
  /** A trial over the membership above; null when none (or it has been converted). */
  trial: TrialOverlay | null
  /** Events folded in: lets a writer refuse to overwrite a newer replay with an older one. */
  eventCount: number
}

export const initialMembership: MembershipState = {
  tierId: null,
  planVersion: null,
  billingPeriod: null,
  periodStart: null,
  periodEnd: null,
  status: 'active',
  autoRenew: false,
  pendingChange: null,
  trial: null,
  eventCount: 0,
}

const monthsIn: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, annual: 12 }

/**
 * The end of a billing period starting at `start`, counted in the platform's calendar (the same
 * instant whatever zone the server runs in).
 */
export function periodEndFrom(
  start: Date,
  billingPeriod: BillingPeriod,
  timeZone: string,
  cycles = 1,
): Date {
  // Counted from the start each time, so a period starting on the 31st keeps its day of month.
  return new Date(addCalendarMonths(start, monthsIn[billingPeriod] * cycles, timeZone))
}

const plusDays = (at: Date, days: number, timeZone: string): Date =>
  new Date(addCalendarDays(at, days, timeZone))

/** A downgrade paid for earlier starts when its date has come. */
export function settle(state: MembershipState, at: Date, timeZone: string): MembershipState {
  const pending = state.pendingChange
  if (!pending || at < pending.effectiveAt) return state
  // After a granted period (no billing period) the downgrade still buys a month at least.
  const billingPeriod = pending.billingPeriod ?? state.billingPeriod ?? 'monthly'
  return {
    ...state,
    tierId: pending.tierId,
    planVersion: pending.planVersion,
    billingPeriod,
    periodStart: pending.effectiveAt,
    periodEnd: periodEndFrom(pending.effectiveAt, billingPeriod, timeZone),
    status: 'active',
    pendingChange: null,
  }
}

/**
 * One billing cycle beyond `end`. When `end` is a cycle boundary of the same billing period counted
 * from the period start, the next boundary is used, so a period begun on the 31st keeps ending on
 * month ends (Jan 31 → Feb 28 → Mar 31); otherwise one billing period is added to `end`.
 */
export function nextCycleEnd(
  start: Date,
  end: Date,
  billingPeriod: BillingPeriod,
  timeZone: string,
): Date {
  for (let cycles = 1; cycles < 1000; cycles += 1) {
    const boundary = periodEndFrom(start, billingPeriod, timeZone, cycles)
    if (boundary.getTime() === end.getTime()) {
      return periodEndFrom(start, billingPeriod, timeZone, cycles + 1)
    }
    if (boundary > end) break
  }
  return periodEndFrom(end, billingPeriod, timeZone)
}

/**
 * Whether a renewal at `at` continues the period (keeps its start, gains one cycle) rather than
 * starting a new one: before the period ends, or within one billing period after it for an
 * auto-renewing member (a late payment in grace).
 */
export function renewalContinues(
  state: MembershipState,
  at: Date,
  billingPeriod: BillingPeriod,
  timeZone: string,
): boolean {
  const end = state.periodEnd
  return (
    state.tierId !== null &&
    (state.status === 'active' || state.status === 'grace') &&
    end !== null &&
    state.periodStart !== null &&
    (at < end || (state.autoRenew && at < periodEndFrom(end, billingPeriod, timeZone)))
  )
}

const isCurrent = (state: MembershipState, at: Date): boolean =>
  state.tierId !== null &&
  (state.status === 'active' || state.status === 'grace') &&
  state.periodEnd !== null &&
  at < state.periodEnd

/** One ledger event applied to the state it follows. Pure; events are trusted (validated on entry). */
export function applyMembershipEvent(
  previous: MembershipState,
  event: MembershipEvent,
  timeZone: string,
): MembershipState {
  const at = event.occurredAt
  const settled = settle(previous, at, timeZone)
  // A trial that has ended is gone; a purchase or upgrade converts a running one.
  const trial =
    settled.trial &&
    at < settled.trial.endsAt &&
    event.type !== 'purchase' &&
    event.type !== 'upgrade'
      ? settled.trial
      : null
  const state = { ...settled, trial, eventCount: previous.eventCount + 1 }
  const billingPeriod = event.billingPeriod ?? state.billingPeriod ?? 'monthly'
  const newPeriod = (start: Date) => ({
    billingPeriod,
    periodStart: start,
    periodEnd: plusDays(periodEndFrom(start, billingPeriod, timeZone), event.days ?? 0, timeZone),
  })
  switch (event.type) {
    case 'purchase':
    case 'upgrade':
      // Upgrades apply at once with a fresh period; the credit for unused time is in the amount.
      return {
        ...state,
        ...newPeriod(at),
        tierId: event.tierId ?? state.tierId,
        planVersion: event.planVersion ?? null,
        status: 'active',
        autoRenew: event.autoRenew ?? true,
        pendingChange: null,
      }
    case 'renewal': {
      // Renewing before the period ends, or within one billing period after (a late payment in
      // grace), continues the period: it keeps its start and gains one more billing cycle, counted
      // from the start so a period begun on the 31st keeps renewing on month ends. Later, a new
      // period starts. A renewal of the current tier also calls off a scheduled downgrade.
      const end = state.periodEnd
      const start = state.periodStart
      if (!renewalContinues(state, at, billingPeriod, timeZone) || !end || !start) {
        return {
          ...state,
          ...newPeriod(at),
          tierId: event.tierId ?? state.tierId,
          planVersion: event.planVersion ?? state.planVersion,
          status: 'active',
          autoRenew: event.autoRenew ?? state.autoRenew,
          pendingChange: null,
        }
      }
      return {
        ...state,
        periodEnd: plusDays(
          nextCycleEnd(start, end, billingPeriod, timeZone),
          event.days ?? 0,
          timeZone,
        ),
        tierId: event.tierId ?? state.tierId,
        planVersion: event.planVersion ?? state.planVersion,
        billingPeriod,
        status: 'active',
        autoRenew: event.autoRenew ?? state.autoRenew,
        pendingChange: null,
      }
    }
    case 'downgrade': {
      if (!isCurrent(state, at) || !state.periodEnd || !event.tierId) {
        // Nothing paid to run out: the lower tier starts now.
        return {
          ...state,
          ...newPeriod(at),
          tierId: event.tierId ?? state.tierId,
          planVersion: event.planVersion ?? null,
          status: 'active',
          pendingChange: null,
        }
      }
      return {
        ...state,
        pendingChange: {
          tierId: event.tierId,
          planVersion: event.planVersion ?? null,
          billingPeriod: event.billingPeriod ?? state.billingPeriod,
          effectiveAt: state.periodEnd,
          orderId: event.orderId,
        },
      }
    }
    case 'cancellation':
      return event.immediate
        ? { ...state, status: 'cancelled', periodEnd: at, autoRenew: false, pendingChange: null }
        : { ...state, autoRenew: false, pendingChange: null }
    case 'expiry':
      return { ...state, status: 'expired', autoRenew: false, pendingChange: null }
    case 'trial':
      // The membership beneath is left as it is: the trial lies over it for its days.
      return event.tierId
        ? {
            ...state,
            trial: {
              tierId: event.tierId,
              planVersion: event.planVersion ?? null,
              startsAt: at,
              endsAt: plusDays(at, Math.max(0, event.days ?? 0), timeZone),
              orderId: event.orderId,
            },
          }
        : state
    case 'grant': {
      const days = Math.max(0, event.days ?? 0)
      const sameTier = !event.tierId || event.tierId === state.tierId
      if (sameTier && isCurrent(state, at) && state.periodEnd) {
        const periodEnd = plusDays(state.periodEnd, days, timeZone)
        // Granted days come before a scheduled downgrade, not instead of part of it.
        const pendingChange = state.pendingChange && {
          ...state.pendingChange,
          effectiveAt: periodEnd,
        }
        return { ...state, periodEnd, pendingChange }
      }
      return {
        ...state,
        tierId: event.tierId ?? state.tierId,
        planVersion: event.planVersion ?? null,
        billingPeriod: null,
        periodStart: at,
        periodEnd: plusDays(at, days, timeZone),
        status: 'active',
        autoRenew: false,
        pendingChange: null,
      }
    }
  }
}

export const ledgerOrder = (a: MembershipEvent, b: MembershipEvent): number =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || a.sequence - b.sequence

/** The state a member's whole ledger implies. */
export function replayLedger(
  events: readonly MembershipEvent[],
  timeZone: string,
): MembershipState {
  return [...events]
    .sort(ledgerOrder)
    .reduce((state, event) => applyMembershipEvent(state, event, timeZone), initialMembership)
}

export type MembershipNow = {
  /** The tier in force, or null for the entry tier. */
  tierId: string | null
  /** The tier the member held before lapsing (expired or cancelled), for explaining refusals. */
  lapsedTierId: string | null
  planVersion: number | null
  status: MembershipStatus
  billingPeriod: BillingPeriod | null
  periodStart: Date | null
  periodEnd: Date | null
  /** Until when an unpaid renewal keeps the tier (status grace). */
  graceEndsAt: Date | null
  /** A paid (or granted) period is running: losses from a worse tier version wait until it ends. */
  inPaidPeriod: boolean
  autoRenew: boolean
  pendingChange: PendingChange | null
  /**
   * A running trial: the tier above is the trial's, until `endsAt`; `after` is the membership the
   * member returns to then (what orders are judged against while it runs). null otherwise.
   */
  trial: { endsAt: Date; orderId: string; after: MembershipNow } | null
}

/** What holds at `now`: grace after an unpaid auto-renewal, then expiry; due downgrades. */
export function membershipAt(
  stored: MembershipState,
  now: Date,
  settings: { timeZone: string; graceDays: number },
): MembershipNow {
  const beneath = underlyingAt(stored, now, settings)
  const trial = stored.trial
  if (!trial || now < trial.startsAt || now >= trial.endsAt) return beneath
  return {
    tierId: trial.tierId,
    lapsedTierId: null,
    planVersion: trial.planVersion,
    status: 'active',
    // Not a billing period: nothing to renew or grandfather; the trial's own dates.
    billingPeriod: null,
    periodStart: trial.startsAt,
    periodEnd: trial.endsAt,
    graceEndsAt: null,
    inPaidPeriod: false,
    autoRenew: false,
    pendingChange: beneath.pendingChange,
    trial: { endsAt: trial.endsAt, orderId: trial.orderId, after: beneath },
  }
}

/** The membership beneath any trial at `now`. */
function underlyingAt(
  stored: MembershipState,
  now: Date,
  settings: { timeZone: string; graceDays: number },
): MembershipNow {
  const state = settle(stored, now, settings.timeZone)
  const base = {
    trial: null,
    planVersion: state.planVersion,
    billingPeriod: state.billingPeriod,
    periodStart: state.periodStart,
    periodEnd: state.periodEnd,
    autoRenew: state.autoRenew,
    pendingChange: state.pendingChange,
    graceEndsAt: null,
  }
  if (state.tierId === null) {
    return { ...base, tierId: null, lapsedTierId: null, status: 'active', inPaidPeriod: false }
  }
  const lapsed = (status: MembershipStatus, graceEndsAt: Date | null = null): MembershipNow => ({
    ...base,
    tierId: null,
    lapsedTierId: state.tierId,
    status,
    inPaidPeriod: false,
    graceEndsAt,
    autoRenew: false,
    pendingChange: null,
  })
  if (state.status === 'expired' || state.status === 'cancelled') return lapsed(state.status)
  if (state.periodEnd === null || now < state.periodEnd) {
    return {
      ...base,
      tierId: state.tierId,
      lapsedTierId: null,
      status: 'active',
      inPaidPeriod: true,
    }
  }
  const graceEndsAt = plusDays(state.periodEnd, settings.graceDays, settings.timeZone)
  if (state.autoRenew && now < graceEndsAt) {
    return {
      ...base,
      tierId: state.tierId,
      lapsedTierId: null,
      status: 'grace',
      inPaidPeriod: false,
      graceEndsAt,
    }
  }
  return lapsed('expired')
}

/**
 * The billing cycle containing `at` within a (possibly renewed, multi-cycle) period: cycles step
 * from the period start by the billing period; the last one ends with the period.
 */
export function billingCycleAt(
  period: { start: Date; end: Date; billingPeriod: BillingPeriod | null },
  at: Date,
  timeZone: string,
): { start: Date; end: Date } | null {
  if (at < period.start || at >= period.end) return null
  if (!period.billingPeriod) return { start: period.start, end: period.end }
  let start = period.start
  for (let cycle = 1; cycle < 1000; cycle += 1) {
    const end = periodEndFrom(period.start, period.billingPeriod, timeZone, cycle)
    if (at < end || end >= period.end) return { start, end: end < period.end ? end : period.end }
    start = end
  }
  return { start, end: period.end }
}

/**
 * When a stored active (or grace) membership ran out, if it has by `now`: at the period end, or for
 * an auto-renewing member at the end of grace. null when it has not run out (or is already
 * recorded as expired or cancelled). The expiry job records this instant in the ledger.
 */
export function expiredAt(
  stored: MembershipState,
  now: Date,
  settings: { timeZone: string; graceDays: number },
): Date | null {
  if (stored.status !== 'active' && stored.status !== 'grace') return null
  if (!stored.periodEnd || membershipAt(stored, now, settings).status !== 'expired') return null
  if (!stored.autoRenew) return stored.periodEnd
  return membershipAt(stored, stored.periodEnd, settings).graceEndsAt ?? stored.periodEnd
}
