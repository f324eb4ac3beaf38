// Calendar arithmetic in a named time zone (the platform's, a campaign's) whose answers do not
// depend on the zone the server itself runs in. Zone offsets come from @date-fns/tz (the runtime's
// IANA data). Fields are read with TZDate's getters, which read only the zone's offset; wall clock
// → instant is resolved here from those offsets. TZDate's component constructor and its setters,
// and so date-fns functions applied to a TZDate (addMonths, addDays, startOfMonth, …), are off by
// an hour when the wall time falls in a DST gap of the *server's* zone (date-fns/tz issue #13), so
// none of them is used.
import { TZDate, tzOffset } from '@date-fns/tz'

/** The calendar fields of a moment as a clock in some zone shows them; `month` counts from 1. */
export type WallTime = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

/**
 * How a wall-clock time maps to instants in a zone:
 * - `exact`: one instant;
 * - `gap`: the time does not exist (spring forward, e.g. 02:30 on 2026-03-08 in New York); the
 *   instant is the one the same time after the change names, i.e. moved forward by the gap
 *   (02:30 → 03:30 EDT), as RFC 5545 and Temporal's `compatible` disambiguation do;
 * - `overlap`: the time happens twice (fall back, e.g. 01:30 on 2026-11-01 in New York); the
 *   instant is the earlier one (01:30 EDT), and `later` is the second (01:30 EST).
 */
export type WallResolution =
  | { kind: 'exact'; instant: Date }
  | { kind: 'gap'; instant: Date }
  | { kind: 'overlap'; instant: Date; later: Date }

const oneMinute = 60_000
const oneDay = 86_400_000

/** The calendar fields an instant shows in a zone. */
export function wallOf(instant: Date, timeZone: string): WallTime {
  const local = new TZDate(instant.getTime(), timeZone)
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
    millisecond: local.getMilliseconds(),
  }
}

/**
 * The wall time written as if it were UTC (what `Date.UTC` gives for its fields). Fields out of
 * range carry over as `Date.UTC` does: day 0 is the last day of the month before, month 13 is
 * January of the next year.
 */
const naiveOf = (wall: Partial<WallTime> & Pick<WallTime, 'year' | 'month' | 'day'>): number =>
  Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
    wall.millisecond ?? 0,
  )

/**
 * `naive` is the wall clock written as if it were UTC. The instant is `naive − offset` for the
 * zone's offset at that instant; only the offsets in force a day either side can be it (a day
 * brackets every zone), and each candidate is kept if the zone really has that offset there.
 */
export function resolveNaive(naive: number, timeZone: string): WallResolution {
  const offsetAt = (time: number) => tzOffset(timeZone, new Date(time))
  const before = offsetAt(naive - oneDay)
  const after = offsetAt(naive + oneDay)
  const readings = (before === after ? [before] : [before, after])
    .map((offset) => ({ offset, time: naive - offset * oneMinute }))
    .filter(({ offset, time }) => offsetAt(time) === offset)
    .map(({ time }) => time)
    .sort((a, b) => a - b)
  const [first, second] = readings
  // In the gap: read with the offset from before the change, which lands after it.
  if (first === undefined) return { kind: 'gap', instant: new Date(naive - before * oneMinute) }
  if (second !== undefined && second !== first) {
    return { kind: 'overlap', instant: new Date(first), later: new Date(second) }
  }
  return { kind: 'exact', instant: new Date(first) }
}

/**
 * The instant a wall time names in a zone (gaps move forward, overlaps take the earlier instant;
 * see `WallResolution`). Missing time fields are 0; out-of-range fields carry over.
 */
export function instantOfWall(
  wall: Partial<WallTime> & Pick<WallTime, 'year' | 'month' | 'day'>,
  timeZone: string,
): Date {
  return resolveNaive(naiveOf(wall), timeZone).instant
}

/**
 * `days` calendar days after `from` in the zone, at the same wall-clock time: 00:00 stays 00:00
 * across a DST change (a time that falls in a gap moves forward; in an overlap, the earlier).
 */
export function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  if (days === 0) return from
  const wall = wallOf(from, timeZone)
  return instantOfWall({ ...wall, day: wall.day + days }, timeZone)
}

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * `months` calendar months after `from` in the zone, at the same wall-clock time and day of month;
 * a day the target month lacks becomes its last day (Jan 31 + 1 month = Feb 28, or 29 in a leap
 * year), as date-fns `addMonths` does.
 */
export function addCalendarMonths(from: Date, months: number, timeZone: string): Date {
  if (months === 0) return from
  const wall = wallOf(from, timeZone)
  const monthIndex = wall.year * 12 + (wall.month - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  const day = Math.min(wall.day, daysInMonth(year, month))
  return instantOfWall({ ...wall, year, month, day }, timeZone)
}

/**
 * The first instant of a calendar date in the zone: 00:00, or where midnight falls in a DST gap
 * (Santiago, Havana, Beirut), the end of the gap. Out-of-range days carry over (day 0 is the last
 * day of the month before).
 */
export const startOfCalendarDate = (
  year: number,
  month: number,
  day: number,
  timeZone: string,
): Date => instantOfWall({ year, month, day }, timeZone)

export type CalendarUnit = 'day' | 'week' | 'month'

/**
 * The calendar day, week or month containing `at` in the zone: `start` inclusive, `end` exclusive
 * and the start of the next one. Weeks begin on `weekStartsOn` (0 Sunday … 6 Saturday, as in
 * date-fns).
 */
export function calendarPeriodAt(
  unit: CalendarUnit,
  at: Date,
  timeZone: string,
  weekStartsOn = 1,
): { start: Date; end: Date } {
  const { year, month, day } = wallOf(at, timeZone)
  if (unit === 'month') {
    return {
      start: startOfCalendarDate(year, month, 1, timeZone),
      end: startOfCalendarDate(year, month + 1, 1, timeZone),
    }
  }
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  const first = unit === 'day' ? day : day - ((weekday - weekStartsOn + 7) % 7)
  const length = unit === 'day' ? 1 : 7
  return {
    start: startOfCalendarDate(year, month, first, timeZone),
    end: startOfCalendarDate(year, month, first + length, timeZone),
  }
}
