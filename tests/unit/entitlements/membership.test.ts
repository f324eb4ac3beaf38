import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { BillingPeriod } from '../../../src/domain/catalogue/types'
import {
  applyMembershipEvent,
  billingCycleAt,
  expiredAt,
  initialMembership,
  membershipEventTypes,
  periodEndFrom,
  replayLedger,
  type MembershipEvent,
  type MembershipState,
} from '../../../src/domain/entitlements/membership'
import {
  event,
  type EventInput,
  goldV1,
  ledger,
  now,
  purchase,
  replay,
  shanghai,
  silverV1,
  silverV2,
  timeZone,
  utc,
} from './fixtures'

const silver = silverV1.tierId
const gold = goldV1.tierId

describe('periodEndFrom', () => {
  it.each<[string, string, BillingPeriod, number, Date]>([
    [
      'ends a month bought on Jan 31 on the last day of February',
      '2026-01-31T10:00',
      'monthly',
      1,
      shanghai('2026-02-28T10:00'),
    ],
    [
      'ends it on Feb 29 in a leap year',
      '2028-01-31T10:00',
      'monthly',
      1,
      shanghai('2028-02-29T10:00'),
    ],
    [
      'keeps the day of month when counting several cycles from the start',
      '2026-01-31T10:00',
      'monthly',
      2,
      shanghai('2026-03-31T10:00'),
    ],
    [
      'counts a quarter as three months',
      '2026-11-30T10:00',
      'quarterly',
      1,
      shanghai('2027-02-28T10:00'),
    ],
    [
      'counts a year as twelve months',
      '2028-02-29T10:00',
      'annual',
      1,
      shanghai('2029-02-28T10:00'),
    ],
    [
      // 00:00 on Mar 1 in Shanghai is Feb 28 in UTC; a UTC calendar would end on Mar 28.
      'counts months in the platform calendar, not in UTC',
      '2026-03-01T00:00',
      'monthly',
      1,
      utc('2026-03-31T16:00:00Z'),
    ],
  ])('%s', (_name, start, billingPeriod, cycles, expected) => {
    expect(periodEndFrom(shanghai(start), billingPeriod, timeZone, cycles)).toEqual(expected)
  })
})

describe('applyMembershipEvent', () => {
  it('opens one billing period from the purchase, in the platform calendar', () => {
    const state = replay(purchase(goldV1, shanghai('2026-01-31T10:00')))
    expect(state).toEqual({
      tierId: gold,
      planVersion: 1,
      billingPeriod: 'monthly',
      periodStart: shanghai('2026-01-31T10:00'),
      periodEnd: shanghai('2026-02-28T10:00'),
      status: 'active',
      autoRenew: true,
      pendingChange: null,
      trial: null,
      eventCount: 1,
    })
  })

  it('defaults a purchase without a billing period to monthly and respects autoRenew: false', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-05-10T08:00'), { billingPeriod: null, autoRenew: false }),
    )
    expect(state.billingPeriod).toBe('monthly')
    expect(state.periodEnd).toEqual(shanghai('2026-06-10T08:00'))
    expect(state.autoRenew).toBe(false)
  })

  it('applies an upgrade at once with a fresh period and drops a scheduled downgrade', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), { tierId: silver, planVersion: 1 }),
      event('upgrade', shanghai('2026-01-20T15:00'), {
        tierId: gold,
        planVersion: 2,
        billingPeriod: 'annual',
      }),
    )
    expect(state).toMatchObject({
      tierId: gold,
      planVersion: 2,
      billingPeriod: 'annual',
      periodStart: shanghai('2026-01-20T15:00'),
      periodEnd: shanghai('2027-01-20T15:00'),
      status: 'active',
      pendingChange: null,
    })
  })

  it('schedules a downgrade during a paid period for the period end, keeping the tier until then', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), {
        tierId: silver,
        planVersion: 1,
        billingPeriod: 'quarterly',
      }),
    )
    expect(state).toMatchObject({
      tierId: gold,
      periodEnd: shanghai('2026-02-01T10:00'),
      pendingChange: {
        tierId: silver,
        planVersion: 1,
        billingPeriod: 'quarterly',
        effectiveAt: shanghai('2026-02-01T10:00'),
        orderId: 'downgrade-2',
      },
    })
  })

  it('moves a scheduled downgrade behind days granted later, so the days are not lost', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), { tierId: silver, planVersion: 1 }),
      event('grant', shanghai('2026-01-15T10:00'), { days: 7 }),
    )
    expect(state).toMatchObject({
      tierId: gold,
      periodEnd: shanghai('2026-02-08T10:00'),
      pendingChange: { tierId: silver, effectiveAt: shanghai('2026-02-08T10:00') },
    })
  })

  it('calls off a scheduled downgrade when the current tier is renewed', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), { tierId: silver, planVersion: 1 }),
      event('renewal', shanghai('2026-01-20T10:00')),
    )
    expect(state).toMatchObject({
      tierId: gold,
      pendingChange: null,
      periodEnd: shanghai('2026-03-01T10:00'),
    })
  })

  it('continues the period when an auto-renewing member pays late, in grace (no free days)', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('renewal', shanghai('2026-02-03T10:00')),
    )
    expect(state).toMatchObject({
      periodStart: shanghai('2026-01-01T10:00'),
      periodEnd: shanghai('2026-03-01T10:00'),
    })
  })

  it('starts a downgrade at once when no paid period is running', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00'), { autoRenew: false }),
      event('downgrade', shanghai('2026-03-01T09:00'), { tierId: silver, planVersion: 1 }),
    )
    expect(state).toMatchObject({
      tierId: silver,
      planVersion: 1,
      periodStart: shanghai('2026-03-01T09:00'),
      periodEnd: shanghai('2026-04-01T09:00'),
      status: 'active',
      pendingChange: null,
    })
  })

  it('settles a downgrade that has come due before applying the next event', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), { tierId: silver, planVersion: 1 }),
      event('renewal', shanghai('2026-02-05T10:00'), { tierId: silver }),
    )
    // Silver from Feb 1 (the gold period's end) for a month, then renewed early to Apr 1.
    expect(state).toMatchObject({
      tierId: silver,
      periodStart: shanghai('2026-02-01T10:00'),
      periodEnd: shanghai('2026-04-01T10:00'),
      pendingChange: null,
    })
  })

  it.each<[string, BillingPeriod | null, number, Date]>([
    ['a month plus the bonus days', null, 3, shanghai('2026-05-04T10:00')],
    ['a quarter when renewing quarterly', 'quarterly', 0, shanghai('2026-07-01T10:00')],
  ])(
    'extends an early renewal from the period end by %s, keeping the period start',
    (_name, billingPeriod, days, periodEnd) => {
      const state = replay(
        purchase(silverV1, shanghai('2026-03-01T10:00')),
        event('renewal', shanghai('2026-03-25T12:00'), { planVersion: 2, billingPeriod, days }),
      )
      expect(state).toMatchObject({
        tierId: silver,
        planVersion: 2,
        periodStart: shanghai('2026-03-01T10:00'),
        periodEnd,
        status: 'active',
      })
    },
  )

  it.each<[string, MembershipEvent['type'] | null]>([
    ['after the expiry job ran', 'expiry'],
    ['after a period that was not auto-renewed ran out', null],
  ])('starts a new period at the renewal time when renewing late, %s', (_name, between) => {
    const state = replay(
      purchase(silverV1, shanghai('2026-01-01T10:00'), { autoRenew: between !== null }),
      ...(between ? [event(between, shanghai('2026-02-04T10:00'))] : []),
      event('renewal', shanghai('2026-02-10T18:30')),
    )
    expect(state).toMatchObject({
      tierId: silver,
      status: 'active',
      periodStart: shanghai('2026-02-10T18:30'),
      periodEnd: shanghai('2026-03-10T18:30'),
    })
  })

  it('ends the period now on an immediate cancellation and reports the lapsed tier', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('cancellation', shanghai('2026-01-15T12:00'), { immediate: true }),
    )
    expect(state).toMatchObject({
      status: 'cancelled',
      periodEnd: shanghai('2026-01-15T12:00'),
      autoRenew: false,
    })
    expect(now(state, shanghai('2026-01-16T00:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: gold,
      status: 'cancelled',
      inPaidPeriod: false,
      graceEndsAt: null,
    })
  })

  it('turns auto-renew off on a cancellation at period end, and the member expires without grace', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-05T10:00'), { tierId: silver, planVersion: 1 }),
      event('cancellation', shanghai('2026-01-15T12:00')),
    )
    expect(state).toMatchObject({
      tierId: gold,
      status: 'active',
      autoRenew: false,
      periodEnd: shanghai('2026-02-01T10:00'),
      pendingChange: null,
    })
    expect(now(state, shanghai('2026-01-31T23:00'))).toMatchObject({
      tierId: gold,
      status: 'active',
      inPaidPeriod: true,
    })
    expect(now(state, shanghai('2026-02-01T10:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: gold,
      status: 'expired',
      graceEndsAt: null,
    })
  })

  it('marks the member expired on an expiry event even before the period end', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('expiry', shanghai('2026-01-20T00:00')),
    )
    expect(state).toMatchObject({ status: 'expired', autoRenew: false })
    expect(now(state, shanghai('2026-01-21T00:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: gold,
      status: 'expired',
    })
  })

  it.each<[string, string | null]>([
    ['without a tier', null],
    ['naming the tier held', silver],
  ])('extends the current period by the granted days for a grant %s', (_name, tierId) => {
    const state = replay(
      purchase(silverV1, shanghai('2026-01-01T10:00')),
      event('grant', shanghai('2026-01-20T09:00'), { tierId, days: 7 }),
    )
    expect(state).toMatchObject({
      tierId: silver,
      planVersion: 1,
      billingPeriod: 'monthly',
      periodStart: shanghai('2026-01-01T10:00'),
      periodEnd: shanghai('2026-02-08T10:00'),
      autoRenew: true,
    })
  })

  it('ignores a negative number of granted days', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-01-01T10:00')),
      event('grant', shanghai('2026-01-20T09:00'), { days: -5 }),
    )
    expect(state.periodEnd).toEqual(shanghai('2026-02-01T10:00'))
  })

  it.each<[string, EventInput[]]>([
    ['a member holding another tier', [purchase(silverV1, shanghai('2026-01-01T10:00'))]],
    ['a member on the entry tier', []],
  ])('starts a granted period for a grant of another tier to %s', (_name, before) => {
    const state = replay(
      ...before,
      event('grant', shanghai('2026-01-20T12:00'), { tierId: gold, planVersion: 1, days: 7 }),
    )
    expect(state).toMatchObject({
      tierId: gold,
      planVersion: 1,
      billingPeriod: null,
      periodStart: shanghai('2026-01-20T12:00'),
      periodEnd: shanghai('2026-01-27T12:00'),
      status: 'active',
      autoRenew: false,
    })
    expect(now(state, shanghai('2026-01-21T00:00'))).toMatchObject({
      tierId: gold,
      inPaidPeriod: true,
    })
    // Granted periods do not renew, so there is no grace.
    expect(now(state, shanghai('2026-01-27T12:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: gold,
      status: 'expired',
    })
  })

  it('gives an expired member their old tier back for the granted days', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00'), { autoRenew: false }),
      event('expiry', shanghai('2026-02-01T10:00')),
      event('grant', shanghai('2026-02-10T10:00'), { days: 5 }),
    )
    expect(state).toMatchObject({
      tierId: gold,
      status: 'active',
      periodStart: shanghai('2026-02-10T10:00'),
      periodEnd: shanghai('2026-02-15T10:00'),
    })
  })

  it('counts every event folded in, and nothing else', () => {
    const events = ledger(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-05T10:00'), { tierId: silver }),
      // Settling the downgrade on the way is not an event.
      event('renewal', shanghai('2026-02-10T10:00')),
    )
    expect(initialMembership.eventCount).toBe(0)
    expect(replayLedger(events.slice(0, 1), timeZone).eventCount).toBe(1)
    expect(replayLedger(events, timeZone).eventCount).toBe(3)
  })

  it('does not change the state it is given', () => {
    const before = replay(purchase(goldV1, shanghai('2026-01-01T10:00')))
    const copy = structuredClone(before)
    const [cancel] = ledger(
      event('cancellation', shanghai('2026-01-02T00:00'), { immediate: true }),
    )
    applyMembershipEvent(before, cancel!, timeZone)
    expect(before).toEqual(copy)
  })
})

describe('membershipAt', () => {
  it('puts a member who never held a tier on the entry tier', () => {
    expect(now(initialMembership, shanghai('2026-01-01T00:00'))).toEqual({
      tierId: null,
      lapsedTierId: null,
      planVersion: null,
      status: 'active',
      billingPeriod: null,
      periodStart: null,
      periodEnd: null,
      graceEndsAt: null,
      inPaidPeriod: false,
      autoRenew: false,
      pendingChange: null,
      trial: null,
    })
  })

  it.each([
    {
      name: 'keeps the tier in the last millisecond of the period',
      at: utc('2026-02-01T01:59:59.999Z'),
      expected: { tierId: gold, status: 'active', inPaidPeriod: true, graceEndsAt: null },
    },
    {
      name: 'gives an auto-renewing member grace from the period end',
      at: shanghai('2026-02-01T10:00'),
      expected: {
        tierId: gold,
        lapsedTierId: null,
        status: 'grace',
        inPaidPeriod: false,
        graceEndsAt: shanghai('2026-02-04T10:00'),
      },
    },
    {
      name: 'keeps grace until the last millisecond of graceDays',
      at: utc('2026-02-04T01:59:59.999Z'),
      expected: { tierId: gold, status: 'grace' },
    },
    {
      name: 'expires the member when grace ends',
      at: shanghai('2026-02-04T10:00'),
      expected: { tierId: null, lapsedTierId: gold, status: 'expired', graceEndsAt: null },
    },
  ])('$name', ({ at, expected }) => {
    const state = replay(purchase(goldV1, shanghai('2026-01-01T10:00')))
    expect(now(state, at)).toMatchObject(expected)
  })

  it('applies a scheduled downgrade once due, with a new period from its effective date', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00')),
      event('downgrade', shanghai('2026-01-10T10:00'), {
        tierId: silver,
        planVersion: 2,
        billingPeriod: 'quarterly',
      }),
    )
    expect(now(state, utc('2026-02-01T01:59:59.999Z'))).toMatchObject({
      tierId: gold,
      pendingChange: { tierId: silver, effectiveAt: shanghai('2026-02-01T10:00') },
    })
    expect(now(state, shanghai('2026-02-01T10:00'))).toEqual({
      tierId: silver,
      lapsedTierId: null,
      planVersion: 2,
      status: 'active',
      billingPeriod: 'quarterly',
      periodStart: shanghai('2026-02-01T10:00'),
      periodEnd: shanghai('2026-05-01T10:00'),
      graceEndsAt: null,
      inPaidPeriod: true,
      autoRenew: true,
      pendingChange: null,
      trial: null,
    })
  })

  // Bug (see report): settle() has no monthly fallback, so a downgrade scheduled during a granted
  // period (billingPeriod null) without a billing period of its own starts a zero-length period.
  it('gives a downgrade that comes due after a granted period a period of its own', () => {
    const state = replay(
      event('grant', shanghai('2026-03-01T10:00'), { tierId: gold, planVersion: 1, days: 30 }),
      event('downgrade', shanghai('2026-03-05T10:00'), { tierId: silver, planVersion: 2 }),
    )
    const after = now(state, shanghai('2026-04-01T10:00'))
    expect(after.tierId).toBe(silverV2.tierId)
    expect(after.periodEnd!.getTime()).toBeGreaterThan(shanghai('2026-03-31T10:00').getTime())
  })
})

describe('replayLedger', () => {
  it('sorts by occurredAt before folding', () => {
    const events = ledger(
      purchase(silverV1, shanghai('2026-01-01T10:00')),
      event('upgrade', shanghai('2026-01-10T10:00'), { tierId: gold, planVersion: 1 }),
    )
    expect(replayLedger([...events].reverse(), timeZone)).toEqual(replayLedger(events, timeZone))
    expect(replayLedger([...events].reverse(), timeZone).tierId).toBe(gold)
  })

  it.each<[string, number, number, string]>([
    ['cancels when the cancellation was inserted last', 1, 2, 'cancelled'],
    ['keeps the purchase when it was inserted last', 2, 1, 'active'],
  ])('breaks ties at the same instant by sequence: %s', (_name, buy, cancel, status) => {
    const at = shanghai('2026-01-01T10:00')
    const events: MembershipEvent[] = [
      { sequence: cancel, orderId: 'c', type: 'cancellation', occurredAt: at, immediate: true },
      { sequence: buy, orderId: 'p', type: 'purchase', occurredAt: at, tierId: gold },
    ]
    expect(replayLedger(events, timeZone).status).toBe(status)
  })

  it('gives the same state whatever order the events arrive in', () => {
    const instants = [
      '2026-01-01T10:00',
      '2026-01-15T00:00',
      '2026-01-31T23:59',
      '2026-02-01T10:00',
      '2026-03-01T00:00',
    ].map(shanghai)
    const anEvent = fc.record({
      type: fc.constantFrom(...membershipEventTypes),
      occurredAt: fc.constantFrom(...instants),
      tierId: fc.constantFrom(null, silver, gold),
      planVersion: fc.constantFrom(null, 1, 2),
      billingPeriod: fc.constantFrom<BillingPeriod | null>(null, 'monthly', 'quarterly', 'annual'),
      days: fc.constantFrom(null, 0, 3, 30),
      immediate: fc.boolean(),
      autoRenew: fc.constantFrom(null, true, false),
    })
    const ledgers = fc
      .array(anEvent, { maxLength: 12 })
      .map((inputs): MembershipEvent[] =>
        inputs.map((input, index) => ({ ...input, sequence: index, orderId: `o-${index}` })),
      )
      .chain((events) =>
        fc.tuple(
          fc.constant(events),
          fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        ),
      )
    fc.assert(
      fc.property(ledgers, ([events, shuffled]) => {
        const state: MembershipState = replayLedger(shuffled, timeZone)
        expect(state).toEqual(replayLedger(events, timeZone))
        expect(state.eventCount).toBe(events.length)
      }),
    )
  })
})

describe('billingCycleAt', () => {
  // Bought on Jan 15 and renewed early twice: one period from Jan 15 to Apr 15, three cycles.
  const renewed = replay(
    purchase(silverV1, shanghai('2026-01-15T10:00')),
    event('renewal', shanghai('2026-02-01T00:00')),
    event('renewal', shanghai('2026-03-01T00:00')),
  )
  const period = (state: MembershipState) => ({
    start: state.periodStart!,
    end: state.periodEnd!,
    billingPeriod: state.billingPeriod,
  })
  const cycle = (start: string, end: string) => ({ start: shanghai(start), end: shanghai(end) })

  it('keeps the renewed period in one piece', () => {
    expect(period(renewed)).toEqual({
      start: shanghai('2026-01-15T10:00'),
      end: shanghai('2026-04-15T10:00'),
      billingPeriod: 'monthly',
    })
  })

  it.each([
    [
      'the first cycle at the period start',
      '2026-01-15T10:00',
      cycle('2026-01-15T10:00', '2026-02-15T10:00'),
    ],
    [
      'the first cycle just before it ends',
      '2026-02-15T09:59',
      cycle('2026-01-15T10:00', '2026-02-15T10:00'),
    ],
    [
      'the second cycle from the instant the first ends',
      '2026-02-15T10:00',
      cycle('2026-02-15T10:00', '2026-03-15T10:00'),
    ],
    [
      'the last cycle, ending with the period',
      '2026-04-15T09:59',
      cycle('2026-03-15T10:00', '2026-04-15T10:00'),
    ],
  ])('steps through a renewed period: %s', (_name, at, expected) => {
    expect(billingCycleAt(period(renewed), shanghai(at), timeZone)).toEqual(expected)
  })

  it('ends the last cycle at the period end when bonus days stretch the period', () => {
    const stretched = replay(
      purchase(silverV1, shanghai('2026-01-15T10:00')),
      event('renewal', shanghai('2026-02-01T00:00'), { days: 3 }),
    )
    expect(stretched.periodEnd).toEqual(shanghai('2026-03-18T10:00'))
    expect(billingCycleAt(period(stretched), shanghai('2026-03-16T00:00'), timeZone)).toEqual(
      cycle('2026-03-15T10:00', '2026-03-18T10:00'),
    )
  })

  it.each([
    ['before the period starts', utc('2026-01-15T01:59:59.999Z')],
    ['at the period end', shanghai('2026-04-15T10:00')],
    ['long after it', shanghai('2027-01-01T00:00')],
  ])('is null %s', (_name, at) => {
    expect(billingCycleAt(period(renewed), at, timeZone)).toBeNull()
  })

  it('treats a granted period without a billing period as a single cycle', () => {
    const granted = replay(event('grant', shanghai('2026-01-01T10:00'), { tierId: gold, days: 45 }))
    expect(billingCycleAt(period(granted), shanghai('2026-02-10T00:00'), timeZone)).toEqual(
      cycle('2026-01-01T10:00', '2026-02-15T10:00'),
    )
  })

  it('renews a period begun on the 31st on month ends, in step with its billing cycles', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-01-31T10:00')),
      event('renewal', shanghai('2026-02-20T10:00')),
      event('renewal', shanghai('2026-03-20T10:00')),
    )
    expect(state.periodEnd).toEqual(shanghai('2026-04-30T10:00'))
    expect(billingCycleAt(period(state), shanghai('2026-03-29T00:00'), timeZone)).toEqual(
      cycle('2026-02-28T10:00', '2026-03-31T10:00'),
    )
  })
})

describe('expiredAt', () => {
  const settings = { timeZone, graceDays: 3 }
  it.each<[string, boolean, string, string | null]>([
    ['not while the period runs', true, '2026-01-20T10:00', null],
    ['not during grace', true, '2026-02-03T10:00', null],
    [
      'at the end of grace for an auto-renewing member',
      true,
      '2026-02-10T10:00',
      '2026-02-04T10:00',
    ],
    ['at the period end without auto-renew', false, '2026-02-10T10:00', '2026-02-01T10:00'],
  ])('says a membership ran out %s', (_name, autoRenew, at, expected) => {
    const state = replay(purchase(goldV1, shanghai('2026-01-01T10:00'), { autoRenew }))
    expect(expiredAt(state, shanghai(at), settings)).toEqual(expected ? shanghai(expected) : null)
  })

  it('is null once the expiry is recorded', () => {
    const state = replay(
      purchase(goldV1, shanghai('2026-01-01T10:00'), { autoRenew: false }),
      event('expiry', shanghai('2026-02-01T10:00')),
    )
    expect(expiredAt(state, shanghai('2026-03-01T10:00'), settings)).toBeNull()
  })
})

describe('a trial over the membership (docs/rules.md rule 15)', () => {
  const trial = (at: Date, days: number, extra: Partial<EventInput> = {}) =>
    event('trial', at, { tierId: gold, planVersion: 1, days, ...extra })

  it('gives a member on the entry tier the trial tier for its days, then the entry tier again', () => {
    const state = replay(trial(shanghai('2026-03-01T10:00'), 7, { orderId: 'trial-order' }))
    expect(state.tierId).toBeNull()
    expect(state.trial).toEqual({
      tierId: gold,
      planVersion: 1,
      startsAt: shanghai('2026-03-01T10:00'),
      endsAt: shanghai('2026-03-08T10:00'),
      orderId: 'trial-order',
    })
    const during = now(state, utc('2026-03-08T01:59:59.999Z'))
    expect(during).toMatchObject({
      tierId: gold,
      status: 'active',
      billingPeriod: null,
      periodEnd: shanghai('2026-03-08T10:00'),
      inPaidPeriod: false,
      autoRenew: false,
    })
    expect(during.trial?.after).toMatchObject({
      tierId: null,
      lapsedTierId: null,
      status: 'active',
    })
    // Back on the entry tier, and not lapsed: a trial is not a paid membership that ran out.
    expect(now(state, shanghai('2026-03-08T10:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: null,
      status: 'active',
      trial: null,
    })
  })

  it('returns a Silver member to Silver with the period they had, which ran on beneath the trial', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-03-01T10:00')),
      trial(shanghai('2026-03-10T10:00'), 7),
    )
    expect(now(state, shanghai('2026-03-12T10:00'))).toMatchObject({ tierId: gold })
    expect(now(state, shanghai('2026-03-17T10:00'))).toMatchObject({
      tierId: silver,
      periodStart: shanghai('2026-03-01T10:00'),
      periodEnd: shanghai('2026-04-01T10:00'),
      inPaidPeriod: true,
      trial: null,
    })
  })

  it('lets the period beneath run out during the trial: after it the member is in grace or lapsed', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-03-01T10:00'), { autoRenew: false }),
      trial(shanghai('2026-03-28T10:00'), 7),
    )
    expect(now(state, shanghai('2026-04-02T10:00'))).toMatchObject({ tierId: gold })
    expect(now(state, shanghai('2026-04-04T10:00'))).toMatchObject({
      tierId: null,
      lapsedTierId: silver,
      status: 'expired',
    })
  })

  it('applies a renewal during the trial to the membership beneath, keeping the trial', () => {
    const state = replay(
      purchase(silverV1, shanghai('2026-03-01T10:00')),
      trial(shanghai('2026-03-10T10:00'), 7),
      event('renewal', shanghai('2026-03-12T10:00'), { tierId: silver, billingPeriod: 'monthly' }),
    )
    expect(state.trial?.endsAt).toEqual(shanghai('2026-03-17T10:00'))
    expect(state.periodEnd).toEqual(shanghai('2026-05-01T10:00'))
    expect(now(state, shanghai('2026-03-13T10:00')).tierId).toBe(gold)
    expect(now(state, shanghai('2026-03-18T10:00')).tierId).toBe(silver)
  })

  it.each(['purchase', 'upgrade'] as const)(
    'is converted by a paid %s: the trial is gone',
    (type) => {
      const state = replay(
        trial(shanghai('2026-03-01T10:00'), 7),
        event(type, shanghai('2026-03-05T10:00'), {
          tierId: gold,
          planVersion: 1,
          billingPeriod: 'monthly',
        }),
      )
      expect(state.trial).toBeNull()
      expect(now(state, shanghai('2026-03-20T10:00'))).toMatchObject({
        tierId: gold,
        periodStart: shanghai('2026-03-05T10:00'),
        periodEnd: shanghai('2026-04-05T10:00'),
        inPaidPeriod: true,
      })
    },
  )

  it('drops a trial that ended before a later event, and records no expiry of its own', () => {
    const state = replay(
      trial(shanghai('2026-03-01T10:00'), 7),
      event('grant', shanghai('2026-03-20T10:00'), { tierId: silver, days: 10 }),
    )
    expect(state.trial).toBeNull()
    expect(
      expiredAt(replay(trial(shanghai('2026-03-01T10:00'), 7)), shanghai('2026-04-01T00:00'), {
        timeZone,
        graceDays: 3,
      }),
    ).toBeNull()
  })
})
