// Campaign times are instants, shown and entered as wall-clock times in the campaign's zone
// (双十一 00:00 Asia/Shanghai is 16:00 UTC the day before). Conversions go through @date-fns/tz.
import { TZDate, tzOffset } from '@date-fns/tz'
import { addDays } from 'date-fns'

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

/** An IANA zone name the runtime knows (Asia/Shanghai, America/New_York, UTC). */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false
  return !Number.isNaN(tzOffset(name, new Date(0)))
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function formatWallClock(wall: WallClock): string {
  const text = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`
  return wall.second ? `${text}:${pad(wall.second)}` : text
}

/** The wall clock an instant shows in a zone: `YYYY-MM-DDTHH:mm`, with `:ss` only when non-zero. */
export function wallClockOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone)
  return formatWallClock({
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
  })
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
  const local = new TZDate(year, month - 1, day, hour, minute, second, timeZone)
  const instant = new Date(local.getTime())
  const wanted = formatWallClock(wall)
  const shownAs = wallClockOf(instant, timeZone)
  if (shownAs !== wanted) return { kind: 'gap', instant, shownAs }
  // The same time shows twice only around a drop in the zone's offset (clocks go back): look for
  // the other reading a day either side, by the offsets the library reports.
  const offsetAt = (time: number) => tzOffset(timeZone, new Date(time))
  const time = instant.getTime()
  const dropAfter = offsetAt(time) - offsetAt(time + oneDay)
  if (dropAfter > 0) {
    const later = new Date(time + dropAfter * oneMinute)
    if (wallClockOf(later, timeZone) === wanted) return { kind: 'overlap', instant, later }
  }
  const dropBefore = offsetAt(time - oneDay) - offsetAt(time)
  if (dropBefore > 0) {
    const earlier = new Date(time - dropBefore * oneMinute)
    if (wallClockOf(earlier, timeZone) === wanted) {
      return { kind: 'overlap', instant: earlier, later: instant }
    }
  }
  return { kind: 'exact', instant }
}

/**
 * The instant a wall-clock time names in a zone (gaps move forward, overlaps take the earlier
 * instant; see `resolveWallClock`), or null for a malformed time or an unknown zone.
 */
export function instantOf(text: string, timeZone: string): Date | null {
  return resolveWallClock(text, timeZone)?.instant ?? null
}

/** `days` calendar days after `from` in the zone: 00:00 stays 00:00 across a DST change. */
export function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  return new Date(addDays(new TZDate(from.getTime(), timeZone), days).getTime())
}
