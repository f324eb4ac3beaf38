// Members for entitlement tests: created through the orders endpoint the billing system uses, and
// removed afterwards together with their ledger, grants and quota use (the ledger is append-only
// through every API, so cleanup goes to the database adapter directly).
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { findMember } from '../../src/operations/entitlements/store'
import { rest, type Credentials } from './api'

export function membersFactory(payload: Payload, billing: Credentials) {
  const memberIds = new Set<string>()
  let orderNumber = 0
  const factory = {
    externalId: () => `learner-${randomUUID().slice(0, 12)}`,
    orderId: () => `order-${randomUUID().slice(0, 8)}-${(orderNumber += 1)}`,
    /**
     * An upgrade quote as billing asks it (GET /api/members/{id}/quote); fails on anything but 200.
     */
    async quote(member: string, tier: string, options: Record<string, string> = {}) {
      const query = new URLSearchParams({ tier, ...options }).toString()
      const response = await rest('GET', `/members/${encodeURIComponent(member)}/quote?${query}`, {
        as: billing,
      })
      if (response.status !== 200) {
        throw new Error(`quote failed with ${response.status}: ${JSON.stringify(response.body)}`)
      }
      return response.body as { quoteId: string; amount: number; credit: { applied: number } }
    },
    /**
     * Reports an order as billing would; fails the test on anything but 201. An upgrade without a
     * `quote` is quoted first (with its tier, period and campaign) and, without an `amount`, pays
     * what the quote says.
     */
    async order(input: Record<string, unknown>) {
      let quoted: Record<string, unknown> = {}
      if (input.type === 'upgrade' && input.quote === undefined) {
        const quote = await factory.quote(String(input.member), String(input.tier), {
          ...(input.billingPeriod ? { period: String(input.billingPeriod) } : {}),
          ...(input.campaign ? { campaign: String(input.campaign) } : {}),
        })
        quoted = { quote: quote.quoteId, amount: quote.amount }
      }
      const response = await rest('POST', '/membership/orders', {
        as: billing,
        json: { orderId: factory.orderId(), amount: 0, ...quoted, ...input },
      })
      if (response.status !== 201) {
        throw new Error(`order failed with ${response.status}: ${JSON.stringify(response.body)}`)
      }
      const member = findMember(payload, String(input.member))
      if (member) memberIds.add(member.id)
      return response.body
    },
    /** A new member holding `tier` (slug) for one `billingPeriod`, bought at `occurredAt`. */
    async buyer(tier: string, options: Record<string, unknown> = {}) {
      const externalId = factory.externalId()
      await factory.order({
        type: 'purchase',
        member: externalId,
        tier,
        billingPeriod: 'monthly',
        amount: 3900,
        ...options,
      })
      return findMember(payload, externalId)!
    },
    track(memberId: string) {
      memberIds.add(memberId)
    },
    async cleanup() {
      const ids = [...memberIds]
      if (!ids.length) return
      for (const collection of [
        slugs.membershipEvents,
        slugs.entitlementGrants,
        slugs.benefitUsage,
        slugs.cancelIntents,
        slugs.memberMessages,
        slugs.messageClaims,
      ] as const) {
        await payload.db.deleteMany({ collection, where: { member: { in: ids } } })
      }
      await payload.delete({ collection: slugs.members, where: { id: { in: ids } } })
    },
  }
  return factory
}
