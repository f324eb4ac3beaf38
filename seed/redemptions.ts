// Demo redemptions: real billing orders that redeem the live demo campaigns, placed through the same
// operation billing calls (recordOrder), for demo members the campaign is offered to now. Order ids
// are `demo-redemption:<campaign>:<member>`, and a campaign that already has its demo redemptions
// gets no more, so running the seed again creates nothing.
import { createLocalReq, type Payload } from 'payload'

import { slugs } from '../collections/slugs'
import type { CampaignKind } from '../src/domain/campaigns/types'
import type { OrderType } from '../src/domain/entitlements/membership'
import { memberOffers } from '../src/operations/campaigns/memberOffers'
import { recordOrder } from '../src/operations/entitlements/orders'
import { upgradeQuote } from '../src/operations/entitlements/quote'
import { contextFor, isRefused } from '../src/operations/entitlements/service'
import type { BillingPeriod } from '../src/domain/catalogue/types'
import { demoMemberId } from './members'

/**
 * How many demo redemptions each demo campaign that is live when seeded gets (the others are
 * scheduled or ended; the referral programme pays out through referred members' orders).
 */
export const demoRedemptionTargets: Readonly<Record<string, number>> = {
  'renew-now-plus-one-month': 6,
  'diamond-trial-one-cent': 4,
  'win-back-30-days': 3,
}

type Offer = {
  campaign: { id: string; slug: string }
  kind: CampaignKind
  tier: { id: string }
  billingPeriod: BillingPeriod
  offerPrice: number
}

/** The order that takes an offer, as billing would send it. */
function orderTypeFor(kind: CampaignKind, holdsTier: boolean): OrderType {
  if (kind === 'trial') return 'trial'
  if (kind === 'renewal' || kind === 'retention') return 'renewal'
  return holdsTier ? 'upgrade' : 'purchase'
}

export async function seedRedemptions({
  payload,
  note,
  scan = 600,
  now = new Date(),
}: {
  payload: Payload
  note: (created: boolean, label: string) => void
  /** How many demo members to look through for ones a campaign is offered to. */
  scan?: number
  now?: Date
}): Promise<number> {
  const prefix = (slug: string) => `demo-redemption:${slug}:`
  const wanted = new Map<string, number>()
  for (const [slug, target] of Object.entries(demoRedemptionTargets)) {
    const have = await payload.count({
      collection: slugs.campaignRedemptions,
      where: { orderId: { like: prefix(slug) } },
    })
    const missing = target - have.totalDocs
    note(missing > 0, `demo redemptions of ${slug}`)
    if (missing > 0) wanted.set(slug, missing)
  }
  if (!wanted.size) return 0
  const req = await createLocalReq({}, payload)
  let created = 0
  for (let index = 1; index <= scan && wanted.size; index += 1) {
    const member = demoMemberId(index)
    const answer = await memberOffers(payload, { member }, now)
    if (!answer.ok) continue
    const offers = answer.value.offers as Offer[]
    const offer = offers.find((candidate) => wanted.has(candidate.campaign.slug))
    if (!offer) continue
    const context = await contextFor(payload, member, now)
    if (isRefused(context)) continue
    const holdsTier = context.view.membership.tierId !== null
    const slug = offer.campaign.slug
    const type = orderTypeFor(offer.kind, holdsTier)
    // An upgrade pays its quote: the offer price less the credit (docs/rules.md rule 18).
    const quote =
      type === 'upgrade'
        ? await upgradeQuote(
            payload,
            {
              member,
              tier: offer.tier.id,
              period: offer.billingPeriod,
              campaign: offer.campaign.id,
            },
            now,
          )
        : null
    if (quote && !quote.ok) continue
    const recorded = await recordOrder(req, {
      orderId: `${prefix(slug)}${member}`,
      type,
      member,
      tier: offer.tier.id,
      billingPeriod: offer.billingPeriod,
      amount: quote ? Number(quote.value.amount) : offer.offerPrice,
      quote: quote ? String(quote.value.quoteId) : undefined,
      campaign: offer.campaign.id,
      occurredAt: now,
    })
    if (!recorded.ok) continue
    created += 1
    const left = (wanted.get(slug) ?? 0) - 1
    if (left > 0) wanted.set(slug, left)
    else wanted.delete(slug)
  }
  return created
}
