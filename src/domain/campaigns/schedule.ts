// Campaign times are instants, shown and entered as wall-clock times in the campaign's zone
// (双十一 00:00 Asia/Shanghai is 16:00 UTC the day before). The calendar arithmetic is in
// ../time/zonedCalendar, whose answers do not depend on where the server runs.
import {
  addCalendarDays,
  resolveNaive as resolveNaiveInstant,
  wallOf,
  type WallResolution,
} from '../time/zonedCalendar'

export { addCalendarDays }

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

/** The wall clock an instant shows in a zone: `YYYY-MM-DDTHH:mm`, with `:ss` only when non-zero. */
export function wallClockOf(instant: Date, timeZone: string): string {
  return formatWallClock(wallOf(instant, timeZone))
}

/**
 * How a wall-clock time maps to instants in a zone (see `WallResolution`: gaps move forward,
 * overlaps take the earlier instant); a gap also says how the zone shows the time it moved to.
 */
export type WallClockResolution =
  Exclude<WallResolution, { kind: 'gap' }> | { kind: 'gap'; instant: Date; shownAs: string }

const oneDay = 86_400_000

export function resolveWallClock(text: string, timeZone: string): WallClockResolution | null {
  const wall = parseWallClock(text)
  if (!wall || !isTimeZone(timeZone)) return null
  const { year, month, day, hour, minute, second } = wall
  return resolveNaive(Date.UTC(year, month - 1, day, hour, minute, second), timeZone)
}

/** A wall clock's resolution, with the time a gap moves it to as the zone shows it. */
function resolveNaive(naive: number, timeZone: string): WallClockResolution {
  const resolution = resolveNaiveInstant(naive, timeZone)
  return resolution.kind === 'gap'
    ? { ...resolution, shownAs: wallClockOf(resolution.instant, timeZone) }
    : resolution
}

/**
 * The instant a wall-clock time names in a zone (gaps move forward, overlaps take the earlier
 * instant; see `resolveWallClock`), or null for a malformed time or an unknown zone.
 */
export function instantOf(text: string, timeZone: string): Date | null {
  return resolveWallClock(text, timeZone)?.instant ?? null
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
