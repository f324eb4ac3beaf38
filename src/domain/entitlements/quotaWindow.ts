// The window a quota is counted in: calendar days, weeks and months in the platform's time zone
// (a monthly quota resets at 00:00 Asia/Shanghai on the 1st, not at UTC midnight), or the
// member's billing period.
import { TZDate } from '@date-fns/tz'
import { addDays, addMonths, addWeeks, startOfDay, startOfMonth, startOfWeek } from 'date-fns'

import type { QuotaPeriod } from '../catalogue/types'

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
  const local = new TZDate(at.getTime(), options.timeZone)
  const start =
    period === 'day'
      ? startOfDay(local)
      : period === 'week'
        ? startOfWeek(local, { weekStartsOn })
        : startOfMonth(local)
  const end =
    period === 'day'
      ? addDays(start, 1)
      : period === 'week'
        ? addWeeks(start, 1)
        : addMonths(start, 1)
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) }
}

/** A stable key for the window, for storing usage per member, benefit and window. */
export const quotaWindowKey = (window: QuotaWindow): string => window.start.toISOString()
