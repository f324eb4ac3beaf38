// The marketer's view of a campaign's reach: the audience preview of the campaign as edited
// (POST /api/campaigns/{id}/preview-audience, the editor's panel) and the stats of a campaign
// (GET /api/campaigns/{id}/stats). Both scan the entitlement store's members in memory — no
// member is read from the database — and neither writes on a check: the only write is the
// audience at launch, once per campaign (a single-document insert whose id is the campaign's).
import { ObjectId } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { campaignFromDoc, editedCampaign } from '../../adapters/campaigns'
import {
  compileCampaign,
  ineligibilityMessages,
  type Ineligibility,
} from '../../domain/campaigns/audience'
import { quoteOffer, type OfferQuote } from '../../domain/campaigns/pricing'
import {
  conversion,
  costAtBudget,
  countAudience,
  type AudienceCount,
  type MemberForPreview,
} from '../../domain/campaigns/preview'
import { campaignStatus } from '../../domain/campaigns/status'
import {
  audienceFactsOf,
  type AudienceFacts,
  type CampaignDefinition,
} from '../../domain/campaigns/types'
import type { EngineCatalogue } from '../../domain/entitlements/engine'
import { membershipAt } from '../../domain/entitlements/membership'
import {
  catalogueOf,
  ensureStoreLoaded,
  rawCollection,
  storedCampaignUsage,
  storedMembers,
  storedRedemptions,
} from '../entitlements/store'
import { ok, refuse, type Outcome } from '../result'

type Json = Record<string, unknown>

export type AudiencePreviewInput = {
  /** The campaign's Payload id. */
  id: string
  /** The editor's unsaved form values (in the editor's locale); without them, the latest draft. */
  fields?: Record<string, unknown>
}

export type CampaignStatsInput = { id: string }

const unknownCampaign = (id: string) =>
  refuse(
    'campaign_unknown',
    {
      zh: `找不到 ID 为 ${id} 的营销活动：它可能已被删除。`,
      en: `There is no campaign with id ${id}; it may have been deleted.`,
    },
    { field: 'id' },
  )

async function readCampaign(req: PayloadRequest, id: string, draft: boolean) {
  return (await req.payload
    .findByID({
      collection: slugs.campaigns,
      id,
      draft,
      locale: 'all',
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    .catch(() => null)) as Json | null
}

const tierRef = (catalogue: EngineCatalogue, tierId: string) => {
  const plan = catalogue.latestPlanByTier.get(tierId)
  return plan
    ? { id: tierId, slug: plan.slug, name: plan.name, rank: plan.rank }
    : { id: tierId, slug: tierId, name: { zh: tierId, en: tierId }, rank: null }
}

/** The tiers a campaign sells: its target, or for the own tier the audience's (or every one sold). */
function tiersSold(campaign: CampaignDefinition, catalogue: EngineCatalogue): string[] {
  if (campaign.terms.target.tierId) return [campaign.terms.target.tierId]
  const listed = campaign.terms.audience.tierIds
  const candidates = listed.length ? listed : [...catalogue.liveTierIds]
  return candidates.filter((tierId) => {
    const plan = catalogue.latestPlanByTier.get(tierId)
    return plan && plan.kind !== 'honorary' && plan.prices.length > 0
  })
}

/** Every member in the store, as the audience sees them at `at`, with their best saving. */
function* membersAt(
  payload: Payload,
  campaign: CampaignDefinition,
  catalogue: EngineCatalogue,
  rankOf: ReadonlyMap<string, number>,
  at: Date,
): Generator<MemberForPreview> {
  const quotesByTier = new Map<string, OfferQuote[]>()
  for (const tierId of tiersSold(campaign, catalogue)) {
    const prices = catalogue.latestPlanByTier.get(tierId)?.prices ?? []
    quotesByTier.set(
      tierId,
      prices.flatMap((price) => quoteOffer(campaign, price) ?? []),
    )
  }
  const target = campaign.terms.target.tierId
  const bestSaving = (facts: AudienceFacts): number | null => {
    const quotes = quotesByTier.get(target ?? facts.tierId)
    if (!quotes?.length) return null
    // The member's own billing period when it is quoted, else the best saving on offer.
    const own = quotes.find((quote) => quote.period === facts.billingPeriod)
    return own ? own.saving : Math.max(...quotes.map((quote) => quote.saving))
  }
  const extra = { entryTierId: catalogue.entryTierId ?? '', rankOf }
  for (const member of storedMembers(payload)) {
    const facts = audienceFactsOf(membershipAt(member.membership, at, catalogue.settings), {
      ...extra,
      joinedAt: member.joinedAt ?? null,
      growthValue: member.growthValue ?? 0,
      redemptions: storedRedemptions(payload, member.id),
    })
    yield { facts, bestSaving }
  }
}

async function count(req: PayloadRequest, campaign: CampaignDefinition, at: Date) {
  await ensureStoreLoaded(req.payload)
  const { catalogue, offers } = await catalogueOf(req.payload)
  const compiled = compileCampaign(campaign, offers.rankOf)
  return {
    catalogue,
    counted: countAudience(
      compiled,
      membersAt(req.payload, campaign, catalogue, offers.rankOf, at),
      at,
    ),
  }
}

function countJson(catalogue: EngineCatalogue, counted: AudienceCount) {
  return {
    members: counted.members,
    eligible: counted.eligible,
    eligibleByTier: [...counted.eligibleByTier]
      .map(([tierId, members]) => ({ tier: tierRef(catalogue, tierId), members }))
      .sort((a, b) => (a.tier.rank ?? 0) - (b.tier.rank ?? 0)),
    ineligible: [...counted.ineligible]
      .map(([reason, members]) => ({
        reason,
        message: ineligibilityMessages[reason as Ineligibility],
        members,
      }))
      .sort((a, b) => b.members - a.members),
  }
}

const campaignRef = (campaign: CampaignDefinition) => ({
  id: campaign.id,
  slug: campaign.slug,
  name: campaign.name,
  kind: campaign.kind,
})

/**
 * The audience preview: who the campaign as edited would reach, counted at its start (or now, if
 * it has started), by tier and by why not, its price per tier sold, and its cost at the budget.
 */
export async function previewAudience(
  req: PayloadRequest,
  input: AudiencePreviewInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const stored = await readCampaign(req, input.id, true)
  if (!stored) return unknownCampaign(input.id)
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  const campaign = campaignFromDoc(
    { ...editedCampaign(stored, input.fields ?? {}, req.locale), id: input.id },
    { benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key },
  )
  const startsAt = campaign.schedule.startsAt
  const at = Number.isFinite(startsAt.getTime()) && startsAt > now ? startsAt : now
  const started = performance.now()
  const { counted } = await count(req, campaign, at)
  const prices = tiersSold(campaign, catalogue).flatMap((tierId) =>
    (catalogue.latestPlanByTier.get(tierId)?.prices ?? []).flatMap((price) => {
      const quote = quoteOffer(campaign, price)
      return quote
        ? [
            {
              tier: tierRef(catalogue, tierId),
              billingPeriod: price.period,
              sellingPrice: quote.sellingPrice,
              offerPrice: quote.price,
              saving: quote.saving,
            },
          ]
        : []
    }),
  )
  return ok({
    campaign: campaignRef(campaign),
    evaluatedAt: at.toISOString(),
    /** The instant counted: the start when it is still ahead, else now. */
    countedAt: at === now ? 'now' : 'start',
    ...countJson(catalogue, counted),
    prices,
    cost: costAtBudget(counted.savings, campaign.terms.budget),
    budget: campaign.terms.budget,
    currency: catalogue.settings.currency,
    tookMs: Math.round(performance.now() - started),
  })
}

type LaunchDoc = { _id: string; audience: number; at: Date }

/**
 * The audience a started campaign had at launch: counted once, by the first reader after its start
 * (the stats, or the job that looks every few minutes), and kept as one document with the campaign's
 * id, so every process reads the same count.
 */
export async function audienceAtLaunch(
  req: PayloadRequest,
  campaign: CampaignDefinition,
  now: Date,
): Promise<{ audience: number; at: Date } | null> {
  if (!campaign.published || now < campaign.schedule.startsAt) return null
  const claims = rawCollection(req.payload, slugs.campaignClaims)
  const id = `campaign:${campaign.id}:launch`
  const held = (await claims.findOne({ _id: id } as never)) as unknown as LaunchDoc | null
  if (held) return { audience: held.audience, at: new Date(held.at) }
  // Counted now: the job looks every five minutes, so a few minutes after the start; a campaign
  // published after its start is counted when it is first seen. The answer says when.
  const { counted } = await count(req, campaign, now)
  const doc = { _id: id, campaign: campaign.id, audience: counted.eligible, at: now }
  try {
    await claims.insertOne(doc as never)
    return { audience: doc.audience, at: now }
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error
    const first = (await claims.findOne({ _id: id } as never)) as unknown as LaunchDoc | null
    return first ? { audience: first.audience, at: new Date(first.at) } : null
  }
}

/** Records the launch audience of every published campaign that has started without one. */
export async function snapshotLaunchAudiences(req: PayloadRequest, now = new Date()) {
  const published = await req.payload.find({
    collection: slugs.campaigns,
    where: { _status: { equals: 'published' } },
    locale: 'all',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  let recorded = 0
  for (const doc of published.docs) {
    const campaign = campaignFromDoc(doc, {
      benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key,
    })
    const status = campaignStatus(campaign, now, storedCampaignUsage(req.payload, campaign.id))
    if (status !== 'live' && status !== 'paused' && status !== 'exhausted') continue
    const claims = rawCollection(req.payload, slugs.campaignClaims)
    if (await claims.findOne({ _id: `campaign:${campaign.id}:launch` } as never)) continue
    if (await audienceAtLaunch(req, campaign, now)) recorded += 1
  }
  return recorded
}

/** A campaign's figures: status, eligible now, redemptions, revenue, discount, conversion. */
export async function campaignStats(
  req: PayloadRequest,
  input: CampaignStatsInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const stored = await readCampaign(req, input.id, false)
  if (!stored) return unknownCampaign(input.id)
  await ensureStoreLoaded(req.payload)
  const { catalogue } = await catalogueOf(req.payload)
  const campaign = campaignFromDoc(stored, {
    benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key,
  })
  const rows = (await rawCollection(req.payload, slugs.campaignRedemptions)
    .find({ campaign: { $in: [campaign.id, new ObjectId(campaign.id)] } } as never, {
      projection: { amountPaid: 1, discount: 1, tier: 1, billingPeriod: 1 },
    })
    .toArray()) as unknown as { amountPaid?: number; discount?: number }[]
  const revenue = rows.reduce((sum, row) => sum + (row.amountPaid ?? 0), 0)
  const discountGiven = rows.reduce((sum, row) => sum + (row.discount ?? 0), 0)
  const usage = { redemptions: rows.length, discountGiven }
  const status = campaignStatus(campaign, now, usage)
  const { counted } = await count(req, campaign, now)
  const launch = await audienceAtLaunch(req, campaign, now)
  return ok({
    campaign: campaignRef(campaign),
    status,
    eligibleNow: counted.eligible,
    redemptions: rows.length,
    revenue,
    discountGiven,
    audienceAtLaunch: launch?.audience ?? null,
    audienceCountedAt: launch ? launch.at.toISOString() : null,
    conversion: conversion(rows.length, launch?.audience ?? null),
    budget: campaign.terms.budget,
    currency: catalogue.settings.currency,
    evaluatedAt: now.toISOString(),
  })
}
