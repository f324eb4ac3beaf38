// GET /api/members/{id}/offers and GraphQL `memberOffers`: the live offers the member may take now,
// ranked, optionally of one kind or for one tier, with copy in the requested language.
import type { Payload } from 'payload'

import type { CampaignKind } from '../../domain/campaigns/types'
import type { Locale } from '../../domain/catalogue/types'
import { contextFor, isRefused } from '../entitlements/service'
import { ok, type Outcome } from '../result'
import { liveOffersFor, offerJson } from './offers'

export type MemberOffersInput = {
  member: string
  kind?: CampaignKind
  /** A tier's id or slug: only offers selling that tier. */
  tier?: string
  locale?: Locale
}

export async function memberOffers(
  payload: Payload,
  input: MemberOffersInput,
  now = new Date(),
): Promise<Outcome<Record<string, unknown>>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const { catalogue, view } = context
  let tierId: string | undefined
  if (input.tier !== undefined) {
    tierId = catalogue.latestPlanByTier.has(input.tier)
      ? input.tier
      : ([...catalogue.latestPlanByTier.values()].find((plan) => plan.slug === input.tier)
          ?.tierId ?? '\u0000')
  }
  const locale = input.locale ?? 'zh'
  const offers = liveOffersFor(payload, context, { kind: input.kind, tierId })
  return ok({
    member: { id: view.member.id, externalId: view.member.externalId },
    offers: offers.map((offer) => offerJson(offer, catalogue.settings.currency, locale)),
    evaluatedAt: now.toISOString(),
  })
}
