import { describe, expect, it } from 'vitest'

import type { BillingPeriod } from '../../../src/domain/catalogue/types'
import type { MembershipNow, OrderType } from '../../../src/domain/entitlements/membership'
import {
  orderRefusal,
  orderRefusalCodes,
  type OrderRefusalCode,
  type OrderTier,
} from '../../../src/domain/entitlements/orders'
import {
  event,
  freeV1,
  goldV1,
  honoraryTier,
  now,
  orderTier,
  purchase,
  replay,
  shanghai,
  silverV1,
} from './fixtures'

const entryTier = orderTier(freeV1) // entry, no prices
const silver = orderTier(silverV1) // paid: monthly, quarterly
const gold = orderTier(goldV1) // paid: monthly, annual

// Members at 2026-01-20 in Shanghai, derived from real ledgers.
const at = shanghai('2026-01-20T12:00')
const onEntry = now(replay(), at)
const silverMember = now(replay(purchase(silverV1, shanghai('2026-01-10T10:00'))), at)
const goldMember = now(replay(purchase(goldV1, shanghai('2026-01-10T10:00'))), at)
const silverInGrace = now(replay(purchase(silverV1, shanghai('2025-12-19T10:00'))), at)
const goldExpired = now(
  replay(
    purchase(goldV1, shanghai('2025-11-01T10:00')),
    event('expiry', shanghai('2025-12-04T10:00')),
  ),
  at,
)

type Case = {
  name: string
  type: OrderType
  membership: MembershipNow
  target: OrderTier | null
  billingPeriod?: BillingPeriod | null
}

/** The order as billing reports it, with the member's current and lapsed tiers looked up. */
function refusal({ type, membership, target, billingPeriod = null }: Case) {
  const tiers = [entryTier, silver, gold, honoraryTier]
  const find = (id: string | null) => tiers.find((tier) => tier.id === id) ?? null
  return orderRefusal({
    type,
    membership,
    current: find(membership.tierId),
    lapsed: find(membership.lapsedTierId),
    target,
    billingPeriod,
  })
}

const refused: (Case & { code: OrderRefusalCode })[] = [
  {
    name: 'a purchase of the entry tier',
    type: 'purchase',
    membership: onEntry,
    target: entryTier,
    code: 'tier_not_purchasable',
  },
  {
    name: 'an upgrade to an honorary tier',
    type: 'upgrade',
    membership: silverMember,
    target: honoraryTier,
    code: 'tier_not_purchasable',
  },
  {
    name: 'a purchase naming no tier',
    type: 'purchase',
    membership: onEntry,
    target: null,
    code: 'tier_not_purchasable',
  },
  {
    name: 'a purchase for a billing period the tier has no price for',
    type: 'purchase',
    membership: onEntry,
    target: silver,
    billingPeriod: 'annual',
    code: 'billing_period_not_offered',
  },
  {
    name: 'an upgrade to the tier already held',
    type: 'upgrade',
    membership: silverMember,
    target: silver,
    code: 'not_an_upgrade',
  },
  {
    name: 'an upgrade to a lower tier',
    type: 'upgrade',
    membership: goldMember,
    target: silver,
    code: 'not_an_upgrade',
  },
  {
    name: 'a downgrade to a higher tier',
    type: 'downgrade',
    membership: silverMember,
    target: gold,
    code: 'not_a_downgrade',
  },
  {
    name: 'a downgrade from the entry tier',
    type: 'downgrade',
    membership: onEntry,
    target: silver,
    code: 'not_a_downgrade',
  },
  {
    name: 'a purchase while a paid period runs',
    type: 'purchase',
    membership: silverMember,
    target: gold,
    code: 'already_member',
  },
  {
    name: 'a renewal by a member who never held a tier',
    type: 'renewal',
    membership: onEntry,
    target: null,
    code: 'nothing_to_renew',
  },
  {
    name: 'a renewal of an honorary tier, which is granted and never sold',
    type: 'renewal',
    membership: now(
      replay(event('grant', shanghai('2026-01-10T10:00'), { tierId: honoraryTier.id, days: 365 })),
      at,
    ),
    target: null,
    code: 'tier_not_purchasable',
  },
  {
    name: 'a renewal naming another tier than the one held',
    type: 'renewal',
    membership: silverMember,
    target: gold,
    code: 'renewal_tier_mismatch',
  },
  {
    name: 'a renewal naming another tier than the one that lapsed',
    type: 'renewal',
    membership: goldExpired,
    target: silver,
    code: 'renewal_tier_mismatch',
  },
  {
    name: 'a renewal for a billing period the held tier has no price for',
    type: 'renewal',
    membership: silverMember,
    target: null,
    billingPeriod: 'annual',
    code: 'billing_period_not_offered',
  },
  {
    name: 'a cancellation on the entry tier',
    type: 'cancellation',
    membership: onEntry,
    target: null,
    code: 'nothing_to_cancel',
  },
  {
    name: 'a cancellation after the membership expired',
    type: 'cancellation',
    membership: goldExpired,
    target: null,
    code: 'nothing_to_cancel',
  },
]

const accepted: Case[] = [
  { name: 'a first purchase', type: 'purchase', membership: onEntry, target: silver },
  {
    name: 'a purchase during grace',
    type: 'purchase',
    membership: silverInGrace,
    target: silver,
    billingPeriod: 'quarterly',
  },
  { name: 'a purchase after expiry', type: 'purchase', membership: goldExpired, target: silver },
  { name: 'an upgrade from the entry tier', type: 'upgrade', membership: onEntry, target: gold },
  {
    name: 'an upgrade to a higher tier',
    type: 'upgrade',
    membership: silverMember,
    target: gold,
    billingPeriod: 'annual',
  },
  { name: 'a downgrade', type: 'downgrade', membership: goldMember, target: silver },
  { name: 'a renewal of the tier held', type: 'renewal', membership: silverMember, target: null },
  {
    name: 'a renewal naming the tier held',
    type: 'renewal',
    membership: silverMember,
    target: silver,
    billingPeriod: 'quarterly',
  },
  { name: 'a renewal during grace', type: 'renewal', membership: silverInGrace, target: null },
  {
    name: 'a renewal of the tier that lapsed',
    type: 'renewal',
    membership: goldExpired,
    target: null,
    billingPeriod: 'annual',
  },
  { name: 'a cancellation', type: 'cancellation', membership: goldMember, target: null },
  {
    name: 'a cancellation in grace',
    type: 'cancellation',
    membership: silverInGrace,
    target: null,
  },
]

describe('orderRefusal', () => {
  it('works on the member states it is meant for', () => {
    expect(silverMember).toMatchObject({ tierId: silver.id, inPaidPeriod: true })
    expect(silverInGrace).toMatchObject({ tierId: silver.id, status: 'grace' })
    expect(goldExpired).toMatchObject({ tierId: null, lapsedTierId: gold.id, status: 'expired' })
  })

  it.each(refused)('refuses $name with $code', (input) => {
    expect(refusal(input)?.code).toBe(input.code)
  })

  it.each(accepted)('accepts $name', (input) => {
    expect(refusal(input)).toBeNull()
  })

  it('has a case for every refusal code', () => {
    expect(new Set(refused.map((input) => input.code))).toEqual(new Set(orderRefusalCodes))
  })

  it('explains every refusal in both languages', () => {
    for (const input of refused) {
      const message = refusal(input)!.message
      expect(message.zh, input.name).toMatch(/\p{Script=Han}/u)
      expect(message.en, input.name).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it.each([
    {
      name: 'the target and the current tier in not_an_upgrade',
      input: refused.find((input) => input.name === 'an upgrade to a lower tier')!,
      zh: ['黄金', '白银'],
      en: ['"Silver"', '"Gold"'],
    },
    {
      name: 'the entry tier when a downgrade comes from it',
      input: refused.find((input) => input.name === 'a downgrade from the entry tier')!,
      zh: ['白银', '入门'],
      en: ['"Silver"', '"entry"'],
    },
    {
      name: 'the tier held in already_member',
      input: refused.find((input) => input.code === 'already_member')!,
      zh: ['白银'],
      en: ['"Silver"'],
    },
    {
      name: 'the tier to renew in renewal_tier_mismatch',
      input: refused.find((input) => input.name.includes('the one that lapsed'))!,
      zh: ['黄金'],
      en: ['"Gold"'],
    },
    {
      name: 'the tier and the periods it offers in billing_period_not_offered',
      input: refused.find((input) => input.code === 'billing_period_not_offered')!,
      zh: ['白银', 'annual', 'monthly、quarterly'],
      en: ['"Silver"', 'annual', 'offered: monthly, quarterly'],
    },
  ])('names $name', ({ input, zh, en }) => {
    const message = refusal(input)!.message
    for (const part of zh) expect(message.zh).toContain(part)
    for (const part of en) expect(message.en).toContain(part)
  })
})
