// The live offers a member may take now: the published campaigns, compiled once per catalogue and
// campaign change (`compileOffers`), then per call a status check (clock and usage), the member's
// eligibility (`memberEligibility`) and a quote on each price of the tier sold, ranked. Which
// offers could allow a refused course or benefit is also decided once per compilation
// (`offersOpening`), so a refusal only filters a short list by eligibility.
import type { TierPrice } from '../catalogue/types'
import type { PlanVersion } from '../entitlements/plans'
import { compileCampaign, memberEligibility, type CompiledCampaign } from './audience'
import { compareOffers, quoteOffer, type OfferQuote } from './pricing'
import { acceptsRedemptions, campaignStatus } from './status'
import {
  noUsage,
  type AudienceFacts,
  type CampaignDefinition,
  type CampaignKind,
  type CampaignUsage,
} from './types'

export type LiveCampaign = { definition: CampaignDefinition; compiled: CompiledCampaign }

/** What the catalogue gives the offers: each tier's newest plan (prices, rank, access, values). */
export type OfferCatalogue = {
  latestPlanByTier: ReadonlyMap<string, PlanVersion>
  liveTierIds: ReadonlySet<string>
}

export type CompiledOffers = {
  campaigns: readonly LiveCampaign[]
  /** Tier id → rank, for the audience facts. */
  rankOf: ReadonlyMap<string, number>
  /** Answers of `offersOpening`, by what was asked; the compilation is immutable. */
  opening: Map<string, readonly LiveCampaign[]>
}

/** Kinds whose offer sells a named tier that may open more than the member has. */
const kindsSellingATier: ReadonlySet<CampaignKind> = new Set(['upgrade', 'trial', 'winback'])

/** An empty bonus or trial day count (stored on kinds without trials) counts as none. */
function withWholeDays(definition: CampaignDefinition): CampaignDefinition {
  const { offer } = definition.terms
  if (Number.isFinite(offer.trialDays) && Number.isFinite(offer.bonusDays)) return definition
  const days = (value: number) => (Number.isFinite(value) ? value : 0)
  return {
    ...definition,
    terms: {
      ...definition.terms,
      offer: { ...offer, trialDays: days(offer.trialDays), bonusDays: days(offer.bonusDays) },
    },
  }
}

/**
 * Published campaigns compiled against the catalogue's ranks. Drafts never give an offer, and
 * neither does a campaign already ended at `now` (only a save, which compiles again, can change
 * that), so ended campaigns cost the checks nothing.
 */
export function compileOffers(
  definitions: readonly CampaignDefinition[],
  catalogue: OfferCatalogue,
  now: Date,
): CompiledOffers {
  const rankOf = new Map<string, number>()
  for (const [tierId, plan] of catalogue.latestPlanByTier) rankOf.set(tierId, plan.rank)
  const campaigns = definitions
    .filter((definition) => definition.published)
    .filter((definition) => campaignStatus(definition, now, noUsage) !== 'ended')
    .map(withWholeDays)
    .map((definition) => ({ definition, compiled: compileCampaign(definition, rankOf) }))
  return { campaigns, rankOf, opening: new Map() }
}

/**
 * The campaigns (any status; the caller filters by clock and member) whose target tier satisfies
 * `opens`: upgrade, trial and win-back offers of a live tier. Computed once per compilation and
 * `cacheKey` (what was refused: an access tier, a benefit and the value held).
 */
export function offersOpening(
  offers: CompiledOffers,
  catalogue: OfferCatalogue,
  cacheKey: string,
  opens: (plan: PlanVersion) => boolean,
): readonly LiveCampaign[] {
  let answer = offers.opening.get(cacheKey)
  if (!answer) {
    answer = offers.campaigns.filter(({ definition }) => {
      const tierId = definition.terms.target.tierId
      if (!kindsSellingATier.has(definition.kind) || tierId === null) return false
      const plan = catalogue.latestPlanByTier.get(tierId)
      return plan !== undefined && catalogue.liveTierIds.has(tierId) && opens(plan)
    })
    offers.opening.set(cacheKey, answer)
  }
  return answer
}

export type MemberOffer = {
  campaign: LiveCampaign
  tier: PlanVersion
  price: TierPrice
  quote: OfferQuote
}

export type OfferFilter = { kind?: CampaignKind; tierId?: string }

/**
 * The offers the member may take at `now`, best first (`compareOffers`): every live campaign the
 * member is eligible for, quoted on each price of the tier it sells (the target, or the member's
 * own paid tier for renewal, retention and a referral without a target) and billing period it
 * applies to. `usageOf` gives a campaign's budget use (status `exhausted`).
 */
export function memberOffers(
  candidates: readonly LiveCampaign[],
  catalogue: OfferCatalogue,
  facts: AudienceFacts,
  ownTierId: string | null,
  now: Date,
  usageOf: (campaignId: string) => CampaignUsage,
  filter: OfferFilter = {},
): MemberOffer[] {
  const offers: MemberOffer[] = []
  for (const campaign of candidates) {
    const { definition } = campaign
    if (filter.kind !== undefined && definition.kind !== filter.kind) continue
    const tierId = definition.terms.target.tierId ?? ownTierId
    if (tierId === null || (filter.tierId !== undefined && tierId !== filter.tierId)) continue
    if (!acceptsRedemptions(campaignStatus(definition, now, usageOf(definition.id)))) continue
    if (memberEligibility(campaign.compiled, facts, now) !== true) continue
    const tier = catalogue.latestPlanByTier.get(tierId)
    if (!tier || !catalogue.liveTierIds.has(tierId)) continue
    for (const price of tier.prices) {
      const quote = quoteOffer(definition, price)
      if (quote) offers.push({ campaign, tier, price, quote })
    }
  }
  return offers.sort((a, b) => compareOffers(a.quote, b.quote))
}

/** The offer the member gets (the first of `memberOffers`); null when there is none. */
export function bestMemberOffer(...args: Parameters<typeof memberOffers>): MemberOffer | null {
  return memberOffers(...args)[0] ?? null
}

/** Kinds a member who never paid can take, when the audience lets them. */
const publicKinds: ReadonlySet<CampaignKind> = new Set(['upgrade', 'trial', 'referral'])

/**
 * Whether a campaign is public, for the pricing page: it sells a named tier to anybody who has not
 * paid (no tier condition, and no status condition or one listing never-paid members). Other
 * audience conditions (joined within, growth value) are not judged here: the page has no member.
 */
export function isPublicOffer(definition: CampaignDefinition): boolean {
  const { audience, target } = definition.terms
  return (
    publicKinds.has(definition.kind) &&
    target.tierId !== null &&
    audience.tierIds.length === 0 &&
    (audience.statuses.length === 0 || audience.statuses.includes('never_paid'))
  )
}

/** The live public offers on one tier's prices, best first (`compareOffers`). */
export function publicOffers(
  campaigns: readonly LiveCampaign[],
  tierId: string,
  prices: readonly TierPrice[],
  now: Date,
  usageOf: (campaignId: string) => CampaignUsage,
): { campaign: LiveCampaign; price: TierPrice; quote: OfferQuote }[] {
  const offers: { campaign: LiveCampaign; price: TierPrice; quote: OfferQuote }[] = []
  for (const campaign of campaigns) {
    const { definition } = campaign
    if (definition.terms.target.tierId !== tierId || !isPublicOffer(definition)) continue
    if (!acceptsRedemptions(campaignStatus(definition, now, usageOf(definition.id)))) continue
    for (const price of prices) {
      const quote = quoteOffer(definition, price)
      if (quote) offers.push({ campaign, price, quote })
    }
  }
  return offers.sort((a, b) => compareOffers(a.quote, b.quote))
}
