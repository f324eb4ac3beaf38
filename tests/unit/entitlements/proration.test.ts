// Upgrade credit (docs/rules.md rule 18): paid time only, calendar days in the platform zone, the
// day in progress used, floor to the 分 per cycle.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { BillingPeriod } from '../../../src/domain/catalogue/types'
import type { MembershipEvent } from '../../../src/domain/entitlements/membership'
import {
  creditedPrice,
  cycleCredit,
  daysBegunBefore,
  paidCycles,
  upgradeCredit,
  type PaidCycle,
} from '../../../src/domain/entitlements/proration'
import { shanghai } from './fixtures'

const timeZone = 'Asia/Shanghai'
let sequence = 0
const event = (
  type: MembershipEvent['type'],
  at: string,
  extra: Partial<MembershipEvent> = {},
): MembershipEvent => ({
  sequence: (sequence += 1),
  type,
  occurredAt: shanghai(at),
  orderId: `o-${sequence}`,
  tierId: 'silver',
  billingPeriod: 'monthly',
  amount: 3100,
  ...extra,
})

describe('paidCycles', () => {
  it('is the bought month of a purchase, without its bonus days', () => {
    const cycles = paidCycles([event('purchase', '2026-01-01T10:00', { days: 7 })], timeZone)
    expect(cycles).toEqual([
      { start: shanghai('2026-01-01T10:00'), end: shanghai('2026-02-01T10:00'), paid: 3100 },
    ])
  })

  it('adds a renewal as the next cycle after the end, granted days left unpaid between', () => {
    const cycles = paidCycles(
      [
        event('purchase', '2026-01-01T10:00'),
        event('grant', '2026-01-10T10:00', { days: 5, amount: null, billingPeriod: null }),
        event('renewal', '2026-01-20T10:00', { amount: 2800 }),
      ],
      timeZone,
    )
    expect(cycles).toEqual([
      { start: shanghai('2026-01-01T10:00'), end: shanghai('2026-02-01T10:00'), paid: 3100 },
      { start: shanghai('2026-02-06T10:00'), end: shanghai('2026-03-06T10:00'), paid: 2800 },
    ])
  })

  it('counts an upgrade as paid with the credit it used', () => {
    const cycles = paidCycles(
      [
        event('purchase', '2026-01-01T10:00'),
        event('upgrade', '2026-01-11T10:00', { tierId: 'gold', amount: 7000, credit: 2100 }),
      ],
      timeZone,
    )
    expect(cycles).toEqual([
      { start: shanghai('2026-01-11T10:00'), end: shanghai('2026-02-11T10:00'), paid: 9100 },
    ])
  })

  it('has nothing for a granted period, an expiry or an immediate cancellation', () => {
    const granted = [event('grant', '2026-01-01T10:00', { days: 30, amount: null })]
    expect(paidCycles(granted, timeZone)).toEqual([])
    const expired = [event('purchase', '2026-01-01T10:00'), event('expiry', '2026-02-01T10:00')]
    expect(paidCycles(expired, timeZone)).toEqual([])
    const refunded = [
      event('purchase', '2026-01-01T10:00'),
      event('cancellation', '2026-01-05T10:00', { immediate: true }),
    ]
    expect(paidCycles(refunded, timeZone)).toEqual([])
  })

  it('keeps the paid month under a trial and after auto-renew is turned off', () => {
    const cycles = paidCycles(
      [
        event('purchase', '2026-01-01T10:00'),
        event('trial', '2026-01-03T10:00', { tierId: 'gold', days: 7, amount: 0 }),
        event('cancellation', '2026-01-04T10:00'),
      ],
      timeZone,
    )
    expect(cycles).toEqual([
      { start: shanghai('2026-01-01T10:00'), end: shanghai('2026-02-01T10:00'), paid: 3100 },
    ])
  })

  it('puts a scheduled downgrade’s payment where the downgrade starts', () => {
    const cycles = paidCycles(
      [
        event('purchase', '2026-01-01T10:00', { tierId: 'gold', amount: 9900 }),
        event('downgrade', '2026-01-10T10:00', { tierId: 'silver', amount: 3100 }),
      ],
      timeZone,
    )
    expect(cycles.at(-1)).toEqual({
      start: shanghai('2026-02-01T10:00'),
      end: shanghai('2026-03-01T10:00'),
      paid: 3100,
    })
  })
})

describe('upgradeCredit', () => {
  const january: PaidCycle = {
    start: shanghai('2026-01-01T10:00'),
    end: shanghai('2026-02-01T10:00'),
    paid: 3100,
  }

  it.each<[string, string, number, number]>([
    ['all of it before the first day begins', '2026-01-01T10:00', 31, 3100],
    ['the day in progress counts as used', '2026-01-01T10:01', 30, 3000],
    ['10 unused days on Jan 21 at noon', '2026-01-21T12:00', 10, 1000],
    ['one day while the last has not begun', '2026-01-31T09:59', 1, 100],
    ['nothing on the last day', '2026-01-31T12:00', 0, 0],
    ['nothing at the end', '2026-02-01T10:00', 0, 0],
  ])('%s', (_name, at, unusedDays, credit) => {
    expect(upgradeCredit([january], shanghai(at), timeZone)).toMatchObject({ unusedDays, credit })
  })

  it('rounds down to the 分 per cycle', () => {
    const cycle = { ...january, paid: 3900 } // 3900 × 10 / 31 = 1258.06…
    expect(cycleCredit(cycle, shanghai('2026-01-21T12:00'), timeZone).credit).toBe(1258)
  })

  it('counts February 2028 (a leap year) as 29 days and a DST day as one day', () => {
    const leap = { start: new Date('2028-02-01T02:00:00Z'), end: new Date('2028-03-01T02:00:00Z') }
    expect(daysBegunBefore(leap.start, leap.end, timeZone)).toBe(29)
    // New York springs forward on 2026-03-08: that day has 23 hours, still one day.
    const ny = 'America/New_York'
    const start = new Date('2026-03-01T15:00:00Z') // 10:00 EST
    const end = new Date('2026-04-01T14:00:00Z') // 10:00 EDT
    expect(daysBegunBefore(start, end, ny)).toBe(31)
    expect(daysBegunBefore(start, new Date('2026-03-09T14:00:00Z'), ny)).toBe(8)
  })

  const cycleArbitrary = fc
    .record({
      start: fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-01-01T00:00:00Z'),
      }),
      period: fc.constantFrom<BillingPeriod>('monthly', 'quarterly', 'annual'),
      paid: fc.integer({ min: 0, max: 100_000_000 }),
      zone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'UTC'),
    })
    .filter(({ start }) => !Number.isNaN(start.getTime()))
    .map(({ start, period, paid, zone }) => {
      const months = { monthly: 1, quarterly: 3, annual: 12 }[period]
      const end = new Date(start)
      end.setUTCMonth(end.getUTCMonth() + months)
      return { cycle: { start, end, paid }, zone }
    })

  it('is never negative, never more than was paid, zero from the last day, monotone in time', () => {
    fc.assert(
      fc.property(
        cycleArbitrary,
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        ({ cycle, zone }, position, later) => {
          const span = cycle.end.getTime() - cycle.start.getTime()
          const at = new Date(cycle.start.getTime() + Math.floor(position * span))
          const after = new Date(at.getTime() + Math.floor(later * span))
          const now = upgradeCredit([cycle], at, zone)
          expect(now.credit).toBeGreaterThanOrEqual(0)
          expect(now.credit).toBeLessThanOrEqual(cycle.paid)
          expect(Number.isInteger(now.credit)).toBe(true)
          expect(upgradeCredit([cycle], after, zone).credit).toBeLessThanOrEqual(now.credit)
          expect(upgradeCredit([cycle], cycle.end, zone).credit).toBe(0)
          const last = new Date(cycle.end.getTime() - 1)
          expect(upgradeCredit([cycle], last, zone).credit).toBe(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never gives more than the ledger paid, whatever the events', () => {
    const types = ['purchase', 'renewal', 'upgrade', 'grant', 'cancellation', 'trial'] as const
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom(...types),
            day: fc.integer({ min: 0, max: 200 }),
            amount: fc.integer({ min: 0, max: 50_000 }),
            days: fc.integer({ min: 1, max: 40 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 260 }),
        (steps, nowDay) => {
          const base = shanghai('2026-01-31T10:00').getTime()
          const events = steps.map((entry, index) => ({
            sequence: index,
            type: entry.type,
            occurredAt: new Date(base + entry.day * 86_400_000),
            orderId: `o-${index}`,
            tierId: entry.type === 'upgrade' ? 'gold' : 'silver',
            billingPeriod: 'monthly' as const,
            amount: entry.amount,
            days: entry.type === 'grant' || entry.type === 'trial' ? entry.days : null,
          }))
          const paid = events
            .filter((entry) => ['purchase', 'renewal', 'upgrade'].includes(entry.type))
            .reduce((sum, entry) => sum + entry.amount, 0)
          const credit = upgradeCredit(
            paidCycles(events, timeZone),
            new Date(base + nowDay * 86_400_000),
            timeZone,
          )
          expect(credit.credit).toBeGreaterThanOrEqual(0)
          expect(credit.credit).toBeLessThanOrEqual(paid)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('creditedPrice', () => {
  it.each([
    [69_900, 2_100, { applied: 2_100, amount: 67_800, left: 0 }],
    [9_900, 30_000, { applied: 9_900, amount: 0, left: 20_100 }],
    [0, 500, { applied: 0, amount: 0, left: 500 }],
  ])('a price of %i with a credit of %i', (price, credit, expected) => {
    expect(creditedPrice(price, credit)).toEqual(expected)
  })

  it('never charges less than nothing, and applied + amount is the price', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (price, credit) => {
        const { applied, amount, left } = creditedPrice(price, credit)
        expect(amount).toBeGreaterThanOrEqual(0)
        expect(applied + amount).toBe(price)
        expect(applied + left).toBe(credit)
        expect(applied).toBeLessThanOrEqual(Math.min(price, credit))
      }),
    )
  })
})
