// Membership periods and quota windows are counted in the platform's zone (Asia/Shanghai), so they
// must be the same instants whatever zone the server runs in, in particular on a server whose own
// zone skips the Shanghai wall time involved (date-fns/tz issue #13). Each group sets the host
// zone and first checks that it took effect.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BillingPeriod } from '../../../src/domain/catalogue/types'
import { periodEndFrom } from '../../../src/domain/entitlements/membership'
import { quotaWindow } from '../../../src/domain/entitlements/quotaWindow'
import { event, now, purchase, replay, shanghai, silverV1, timeZone, utc } from './fixtures'

type Host = {
  zone: string
  /** A wall time the host's clock skips, as `new Date(year, monthIndex, day, hour, minute)`. */
  skipped: [number, number, number, number, number]
}

const hosts: Host[] = [
  // Spring forward 02:00 → 03:00 on 2026-03-08.
  { zone: 'America/New_York', skipped: [2026, 2, 8, 2, 30] },
  // 02:45 → 03:45 on 2026-09-27 (UTC+12:45 → +13:45).
  { zone: 'Pacific/Chatham', skipped: [2026, 8, 27, 3, 0] },
  // Midnight skipped: 00:00 → 01:00 on 2026-09-06.
  { zone: 'America/Santiago', skipped: [2026, 8, 6, 0, 30] },
  // Midnight skipped: 00:00 → 01:00 on 2026-03-08.
  { zone: 'America/Havana', skipped: [2026, 2, 8, 0, 30] },
]

const hour = 3_600_000
const shanghaiOffset = 8 * hour

/**
 * Reference answers for Shanghai, which has kept UTC+8 since 1991: its calendar is the UTC
 * calendar moved by eight hours, so plain UTC arithmetic gives the expected instants.
 */
const reference = {
  periodEnd(start: Date, months: number): Date {
    const wall = new Date(start.getTime() + shanghaiOffset)
    const target = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1))
    const lastDay = new Date(
      Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
    ).getUTCDate()
    target.setUTCDate(Math.min(wall.getUTCDate(), lastDay))
    target.setUTCHours(
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    )
    return new Date(target.getTime() - shanghaiOffset)
  },
  window(period: 'day' | 'week' | 'month', at: Date): { start: Date; end: Date } {
    const wall = new Date(at.getTime() + shanghaiOffset)
    const [y, m, d] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()]
    const local = (year: number, month: number, day: number) =>
      new Date(Date.UTC(year, month, day) - shanghaiOffset)
    if (period === 'month') return { start: local(y, m, 1), end: local(y, m + 1, 1) }
    if (period === 'day') return { start: local(y, m, d), end: local(y, m, d + 1) }
    const monday = d - ((wall.getUTCDay() + 6) % 7)
    return { start: local(y, m, monday), end: local(y, m, monday + 7) }
  },
}

const monthsIn: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, annual: 12 }

describe.each(hosts)('on a server in $zone', ({ zone, skipped }) => {
  const original = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    if (original === undefined) delete process.env.TZ
    else process.env.TZ = original
  })

  it('runs with that host zone, which skips a wall time (the premise of the tests below)', () => {
    const [year, monthIndex, day, hours, minutes] = skipped
    const date = new Date(year, monthIndex, day, hours, minutes)
    expect(date.getHours() * 60 + date.getMinutes()).not.toBe(hours * 60 + minutes)
  })

  it('ends a month bought at that wall time in Shanghai a calendar month later', () => {
    // The Shanghai wall time of the host's skipped time, one month before.
    const [year, monthIndex, day, hours, minutes] = skipped
    const pad = (value: number) => String(value).padStart(2, '0')
    const wall = `${year}-${pad(monthIndex)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`
    const later = `${year}-${pad(monthIndex + 1)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`
    expect(periodEndFrom(shanghai(wall), 'monthly', timeZone)).toEqual(shanghai(later))
  })

  it('ends a month after Shanghai 2026-02-08 02:30 at 2026-03-08 02:30 Shanghai', () => {
    expect(periodEndFrom(shanghai('2026-02-08T02:30'), 'monthly', timeZone)).toEqual(
      utc('2026-03-07T18:30:00Z'),
    )
  })

  it('adds granted days and grace in the Shanghai calendar', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-02-05T02:30')),
      event('grant', shanghai('2026-02-06T10:00'), { days: 3 }),
    )
    // Feb 5 + 1 month = Mar 5, + 3 granted days = Mar 8, 02:30 Shanghai.
    expect(state.periodEnd).toEqual(shanghai('2026-03-08T02:30'))
    const afterwards = now(state, shanghai('2026-03-09T00:00'))
    expect(afterwards.graceEndsAt).toEqual(shanghai('2026-03-11T02:30'))
  })

  it('counts quota days, weeks and months from Shanghai midnight', () => {
    // 2026-03-08 and 2026-09-06 are the days Havana's and Santiago's clocks skip midnight.
    expect(quotaWindow('day', shanghai('2026-03-08T12:00'), { timeZone })).toEqual({
      start: shanghai('2026-03-08T00:00'),
      end: shanghai('2026-03-09T00:00'),
    })
    expect(quotaWindow('day', shanghai('2026-03-07T12:00'), { timeZone })).toEqual({
      start: shanghai('2026-03-07T00:00'),
      end: shanghai('2026-03-08T00:00'),
    })
    expect(quotaWindow('day', shanghai('2026-09-06T12:00'), { timeZone })).toEqual({
      start: shanghai('2026-09-06T00:00'),
      end: shanghai('2026-09-07T00:00'),
    })
    expect(quotaWindow('week', shanghai('2026-09-06T12:00'), { timeZone })).toEqual({
      start: shanghai('2026-08-31T00:00'),
      end: shanghai('2026-09-07T00:00'),
    })
    expect(quotaWindow('month', shanghai('2026-03-08T12:00'), { timeZone })).toEqual({
      start: shanghai('2026-03-01T00:00'),
      end: shanghai('2026-04-01T00:00'),
    })
  })

  it('gives the Shanghai calendar’s answers for any instant and billing period', () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc('1992-01-01T00:00:00Z'), max: utc('2099-12-31T00:00:00Z') }),
        fc.constantFrom<BillingPeriod>('monthly', 'quarterly', 'annual'),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        (at, billingPeriod, cycles, period) => {
          expect(periodEndFrom(at, billingPeriod, timeZone, cycles)).toEqual(
            reference.periodEnd(at, monthsIn[billingPeriod] * cycles),
          )
          expect(quotaWindow(period, at, { timeZone })).toEqual(reference.window(period, at))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('gives the same answers near the wall times the host skips', () => {
    // Every quarter hour of three Shanghai days around the host's skipped day, a month earlier.
    const [year, monthIndex, day] = skipped
    const pad = (value: number) => String(value).padStart(2, '0')
    const from = shanghai(`${year}-${pad(monthIndex)}-${pad(day)}T00:00`).getTime() - 24 * hour
    for (let step = 0; step < 3 * 24 * 4; step += 1) {
      const at = new Date(from + step * 15 * 60_000)
      expect(periodEndFrom(at, 'monthly', timeZone)).toEqual(reference.periodEnd(at, 1))
      const nextMonth = reference.periodEnd(at, 1)
      for (const period of ['day', 'week', 'month'] as const) {
        expect(quotaWindow(period, nextMonth, { timeZone })).toEqual(
          reference.window(period, nextMonth),
        )
      }
    }
  })
})
