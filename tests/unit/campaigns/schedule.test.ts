import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  addCalendarDays,
  instantOf,
  isTimeZone,
  parseWallClock,
  resolveWallClock,
  wallClockOf,
} from '../../../src/domain/campaigns/schedule'
import { utc } from './fixtures'

const newYork = 'America/New_York'

describe('instantOf and wallClockOf', () => {
  it.each<[string, string, string, string]>([
    [
      '双十一 00:00 in Shanghai is 16:00 UTC the day before',
      '2026-11-11T00:00',
      'Asia/Shanghai',
      '2026-11-10T16:00:00.000Z',
    ],
    [
      'the end of 双十一 in Shanghai',
      '2026-11-11T23:59:59',
      'Asia/Shanghai',
      '2026-11-11T15:59:59.000Z',
    ],
    [
      'midnight in New York in winter (EST, UTC−5)',
      '2026-01-15T00:00',
      newYork,
      '2026-01-15T05:00:00.000Z',
    ],
    [
      'midnight in New York in summer (EDT, UTC−4)',
      '2026-07-04T00:00',
      newYork,
      '2026-07-04T04:00:00.000Z',
    ],
    ['UTC itself', '2026-02-28T12:30', 'UTC', '2026-02-28T12:30:00.000Z'],
  ])('%s', (_name, wall, zone, iso) => {
    expect(instantOf(wall, zone)?.toISOString()).toBe(iso)
    expect(wallClockOf(utc(iso), zone)).toBe(wall)
  })

  it('shows one instant as each zone’s own wall clock', () => {
    const instant = utc('2026-11-10T16:00:00Z')
    expect(wallClockOf(instant, 'Asia/Shanghai')).toBe('2026-11-11T00:00')
    expect(wallClockOf(instant, newYork)).toBe('2026-11-10T11:00')
    expect(wallClockOf(instant, 'UTC')).toBe('2026-11-10T16:00')
  })

  it.each([
    ['2026-02-30T00:00', 'a day the month does not have'],
    ['2026-11-11 00:00', 'a space instead of T'],
    ['2026-11-11T24:00', 'hour 24'],
    ['2026-11-11T00:00Z', 'an offset (times are entered without one)'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (wall) => {
    expect(parseWallClock(wall)).toBeNull()
    expect(instantOf(wall, 'Asia/Shanghai')).toBeNull()
  })

  it('refuses an unknown time zone', () => {
    expect(instantOf('2026-11-11T00:00', 'Mars/Olympus')).toBeNull()
  })
})

describe('isTimeZone', () => {
  it.each<[string, boolean]>([
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['  ', false],
    ['+08:00', false],
    ['+08:00x', false],
  ])('%s → %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected)
  })
})

describe('DST in New York (2026: clocks go forward on Mar 8, back on Nov 1)', () => {
  it('moves a time in the spring gap forward by the gap: 02:30 is 03:30 EDT', () => {
    const resolved = resolveWallClock('2026-03-08T02:30', newYork)
    expect(resolved).toEqual({
      kind: 'gap',
      instant: utc('2026-03-08T07:30:00Z'),
      shownAs: '2026-03-08T03:30',
    })
    expect(instantOf('2026-03-08T02:30', newYork)).toEqual(utc('2026-03-08T07:30:00Z'))
  })

  it('reads the times around the gap exactly', () => {
    expect(resolveWallClock('2026-03-08T01:59', newYork)).toEqual({
      kind: 'exact',
      instant: utc('2026-03-08T06:59:00Z'),
    })
    expect(resolveWallClock('2026-03-08T03:00', newYork)).toEqual({
      kind: 'exact',
      instant: utc('2026-03-08T07:00:00Z'),
    })
  })

  it('takes the earlier of the two 01:30s in the autumn overlap and names the later', () => {
    expect(resolveWallClock('2026-11-01T01:30', newYork)).toEqual({
      kind: 'overlap',
      instant: utc('2026-11-01T05:30:00Z'),
      later: utc('2026-11-01T06:30:00Z'),
    })
    expect(wallClockOf(utc('2026-11-01T05:30:00Z'), newYork)).toBe('2026-11-01T01:30')
    expect(wallClockOf(utc('2026-11-01T06:30:00Z'), newYork)).toBe('2026-11-01T01:30')
  })

  it('reads the times around the overlap exactly', () => {
    expect(resolveWallClock('2026-11-01T00:59', newYork)?.kind).toBe('exact')
    expect(resolveWallClock('2026-11-01T02:00', newYork)).toEqual({
      kind: 'exact',
      instant: utc('2026-11-01T07:00:00Z'),
    })
  })

  it('keeps a campaign across the spring change starting and ending at local midnight', () => {
    const startsAt = instantOf('2026-03-01T00:00', newYork)!
    const endsAt = instantOf('2026-03-15T00:00', newYork)!
    expect(startsAt.toISOString()).toBe('2026-03-01T05:00:00.000Z')
    expect(endsAt.toISOString()).toBe('2026-03-15T04:00:00.000Z')
    // Fourteen calendar days, one hour short of 14 × 24 h.
    expect(endsAt.getTime() - startsAt.getTime()).toBe((14 * 24 - 1) * 3_600_000)
    expect(addCalendarDays(startsAt, 14, newYork)).toEqual(endsAt)
    expect(wallClockOf(addCalendarDays(startsAt, 14, newYork), newYork)).toBe('2026-03-15T00:00')
  })

  it('never sees a gap or an overlap in Shanghai, which has no DST', () => {
    expect(resolveWallClock('2026-03-08T02:30', 'Asia/Shanghai')?.kind).toBe('exact')
    expect(resolveWallClock('2026-11-01T01:30', 'Asia/Shanghai')?.kind).toBe('exact')
  })
})

describe('independence from the server’s own time zone', () => {
  const original = process.env.TZ
  beforeAll(() => {
    // A server in New York: its own spring gap is 2026-03-08 02:00–03:00 local time.
    process.env.TZ = 'America/New_York'
  })
  afterAll(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })

  it('runs in a host zone with DST (the premise of the tests below)', () => {
    expect(new Date(2026, 2, 8, 2, 30).getHours()).toBe(3)
  })

  it('reads 02:30 on 2026-03-08 in Shanghai and in UTC exactly, though the host skips it', () => {
    expect(resolveWallClock('2026-03-08T02:30', 'Asia/Shanghai')).toEqual({
      kind: 'exact',
      instant: utc('2026-03-07T18:30:00Z'),
    })
    expect(instantOf('2026-03-08T02:30', 'UTC')).toEqual(utc('2026-03-08T02:30:00Z'))
  })

  it('adds calendar days in Shanghai onto a wall time the host skips', () => {
    expect(addCalendarDays(utc('2026-03-06T18:30:00Z'), 1, 'Asia/Shanghai')).toEqual(
      utc('2026-03-07T18:30:00Z'),
    )
  })
})
