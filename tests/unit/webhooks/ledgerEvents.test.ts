import { describe, expect, it } from 'vitest'

import {
  initialMembership,
  replayLedger,
  type MembershipEvent,
} from '../../../src/domain/entitlements/membership'
import {
  entitlementChange,
  type EntitlementSnapshot,
} from '../../../src/domain/webhooks/entitlementChange'
import { ledgerWebhookEvents } from '../../../src/domain/webhooks/ledgerEvents'

const zone = 'Asia/Shanghai'
const at = new Date('2026-01-31T02:00:00Z')
const tier = (id: string | null | undefined) => (id ? { id, slug: `${id}-slug` } : null)
const event = (over: Partial<MembershipEvent>): MembershipEvent => ({
  sequence: 1,
  type: 'purchase',
  occurredAt: at,
  orderId: 'o-1',
  tierId: 'gold',
  planVersion: 1,
  billingPeriod: 'monthly',
  amount: 9900,
  ...over,
})
const snapshot = (over: Partial<EntitlementSnapshot> = {}): EntitlementSnapshot => ({
  tier: { id: 'free', slug: 'free' },
  status: 'active',
  periodEnd: null,
  benefits: { downloads: { kind: 'flag', enabled: false } },
  courseAccess: ['basic'],
  ...over,
})

describe('entitlementChange', () => {
  it('is null when nothing differs', () => {
    expect(entitlementChange(snapshot(), snapshot())).toBeNull()
  })
  it('names the tier, each benefit and the access gained and lost', () => {
    const after = snapshot({
      tier: { id: 'gold', slug: 'gold' },
      periodEnd: '2026-02-28T16:00:00.000Z',
      benefits: {
        downloads: { kind: 'flag', enabled: true },
        tutoring: { kind: 'quota', unlimited: false, amount: 4 },
      },
      courseAccess: ['advanced'],
    })
    expect(entitlementChange(snapshot(), after)).toEqual({
      tier: { before: { id: 'free', slug: 'free' }, after: { id: 'gold', slug: 'gold' } },
      status: null,
      periodEnd: { before: null, after: '2026-02-28T16:00:00.000Z' },
      benefits: [
        {
          key: 'downloads',
          before: { kind: 'flag', enabled: false },
          after: { kind: 'flag', enabled: true },
        },
        { key: 'tutoring', before: null, after: { kind: 'quota', unlimited: false, amount: 4 } },
      ],
      courseAccess: { gained: ['advanced'], lost: ['basic'] },
    })
  })
})

describe('ledgerWebhookEvents', () => {
  const purchase = event({})
  const bought = replayLedger([purchase], zone)

  it('announces a renewal with the new period end, then the entitlement change', () => {
    const renewal = event({ type: 'renewal', orderId: 'o-2', sequence: 2 })
    const after = replayLedger([purchase, renewal], zone)
    const change = entitlementChange(
      snapshot({ periodEnd: bought.periodEnd!.toISOString() }),
      snapshot({ periodEnd: after.periodEnd!.toISOString() }),
    )
    const events = ledgerWebhookEvents({ event: renewal, before: bought, after, change, tier })
    expect(events.map((entry) => [entry.type, entry.index])).toEqual([
      ['membership.renewed', 0],
      ['member.entitlements.changed', 1],
    ])
    expect(events[0]!.data).toMatchObject({
      orderId: 'o-2',
      tier: { id: 'gold', slug: 'gold-slug' },
      previousPeriodEnd: bought.periodEnd!.toISOString(),
      periodEnd: after.periodEnd!.toISOString(),
    })
    // Bought on Jan 31 (Shanghai): the month ends on the last day of February, then of March.
    expect(after.periodEnd!.toISOString()).toBe('2026-03-31T02:00:00.000Z')
  })

  it('announces a downgrade with the instant it takes effect', () => {
    const downgrade = event({ type: 'downgrade', orderId: 'o-3', tierId: 'silver', sequence: 3 })
    const after = replayLedger([purchase, downgrade], zone)
    const events = ledgerWebhookEvents({
      event: downgrade,
      before: bought,
      after,
      change: null,
      tier,
    })
    expect(events).toEqual([
      {
        type: 'membership.downgraded',
        index: 0,
        data: {
          orderId: 'o-3',
          from: { id: 'gold', slug: 'gold-slug' },
          to: { id: 'silver', slug: 'silver-slug' },
          billingPeriod: 'monthly',
          effectiveAt: bought.periodEnd!.toISOString(),
        },
      },
    ])
  })

  it('announces an expiry with the tier that lapsed', () => {
    const expiry = event({ type: 'expiry', orderId: 'expiry:m:1', sequence: 4, tierId: null })
    const events = ledgerWebhookEvents({
      event: expiry,
      before: bought,
      after: replayLedger([purchase, expiry], zone),
      change: entitlementChange(snapshot({ tier: { id: 'gold', slug: 'gold' } }), snapshot()),
      tier,
    })
    expect(events.map((entry) => entry.type)).toEqual([
      'membership.expired',
      'member.entitlements.changed',
    ])
    expect(events[0]!.data).toMatchObject({
      tier: { id: 'gold' },
      periodEnd: bought.periodEnd!.toISOString(),
    })
  })

  it('says nothing for a purchase that changed nothing, only the change when it did', () => {
    expect(
      ledgerWebhookEvents({
        event: purchase,
        before: initialMembership,
        after: bought,
        change: null,
        tier,
      }),
    ).toEqual([])
    const change = entitlementChange(snapshot(), snapshot({ tier: { id: 'gold', slug: 'gold' } }))
    const events = ledgerWebhookEvents({
      event: purchase,
      before: initialMembership,
      after: bought,
      change,
      tier,
    })
    expect(events.map((entry) => entry.type)).toEqual(['member.entitlements.changed'])
    expect(events[0]!.data).toMatchObject({ cause: { type: 'purchase', orderId: 'o-1' } })
  })
})
