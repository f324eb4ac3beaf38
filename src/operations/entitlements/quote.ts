// GET /api/members/{id}/quote?tier=&period= and GraphQL `memberQuote`: what an upgrade costs now,
// with the credit for the unused, paid-for rest of the current period and the best live offer, and
// a quote id that a billing order of type upgrade must carry (docs/rules.md rule 18). The order is
// checked against the quote by `upgradeQuoteCheck` (orders.ts).
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { ledgerIdsOf } from '../../adapters/entitlements'
import type { MemberOffer } from '../../domain/campaigns/offers'
import type { BillingPeriod, Locale, Localized } from '../../domain/catalogue/types'
import type { MemberRecord } from '../../domain/entitlements/engine'
import { periodEndFrom, type MembershipEvent } from '../../domain/entitlements/membership'
import { orderRefusal } from '../../domain/entitlements/orders'
import { creditedPrice, paidCycles, upgradeCredit } from '../../domain/entitlements/proration'
import { addCalendarDays } from '../../domain/time/zonedCalendar'
import { liveOffersFor, offerJson } from '../campaigns/offers'
import { ok, refuse, type Outcome, type Refusal } from '../result'
import { orderTier, tierIdFor } from './events'
import { memberEvents } from './ledger'
import { contextFor, isRefused } from './service'
import { rawCollection } from './store'
import { quoteId, readQuoteId, type QuoteClaims } from './quoteToken'

export type QuoteInput = {
  member: string
  /** The tier to upgrade to: id or slug. */
  tier: string
  period?: BillingPeriod
  /** Price with this campaign's offer instead of the best one (id or slug). */
  campaign?: string
  locale?: Locale
}

type Json = Record<string, unknown>

/** Offer kinds an upgrade order can redeem: not trials (their own order type), not renewals. */
const upgradeKinds: ReadonlySet<string> = new Set(['upgrade', 'winback', 'referral'])

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null)

/** The member's ledger: events this process remembers, the rest read by id (ledger.ts). */
async function ledgerOf(payload: Payload, memberId: string): Promise<MembershipEvent[]> {
  if (!ObjectId.isValid(memberId)) return []
  const doc = await rawCollection(payload, slugs.members).findOne(
    { _id: new ObjectId(memberId) } as never,
    { projection: { ledger: 1 } },
  )
  const ids = doc ? ledgerIdsOf(doc) : []
  if (!ids.length) return []
  return memberEvents(payload, ids, memberId)
}

/** The credit at `now` for the member's unused, paid-for time (docs/rules.md rule 18). */
export async function memberCredit(
  payload: Payload,
  member: MemberRecord,
  timeZone: string,
  now: Date,
) {
  return upgradeCredit(paidCycles(await ledgerOf(payload, member.id), timeZone), now, timeZone)
}

const campaignMatches = (offer: MemberOffer, reference: string) =>
  offer.campaign.definition.id === reference || offer.campaign.definition.slug === reference

export async function upgradeQuote(
  payload: Payload,
  input: QuoteInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const { catalogue, view } = context
  const tierId = tierIdFor(catalogue, input.tier)
  if (!tierId) {
    return refuse(
      'tier_unknown',
      {
        zh: `没有已发布的等级“${input.tier}”：请检查等级 ID 或标识（slug）。`,
        en: `There is no published tier "${input.tier}": check the tier id or slug.`,
      },
      { field: 'tier' },
    )
  }
  // While a trial runs, the upgrade is from what the member pays for beneath it.
  const membership = view.membership.trial?.after ?? view.membership
  const target = orderTier(catalogue, tierId)!
  const current = orderTier(catalogue, membership.tierId)
  const plan = catalogue.latestPlanByTier.get(tierId)!
  const period: BillingPeriod =
    input.period ??
    (membership.billingPeriod && target.periods.includes(membership.billingPeriod)
      ? membership.billingPeriod
      : (target.periods[0] ?? 'monthly'))
  const refusal = orderRefusal({
    type: 'upgrade',
    membership,
    current,
    lapsed: orderTier(catalogue, membership.lapsedTierId),
    target,
    billingPeriod: period,
  })
  if (refusal?.code === 'not_an_upgrade') {
    const end = membership.periodEnd && membership.tierId ? membership.periodEnd : null
    const when = end
      ? {
          zh: `在当前付费周期结束时（${end.toISOString()}）生效`,
          en: `takes effect when the paid period ends (${end.toISOString()})`,
        }
      : { zh: '立即生效', en: 'takes effect at once' }
    const name = current && membership.tierId ? current.name : { zh: '入门', en: 'entry' }
    return refuse(
      'not_an_upgrade',
      {
        zh: `“${target.name.zh}”不高于会员当前的“${name.zh}”，不是升级，无需报价：降级${when.zh}，请由计费系统发送 downgrade 订单。`,
        en: `"${target.name.en}" is not above the member's current "${name.en}", so it is not an upgrade and needs no quote: a downgrade ${when.en}; billing sends a downgrade order.`,
      },
      { field: 'tier', details: { downgradeTakesEffectAt: iso(end) } },
    )
  }
  if (refusal) {
    const field = refusal.code === 'billing_period_not_offered' ? 'period' : 'tier'
    return refuse(refusal.code, refusal.message, { field })
  }
  const price = plan.prices.find((entry) => entry.period === period)!

  const offers = liveOffersFor(payload, context, { tierId }).filter(
    (offer) => upgradeKinds.has(offer.campaign.definition.kind) && offer.price.period === period,
  )
  let offer: MemberOffer | null = offers[0] ?? null
  if (input.campaign !== undefined) {
    const reference = input.campaign
    const known = context.offers.campaigns.some(
      ({ definition }) => definition.id === reference || definition.slug === reference,
    )
    if (!known) {
      return refuse(
        'campaign_unknown',
        {
          zh: `没有进行中的活动“${reference}”：请检查活动 ID 或标识（slug），或不填 campaign 以使用最优优惠。`,
          en: `There is no running campaign "${reference}": check the campaign id or slug, or leave campaign out for the best offer.`,
        },
        { field: 'campaign' },
      )
    }
    offer = offers.find((entry) => campaignMatches(entry, reference)) ?? null
    if (!offer) {
      return refuse(
        'not_eligible',
        {
          zh: `活动“${reference}”现在不是该会员升级到“${target.name.zh}”（${period}）可用的优惠（未开始、已暂停或用完、不在受众内，或不适用此等级和周期）；不填 campaign 即使用最优优惠。`,
          en: `Campaign "${reference}" is not an offer this member can take now on "${target.name.en}" (${period}) (not started, paused or used up, outside its audience, or for another tier or period); leave campaign out for the best offer.`,
        },
        { field: 'campaign' },
      )
    }
  }

  const { timeZone, currency } = catalogue.settings
  const credit = await memberCredit(payload, view.member, timeZone, now)
  const offerPrice = offer ? offer.quote.price : price.sellingPrice
  const { applied, amount, left } = creditedPrice(offerPrice, credit.credit)
  const bonusDays = offer ? Math.max(0, offer.quote.bonusDays || 0) : 0
  const newEnd = addCalendarDays(periodEndFrom(now, period, timeZone), bonusDays, timeZone)
  const minutes = catalogue.settings.quoteValidMinutes ?? 15
  const expiresAt = new Date(now.getTime() + minutes * 60_000)
  const definition = offer?.campaign.definition
  const claims: QuoteClaims = {
    member: view.member.id,
    tier: tierId,
    period,
    amount,
    credit: applied,
    campaign: definition ? { id: definition.id, slug: definition.slug } : null,
    eventCount: view.member.membership.eventCount,
    issuedAt: now,
    expiresAt,
  }
  const heldPlan = membership.tierId ? catalogue.latestPlanByTier.get(membership.tierId) : null
  return ok({
    quoteId: quoteId(claims),
    validUntil: expiresAt.toISOString(),
    member: { id: view.member.id, externalId: view.member.externalId },
    from: {
      tier: heldPlan ? { id: heldPlan.tierId, slug: heldPlan.slug, name: heldPlan.name } : null,
      billingPeriod: membership.tierId ? membership.billingPeriod : null,
      periodEnd: membership.tierId ? iso(membership.periodEnd) : null,
    },
    tier: { id: plan.tierId, slug: plan.slug, name: plan.name },
    billingPeriod: period,
    listPrice: price.listPrice,
    sellingPrice: price.sellingPrice,
    offer: offer ? offerJson(offer, currency, input.locale ?? 'zh') : null,
    offerPrice,
    credit: {
      amount: credit.credit,
      applied,
      left,
      unusedDays: credit.unusedDays,
      cycles: credit.cycles.map((cycle) => ({
        start: cycle.start.toISOString(),
        end: cycle.end.toISOString(),
        paid: cycle.paid,
        days: cycle.days,
        unusedDays: cycle.unusedDays,
        credit: cycle.credit,
      })),
    },
    amount,
    newPeriod: { start: now.toISOString(), end: newEnd.toISOString() },
    currency,
    evaluatedAt: now.toISOString(),
  })
}

type Refused = { ok: false; refusal: Refusal }

/** What an upgrade order takes from its quote once it matches. */
export type QuotedUpgrade = {
  credit: number
  billingPeriod: BillingPeriod
  campaignId: string | null
}

/**
 * Whether an upgrade order matches a valid quote (docs/rules.md rule 18): one this app issued for
 * this member, not expired at the order's time, priced on the member's ledger as it still is, for
 * the same tier, period and campaign, and the amount it quoted.
 */
export function upgradeQuoteCheck(order: {
  quote?: string
  memberId: string
  eventCount: number
  tierId: string | null
  billingPeriod?: BillingPeriod
  campaign?: string
  amount: number
  at: Date
}): { ok: true; quote: QuotedUpgrade } | Refused {
  const ask: Localized = {
    zh: '请先用 GET /api/members/{id}/quote?tier=&period= 取得报价，再在订单中带上 quote 和报价金额。',
    en: 'Ask GET /api/members/{id}/quote?tier=&period= first, then send its quoteId as quote with the amount it quoted.',
  }
  if (order.quote === undefined) {
    return refuse(
      'quote_required',
      {
        zh: `升级订单须带上有效的升级报价（quote）。${ask.zh}`,
        en: `An upgrade order must carry a valid upgrade quote (quote). ${ask.en}`,
      },
      { field: 'quote' },
    )
  }
  const claims = readQuoteId(order.quote)
  if (!claims || claims.member !== order.memberId) {
    return refuse(
      'quote_unknown',
      {
        zh: `quote 不是本系统为该会员出具的升级报价（格式不对、被改动或属于其他会员）。${ask.zh}`,
        en: `quote is not an upgrade quote this system issued for this member (malformed, altered or another member's). ${ask.en}`,
      },
      { field: 'quote' },
    )
  }
  if (order.at > claims.expiresAt) {
    return refuse(
      'quote_expired',
      {
        zh: `报价已于 ${claims.expiresAt.toISOString()} 过期（订单时间 ${order.at.toISOString()}）。请重新取得报价。`,
        en: `The quote expired at ${claims.expiresAt.toISOString()} (the order is at ${order.at.toISOString()}). Ask for a new quote.`,
      },
      { field: 'quote', details: { expiredAt: claims.expiresAt.toISOString() } },
    )
  }
  if (claims.eventCount !== order.eventCount) {
    return refuse(
      'quote_expired',
      {
        zh: '报价之后该会员的会员流水有了新记录（续费、升级、赠送等），抵扣已不同。请重新取得报价。',
        en: "The member's ledger has changed since the quote (a renewal, upgrade, grant…), so the credit differs. Ask for a new quote.",
      },
      { field: 'quote' },
    )
  }
  const mismatch = (field: string, message: Localized, details: Json = {}) =>
    refuse('amount_mismatch', message, { field, details: { ...details, quote: quoteJson(claims) } })
  if (order.tierId !== claims.tier) {
    return mismatch('tier', {
      zh: '订单的等级与报价的等级不同：请发送报价中的等级，或为该等级重新报价。',
      en: 'The order is for another tier than the quote: send the quoted tier, or ask a quote for this one.',
    })
  }
  if (order.billingPeriod !== undefined && order.billingPeriod !== claims.period) {
    return mismatch('billingPeriod', {
      zh: `报价的计费周期为 ${claims.period}，订单为 ${order.billingPeriod}：请一致，或重新报价。`,
      en: `The quote is for ${claims.period} billing, the order says ${order.billingPeriod}: match it, or ask a new quote.`,
    })
  }
  if (
    order.campaign !== undefined &&
    order.campaign !== claims.campaign?.id &&
    order.campaign !== claims.campaign?.slug
  ) {
    return mismatch('campaign', {
      zh: `报价${claims.campaign ? `按活动“${claims.campaign.slug}”计价` : '未使用活动'}，订单中的活动为“${order.campaign}”：请一致，或按该活动重新报价。`,
      en: `The quote was priced ${claims.campaign ? `with campaign "${claims.campaign.slug}"` : 'without a campaign'}, the order names "${order.campaign}": match it, or ask a quote with that campaign.`,
    })
  }
  if (order.amount !== claims.amount) {
    return mismatch(
      'amount',
      {
        zh: `报价金额为 ${claims.amount} 分（已抵扣 ${claims.credit} 分），订单金额为 ${order.amount} 分。`,
        en: `The quoted amount is ${claims.amount} (after a credit of ${claims.credit}) in fen, the order says ${order.amount}.`,
      },
      { expected: claims.amount },
    )
  }
  return {
    ok: true,
    quote: {
      credit: claims.credit,
      billingPeriod: claims.period,
      campaignId: claims.campaign?.id ?? null,
    },
  }
}

const quoteJson = (claims: QuoteClaims) => ({
  tier: claims.tier,
  billingPeriod: claims.period,
  amount: claims.amount,
  credit: claims.credit,
  campaign: claims.campaign?.slug ?? null,
  validUntil: claims.expiresAt.toISOString(),
})
