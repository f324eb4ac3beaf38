import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { quotaPeriods } from '../../../src/domain/catalogue/types'
import { quotaWindow, quotaWindowKey } from '../../../src/domain/entitlements/quotaWindow'

const shanghai = { timeZone: 'Asia/Shanghai' }
const iso = (value: string) => new Date(value)
const window = (start: string, end: string) => ({ start: iso(start), end: iso(end) })

describe('quotaWindow', () => {
  it.each([
    {
      name: 'resets a monthly quota at 00:00 Shanghai on the 1st, i.e. 16:00 UTC the day before',
      period: 'month' as const,
      at: '2026-11-30T16:00:00Z',
      expected: window('2026-11-30T16:00:00Z', '2026-12-31T16:00:00Z'),
    },
    {
      name: 'keeps the last second before that midnight in the old month',
      period: 'month' as const,
      at: '2026-11-30T15:59:59.999Z',
      expected: window('2026-10-31T16:00:00Z', '2026-11-30T16:00:00Z'),
    },
    {
      name: 'counts a day from Shanghai midnight to Shanghai midnight',
      period: 'day' as const,
      at: '2026-11-23T01:30:00Z',
      expected: window('2026-11-22T16:00:00Z', '2026-11-23T16:00:00Z'),
    },
    {
      name: 'starts weeks on Monday',
      period: 'week' as const,
      at: '2026-11-29T15:00:00Z', // Sunday 23:00 in Shanghai
      expected: window('2026-11-22T16:00:00Z', '2026-11-29T16:00:00Z'),
    },
    {
      name: 'handles February in a leap year',
      period: 'month' as const,
      at: '2028-02-15T00:00:00Z',
      expected: window('2028-01-31T16:00:00Z', '2028-02-29T16:00:00Z'),
    },
  ])('$name', ({ period, at, expected }) => {
    expect(quotaWindow(period, iso(at), shanghai)).toEqual(expected)
  })

  it('makes a day 23 hours long where daylight saving time starts', () => {
    const day = quotaWindow('day', iso('2026-03-08T12:00:00Z'), { timeZone: 'America/New_York' })
    expect(day).toEqual(window('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'))
  })

  it('uses the member billing period for billing-period quotas', () => {
    const billingPeriod = { start: iso('2026-11-05T03:00:00Z'), end: iso('2027-02-05T03:00:00Z') }
    expect(
      quotaWindow('billing-period', iso('2026-12-24T00:00:00Z'), { ...shanghai, billingPeriod }),
    ).toEqual(billingPeriod)
    expect(
      quotaWindow('billing-period', iso('2027-02-05T03:00:00Z'), { ...shanghai, billingPeriod }),
    ).toBeNull()
    expect(quotaWindow('billing-period', iso('2026-12-24T00:00:00Z'), shanghai)).toBeNull()
  })

  it('contains the instant it was asked for, and the next window starts where it ends', () => {
    const calendarPeriods = quotaPeriods.filter((period) => period !== 'billing-period')
    fc.assert(
      fc.property(
        fc.constantFrom(...calendarPeriods),
        fc.date({
          min: iso('2000-01-01T00:00:00Z'),
          max: iso('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London'),
        (period, at, timeZone) => {
          const current = quotaWindow(period, at, { timeZone })!
          expect(current.start.getTime()).toBeLessThanOrEqual(at.getTime())
          expect(at.getTime()).toBeLessThan(current.end.getTime())
          const next = quotaWindow(period, current.end, { timeZone })!
          expect(next.start).toEqual(current.end)
          expect(quotaWindowKey(next)).not.toBe(quotaWindowKey(current))
        },
      ),
    )
  })
})
