// Campaign times are instants, shown and entered as wall-clock times in the campaign's zone
// (双十一 00:00 Asia/Shanghai is 16:00 UTC the day before). Zone offsets come from @date-fns/tz
// (the runtime's IANA data). Wall clock → instant is resolved here from those offsets rather than
// with TZDate's component constructor or its setters, which are off by an hour when the wall time
// falls in a DST gap of the *server's* zone (date-fns/tz issue #13): the answer must not depend on
// where the server runs.
import { TZDate, tzOffset } from '@date-fns/tz'

/** `YYYY-MM-DDTHH:mm`, seconds optional, no offset: how an editor enters a time. */
const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

export type WallClock = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** A wall-clock text as its parts, or null when it is malformed or not a real date (Feb 30). */
export function parseWallClock(text: string): WallClock | null {
  const match = wallClockPattern.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0))
  const wall = {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
  }
  // Checked on a UTC date, so no zone can shift the calendar fields.
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute))
  if (
    check.getUTCFullYear() !== wall.year ||
    check.getUTCMonth() !== wall.month - 1 ||
    check.getUTCDate() !== wall.day ||
    check.getUTCHours() !== wall.hour ||
    check.getUTCMinutes() !== wall.minute ||
    wall.second > 59
  ) {
    return null
  }
  return wall
}

/**
 * An IANA zone name the runtime's time-zone database knows (Asia/Shanghai, America/New_York, UTC).
 * Fixed offsets (+08:00) are not zones: they have no DST rules, so they are refused.
 */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || !/^[A-Za-z]/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function formatWallClock(wall: WallClock): string {
  const text = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`
  return wall.second ? `${text}:${pad(wall.second)}` : text
}

/** The calendar fields an instant shows in a zone (TZDate's getters do not read the host zone). */
function wallOf(instant: Date, timeZone: string): WallClock & { millisecond: number } {
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

/** The wall clock an instant shows in a zone: `YYYY-MM-DDTHH:mm`, with `:ss` only when non-zero. */
export function wallClockOf(instant: Date, timeZone: string): string {
  return formatWallClock(wallOf(instant, timeZone))
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
export type WallClockResolution =
  | { kind: 'exact'; instant: Date }
  | { kind: 'gap'; instant: Date; shownAs: string }
  | { kind: 'overlap'; instant: Date; later: Date }

const oneMinute = 60_000
const oneDay = 86_400_000

export function resolveWallClock(text: string, timeZone: string): WallClockResolution | null {
  const wall = parseWallClock(text)
  if (!wall || !isTimeZone(timeZone)) return null
  const { year, month, day, hour, minute, second } = wall
  return resolveNaive(Date.UTC(year, month - 1, day, hour, minute, second), timeZone)
}

/**
 * `naive` is the wall clock written as if it were UTC. The instant is `naive − offset` for the
 * zone's offset at that instant; only the offsets in force a day either side can be it (a day
 * brackets every zone), and each candidate is kept if the zone really has that offset there.
 */
function resolveNaive(naive: number, timeZone: string): WallClockResolution {
  const offsetAt = (time: number) => tzOffset(timeZone, new Date(time))
  const before = offsetAt(naive - oneDay)
  const after = offsetAt(naive + oneDay)
  const readings = (before === after ? [before] : [before, after])
    .map((offset) => ({ offset, time: naive - offset * oneMinute }))
    .filter(({ offset, time }) => offsetAt(time) === offset)
    .map(({ time }) => time)
    .sort((a, b) => a - b)
  const [first, second] = readings
  if (first === undefined) {
    // In the gap: read with the offset from before the change, which lands after it.
    const instant = new Date(naive - before * oneMinute)
    return { kind: 'gap', instant, shownAs: wallClockOf(instant, timeZone) }
  }
  if (second !== undefined && second !== first) {
    return { kind: 'overlap', instant: new Date(first), later: new Date(second) }
  }
  return { kind: 'exact', instant: new Date(first) }
}

/**
 * The instant a wall-clock time names in a zone (gaps move forward, overlaps take the earlier
 * instant; see `resolveWallClock`), or null for a malformed time or an unknown zone.
 */
export function instantOf(text: string, timeZone: string): Date | null {
  return resolveWallClock(text, timeZone)?.instant ?? null
}

/**
 * `days` calendar days after `from` in the zone, at the same wall-clock time: 00:00 stays 00:00
 * across a DST change (a time that falls in a gap moves forward; in an overlap, the earlier).
 */
export function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  if (days === 0) return from
  const wall = wallOf(from, timeZone)
  const naive = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day + days,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  )
  return resolveNaive(naive, timeZone).instant
}

/** Calendar days from `start` to `end` in the zone, a part day counting as a whole one. */
export function calendarDaysBetween(start: Date, end: Date, timeZone: string): number {
  const naive = (instant: Date) => {
    const wall = wallOf(instant, timeZone)
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  }
  const whole = Math.floor((naive(end) - naive(start)) / oneDay)
  return addCalendarDays(start, whole, timeZone) < end ? whole + 1 : whole
}
