// Which webhook events one ledger event causes (docs/webhooks.md): renewals, expiries and
// downgrades by name, and `member.entitlements.changed` whenever what the member holds differs
// just before and at the event. A function of the event, the states before and after it and the
// entitlements read from them, so the outbox and the sweep after a crash compute the same events.
import type { MembershipEvent, MembershipState } from '../entitlements/membership'
import type { EntitlementChange } from './entitlementChange'
import type { WebhookEventType } from './events'

export type LedgerWebhookEvent = {
  type: WebhookEventType
  index: number
  data: Record<string, unknown>
}

type TierRef = { id: string; slug: string } | null

export function ledgerWebhookEvents(input: {
  event: MembershipEvent
  before: MembershipState
  after: MembershipState
  change: EntitlementChange | null
  tier: (tierId: string | null | undefined) => TierRef
}): LedgerWebhookEvent[] {
  const { event, before, after, change, tier } = input
  const cause = {
    type: event.type,
    orderId: event.orderId,
    occurredAt: event.occurredAt.toISOString(),
  }
  const out: LedgerWebhookEvent[] = []
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null
  if (event.type === 'renewal') {
    out.push({
      type: 'membership.renewed',
      index: 0,
      data: {
        orderId: event.orderId,
        tier: tier(after.tierId),
        billingPeriod: after.billingPeriod,
        periodEnd: iso(after.periodEnd),
        previousPeriodEnd: iso(before.periodEnd),
        amount: event.amount ?? null,
      },
    })
  }
  if (event.type === 'expiry') {
    out.push({
      type: 'membership.expired',
      index: 0,
      data: {
        orderId: event.orderId,
        tier: tier(before.tierId),
        periodEnd: iso(before.periodEnd),
        autoRenew: before.autoRenew,
      },
    })
  }
  if (event.type === 'downgrade') {
    out.push({
      type: 'membership.downgraded',
      index: 0,
      data: {
        orderId: event.orderId,
        from: tier(before.tierId),
        to: tier(event.tierId),
        billingPeriod: event.billingPeriod ?? null,
        // A downgrade is scheduled for the period end (docs/rules.md): when it takes effect.
        effectiveAt: iso(after.pendingChange?.effectiveAt ?? event.occurredAt),
      },
    })
  }
  if (change) {
    out.push({ type: 'member.entitlements.changed', index: 1, data: { cause, changes: change } })
  }
  return out
}
