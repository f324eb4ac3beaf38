// Which orders the billing system may report for a member in their current state. A refused order
// changes nothing and says why, in both languages, so billing can fix and resend it.
import type { BillingPeriod, Localized, TierKind } from '../catalogue/types'
import type { MembershipNow, OrderType } from './membership'

export type OrderTier = {
  id: string
  name: Localized
  rank: number
  kind: TierKind
  /** Billing periods with a price: the ones a member can buy. */
  periods: readonly BillingPeriod[]
}

export const orderRefusalCodes = [
  'tier_not_purchasable',
  'billing_period_not_offered',
  'not_an_upgrade',
  'not_a_downgrade',
  'already_member',
  'nothing_to_renew',
  'renewal_tier_mismatch',
  'nothing_to_cancel',
] as const
export type OrderRefusalCode = (typeof orderRefusalCodes)[number]
export type OrderRefusal = { code: OrderRefusalCode; message: Localized }

const buyable = (tier: OrderTier) => tier.kind === 'paid' || tier.kind === 'growth'

/** null when the order may be recorded. `current` is the tier in force now (null = entry tier). */
export function orderRefusal(input: {
  type: OrderType
  membership: MembershipNow
  current: OrderTier | null
  /** The tier the member held before it lapsed, for renewals after expiry. */
  lapsed: OrderTier | null
  target: OrderTier | null
  billingPeriod: BillingPeriod | null
}): OrderRefusal | null {
  const { type, membership, current, lapsed, target, billingPeriod } = input
  if (type === 'cancellation') {
    return current && membership.tierId
      ? null
      : {
          code: 'nothing_to_cancel',
          message: {
            zh: '该会员当前没有可取消的付费会员。',
            en: 'The member has no paid membership to cancel.',
          },
        }
  }
  if (type === 'renewal') {
    const held = current && membership.tierId ? current : lapsed
    if (!held) {
      return {
        code: 'nothing_to_renew',
        message: {
          zh: '该会员没有可续费的会员等级，请改用 purchase（购买）。',
          en: 'The member has no tier to renew; send a purchase instead.',
        },
      }
    }
    if (target && target.id !== held.id) {
      return {
        code: 'renewal_tier_mismatch',
        message: {
          zh: `续费只能续当前等级“${held.name.zh}”；更换等级请用 upgrade 或 downgrade。`,
          en: `A renewal renews the current tier "${held.name.en}"; send an upgrade or downgrade to change tiers.`,
        },
      }
    }
    if (!buyable(held)) {
      return {
        code: 'tier_not_purchasable',
        message: {
          zh: `“${held.name.zh}”不能续费购买（入门、荣誉或已下线的等级）；请改用 purchase 购买在售等级。`,
          en: `"${held.name.en}" cannot be renewed by payment (an entry, honorary or retired tier); send a purchase of a tier on sale.`,
        },
      }
    }
    return periodRefusal(target ?? held, billingPeriod)
  }
  // A trial's tier is its campaign's target (checked with the campaign); one named must be on sale.
  if (type === 'trial' && !target) return null
  if (!target || !buyable(target)) {
    return {
      code: 'tier_not_purchasable',
      message: {
        zh: '该等级不能购买：只能购买已发布的付费或成长型等级（入门和荣誉等级不出售）。',
        en: 'This tier cannot be bought: only published paid or growth tiers are sold (entry and honorary tiers are not).',
      },
    }
  }
  const periodProblem = periodRefusal(target, billingPeriod)
  if (periodProblem) return periodProblem
  const currentRank = current && membership.tierId ? current.rank : Number.NEGATIVE_INFINITY
  const currentName = current && membership.tierId ? current.name : { zh: '入门', en: 'entry' }
  if (type === 'upgrade' && target.rank <= currentRank) {
    return {
      code: 'not_an_upgrade',
      message: {
        zh: `“${target.name.zh}”不高于会员当前的“${currentName.zh}”，不能作为升级；降级请用 downgrade。`,
        en: `"${target.name.en}" is not above the member's current "${currentName.en}", so it is not an upgrade; send a downgrade instead.`,
      },
    }
  }
  if (type === 'downgrade' && !(target.rank < currentRank)) {
    return {
      code: 'not_a_downgrade',
      message: {
        zh: `“${target.name.zh}”不低于会员当前的“${currentName.zh}”，不能作为降级。`,
        en: `"${target.name.en}" is not below the member's current "${currentName.en}", so it is not a downgrade.`,
      },
    }
  }
  if (type === 'purchase' && membership.tierId && membership.inPaidPeriod) {
    return {
      code: 'already_member',
      message: {
        zh: `该会员的“${currentName.zh}”仍在有效期内：请发送 renewal、upgrade 或 downgrade。`,
        en: `The member's "${currentName.en}" period is still running: send a renewal, upgrade or downgrade.`,
      },
    }
  }
  return null
}

function periodRefusal(tier: OrderTier, billingPeriod: BillingPeriod | null): OrderRefusal | null {
  if (billingPeriod === null || tier.periods.includes(billingPeriod)) return null
  return {
    code: 'billing_period_not_offered',
    message: {
      zh: `“${tier.name.zh}”没有 ${billingPeriod} 的价格；可选：${tier.periods.join('、') || '无'}。`,
      en: `"${tier.name.en}" has no ${billingPeriod} price; offered: ${tier.periods.join(', ') || 'none'}.`,
    },
  }
}
