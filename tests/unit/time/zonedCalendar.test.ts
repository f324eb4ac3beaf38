import { describe, expect, it } from 'vitest'

import {
  addCalendarDays,
  addCalendarMonths,
  calendarPeriodAt,
  instantOfWall,
  resolveNaive,
  wallOf,
} from '../../../src/domain/time/zonedCalendar'

const utc = (iso: string) => new Date(iso)
const shanghai = 'Asia/Shanghai'
const newYork = 'America/New_York'

describe('wallOf and instantOfWall', () => {
  it('reads an instant’s calendar fields in the zone, and back', () => {
    const at = utc('2026-11-10T16:00:00.250Z')
    const wall = { year: 2026, month: 11, day: 11, hour: 0, minute: 0, second: 0, millisecond: 250 }
    expect(wallOf(at, shanghai)).toEqual(wall)
    expect(instantOfWall(wall, shanghai)).toEqual(at)
  })

  it('carries out-of-range fields over, day 0 being the last day of the month before', () => {
    expect(instantOfWall({ year: 2026, month: 3, day: 0 }, shanghai)).toEqual(
      utc('2026-02-27T16:00:00Z'),
    )
    expect(instantOfWall({ year: 2026, month: 13, day: 1 }, shanghai)).toEqual(
      utc('2026-12-31T16:00:00Z'),
    )
  })

  it('moves a time in a gap forward and takes the earlier of a time that happens twice', () => {
    expect(resolveNaive(Date.UTC(2026, 2, 8, 2, 30), newYork)).toEqual({
      kind: 'gap',
      instant: utc('2026-03-08T07:30:00Z'),
    })
    expect(resolveNaive(Date.UTC(2026, 10, 1, 1, 30), newYork)).toEqual({
      kind: 'overlap',
      instant: utc('2026-11-01T05:30:00Z'),
      later: utc('2026-11-01T06:30:00Z'),
    })
    // East of UTC too: Berlin skips 02:00–03:00 on 2026-03-29 and repeats 02:00–03:00 on Oct 25.
    expect(
      instantOfWall({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'),
    ).toEqual(utc('2026-03-29T01:30:00Z'))
    expect(
      instantOfWall({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin'),
    ).toEqual(utc('2026-10-25T00:30:00Z'))
  })
})

describe('addCalendarMonths', () => {
  it.each<[string, string, number, string]>([
    ['keeps the day and time of day', '2026-01-15T02:00:00Z', 1, '2026-02-15T02:00:00Z'],
    ['ends a month from Jan 31 on Feb 28', '2026-01-31T02:00:00Z', 1, '2026-02-28T02:00:00Z'],
    ['and on Feb 29 in a leap year', '2028-01-31T02:00:00Z', 1, '2028-02-29T02:00:00Z'],
    ['counts across the year end', '2026-11-30T02:00:00Z', 3, '2027-02-28T02:00:00Z'],
    ['counts backwards', '2026-03-31T02:00:00Z', -1, '2026-02-28T02:00:00Z'],
    ['and backwards across the year start', '2026-01-15T02:00:00Z', -13, '2024-12-15T02:00:00Z'],
  ])('%s', (_name, from, months, expected) => {
    expect(addCalendarMonths(utc(from), months, shanghai)).toEqual(utc(expected))
  })

  it('keeps the wall time across a DST change in the zone', () => {
    // 09:00 EST in February, 09:00 EDT in March.
    expect(addCalendarMonths(utc('2026-02-10T14:00:00Z'), 1, newYork)).toEqual(
      utc('2026-03-10T13:00:00Z'),
    )
    // 02:30 on Feb 8 is 02:30 on Mar 8 in the gap, moved forward to 03:30 EDT.
    expect(addCalendarMonths(utc('2026-02-08T07:30:00Z'), 1, newYork)).toEqual(
      utc('2026-03-08T07:30:00Z'),
    )
  })
})

describe('addCalendarDays', () => {
  it('keeps the wall time across a DST change in the zone', () => {
    expect(addCalendarDays(utc('2026-03-07T05:00:00Z'), 1, newYork)).toEqual(
      utc('2026-03-08T05:00:00Z'),
    )
    expect(addCalendarDays(utc('2026-03-08T05:00:00Z'), 1, newYork)).toEqual(
      utc('2026-03-09T04:00:00Z'),
    )
  })
})

describe('calendarPeriodAt', () => {
  it('counts days, Monday weeks and months from midnight in the zone', () => {
    const at = utc('2026-11-29T15:00:00Z') // Sunday 23:00 in Shanghai
    expect(calendarPeriodAt('day', at, shanghai)).toEqual({
      start: utc('2026-11-28T16:00:00Z'),
      end: utc('2026-11-29T16:00:00Z'),
    })
    expect(calendarPeriodAt('week', at, shanghai)).toEqual({
      start: utc('2026-11-22T16:00:00Z'),
      end: utc('2026-11-29T16:00:00Z'),
    })
    expect(calendarPeriodAt('week', at, shanghai, 0)).toEqual({
      start: utc('2026-11-28T16:00:00Z'),
      end: utc('2026-12-05T16:00:00Z'),
    })
    expect(calendarPeriodAt('month', at, shanghai)).toEqual({
      start: utc('2026-10-31T16:00:00Z'),
      end: utc('2026-11-30T16:00:00Z'),
    })
  })

  it('starts a day whose midnight the zone skips at the end of the gap, and ends it at the next midnight', () => {
    // Santiago skips 00:00–01:00 on 2025-09-07: the day runs from 01:00 −03 for 23 hours.
    const day = calendarPeriodAt('day', utc('2025-09-07T15:00:00Z'), 'America/Santiago')
    expect(day).toEqual({ start: utc('2025-09-07T04:00:00Z'), end: utc('2025-09-08T03:00:00Z') })
    const next = calendarPeriodAt('day', day.end, 'America/Santiago')
    expect(next.start).toEqual(day.end)
  })
})
