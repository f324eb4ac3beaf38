// The window a quota is counted in: calendar days, weeks and months in the platform's time zone
// (a monthly quota resets at 00:00 Asia/Shanghai on the 1st, not at UTC midnight), or the
// member's billing period. The boundaries are the same instants whatever zone the server runs in.
import type { QuotaPeriod } from '../catalogue/types'
import { calendarPeriodAt } from '../time/zonedCalendar'

/** `start` inclusive, `end` exclusive: `end` is when the quota next resets. */
export type QuotaWindow = { start: Date; end: Date }

export type QuotaWindowOptions = {
  /** IANA time zone of the platform, e.g. `Asia/Shanghai`. */
  timeZone: string
  /** The member's current paid period, needed for `billing-period` quotas. */
  billingPeriod?: { start: Date; end: Date }
}

/** Weeks start on Monday, as they do on Chinese calendars and in ISO 8601. */
const weekStartsOn = 1

/**
 * The window containing `at`, or `null` for a billing-period quota when `at` lies outside the
 * member's billing period (there is nothing to count against then).
 */
export function quotaWindow(
  period: QuotaPeriod,
  at: Date,
  options: QuotaWindowOptions,
): QuotaWindow | null {
  if (period === 'billing-period') {
    const billing = options.billingPeriod
    if (!billing || at < billing.start || at >= billing.end) return null
    return { start: new Date(billing.start), end: new Date(billing.end) }
  }
  return calendarPeriodAt(period, at, options.timeZone, weekStartsOn)
}

/** A stable key for the window, for storing usage per member, benefit and window. */
export const quotaWindowKey = (window: QuotaWindow): string => window.start.toISOString()
