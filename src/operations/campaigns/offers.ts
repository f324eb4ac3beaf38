// Live offers as the API answers them: the member's audience facts (read once per call), an offer
// as JSON, and the best offer that would allow what a check refused. Everything here reads the
// entitlement store's memory: the compiled campaigns come with the catalogue (store.ts), the
// redemptions from memberRedemptions.ts.
import type { Payload } from 'payload'

import {
  bestMemberOffer,
  memberOffers as rankedOffers,
  offersOpening,
  type CompiledOffers,
  type MemberOffer,
  type OfferFilter,
} from '../../domain/campaigns/offers'
import { audienceFactsOf, type AudienceFacts } from '../../domain/campaigns/types'
import type { Locale } from '../../domain/catalogue/types'
import { compareValues } from '../../domain/catalogue/values'
import type {
  BenefitCheck,
  CheckReason,
  CourseCheck,
  EngineCatalogue,
  MemberView,
} from '../../domain/entitlements/engine'
import type { PlanVersion } from '../../domain/entitlements/plans'
import { storedReferral } from '../entitlements/store'
import { liveCampaignUsage, memberRedemptions } from './memberRedemptions'

/** Attributed to a referrer and no paid order yet: the welcome offer of referral campaigns. */
const isReferredNewMember = (payload: Payload, memberId: string): boolean => {
  const referral = storedReferral(payload, memberId)
  return referral.referredBy !== null && referral.firstPaidOrder === null
}

type Json = Record<string, unknown>

/** What an offer answer needs of a call's context (service.ts `Context`). */
export type OfferContext = {
  catalogue: EngineCatalogue
  offers: CompiledOffers
  view: MemberView
  now: Date
}

const factsByContext = new WeakMap<OfferContext, AudienceFacts>()

/**
 * The member's facts for every audience, once per call: the membership now, joined = the member's
 * creation, growth value = growth points, the redemptions (memberRedemptions.ts), and whether a
 * referral's welcome offer is theirs.
 */
export function factsOf(payload: Payload, context: OfferContext): AudienceFacts {
  let facts = factsByContext.get(context)
  if (!facts) {
    const { member, membership } = context.view
    facts = audienceFactsOf(membership, {
      entryTierId: context.catalogue.entryTierId ?? '',
      rankOf: context.offers.rankOf,
      joinedAt: member.joinedAt ?? null,
      growthValue: member.growthValue ?? 0,
      redemptions: memberRedemptions(payload, member.id),
      referredNewMember: isReferredNewMember(payload, member.id),
    })
    factsByContext.set(context, facts)
  }
  return facts
}

/** The offers the member may take now, ranked (GET /api/members/{id}/offers). */
export function liveOffersFor(
  payload: Payload,
  context: OfferContext,
  filter: OfferFilter,
): MemberOffer[] {
  return rankedOffers(
    context.offers.campaigns,
    context.catalogue,
    factsOf(payload, context),
    context.view.membership.tierId,
    context.now,
    (id) => liveCampaignUsage(payload, id),
    filter,
  )
}

const finite = (value: number): number => (Number.isFinite(value) ? value : 0)

/** An offer as JSON; copy in `locale`, or in both languages (`{ zh, en }`) for refusals. */
export function offerJson(offer: MemberOffer, currency: string, locale: Locale | 'both'): Json {
  const { definition } = offer.campaign
  const { quote, price, tier } = offer
  return {
    campaign: { id: definition.id, slug: definition.slug, name: definition.name },
    kind: definition.kind,
    tier: { id: tier.tierId, slug: tier.slug, name: tier.name },
    billingPeriod: price.period,
    listPrice: price.listPrice,
    sellingPrice: price.sellingPrice,
    offerPrice: quote.price,
    saving: quote.saving,
    bonusDays: finite(quote.bonusDays),
    trialDays: finite(definition.terms.offer.trialDays),
    gifts: definition.terms.offer.gifts.map((gift) => ({ ...gift })),
    endsAt: quote.endsAt.toISOString(),
    copy: locale === 'both' ? { ...definition.copy } : { ...definition.copy[locale] },
    currency,
  }
}

/** Refusals an offer can answer: the tier is too low or gives too little (or has lapsed). */
const answerable: ReadonlySet<CheckReason> = new Set([
  'tier_too_low',
  'not_included',
  'quota_exhausted',
  'over_limit',
  'membership_expired',
  'membership_cancelled',
])

function bestOpening(
  payload: Payload,
  context: OfferContext,
  cacheKey: string,
  opens: (plan: PlanVersion) => boolean,
): Json | null {
  const candidates = offersOpening(context.offers, context.catalogue, cacheKey, opens)
  if (!candidates.length) return null
  const best = bestMemberOffer(
    candidates,
    context.catalogue,
    factsOf(payload, context),
    context.view.membership.tierId,
    context.now,
    (id) => liveCampaignUsage(payload, id),
  )
  return best ? offerJson(best, context.catalogue.settings.currency, 'both') : null
}

/** The best live offer whose tier opens the refused course; null when allowed or none. */
export function courseOffer(payload: Payload, context: OfferContext, check: CourseCheck) {
  const accessTierId = check.accessTier?.id
  if (check.allowed || !answerable.has(check.reason) || !accessTierId) return null
  return bestOpening(payload, context, `access:${accessTierId}`, (plan) =>
    plan.accessTierIds.includes(accessTierId),
  )
}

/** The best live offer whose tier gives more of the refused benefit; null when allowed or none. */
export function benefitOffer(payload: Payload, context: OfferContext, check: BenefitCheck) {
  const benefit = context.catalogue.benefitsByKey.get(check.benefit)
  if (check.allowed || !answerable.has(check.reason) || !benefit || !check.value) return null
  const held = check.value.value
  return bestOpening(payload, context, `benefit:${benefit.id}:${JSON.stringify(held)}`, (plan) => {
    const offered = plan.values[benefit.id]
    return offered !== undefined && compareValues(benefit.shape, offered, held) > 0
  })
}
