// The marketer's view of a campaign's reach: the audience preview of a campaign as edited
// (POST /api/campaigns/preview-audience, the editor's panel) or as saved
// (GET /api/campaigns/{id}/preview-audience), and the stats of a campaign
// (GET /api/campaigns/{id}/stats). Both scan the entitlement store's members in memory — no member
// is read from the database — and the redemption figures come from the store too. Nothing is
// written on a check or an order for them: the only write is the audience at launch, once per
// campaign (a single-document insert whose id names the campaign; docs/database.md).
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
  previewInstant,
  redemptionFigures,
  membershipStableUntil,
  type AudienceCount,
  type BestSaving,
  type CountOptions,
} from '../../domain/campaigns/preview'
import { campaignStatus } from '../../domain/campaigns/status'
import {
  audienceFactsOf,
  type AudienceFacts,
  type CampaignDefinition,
  type CampaignRedemption,
} from '../../domain/campaigns/types'
import type { EngineCatalogue, MemberRecord } from '../../domain/entitlements/engine'
import { membershipAt } from '../../domain/entitlements/membership'
import {
  catalogueOf,
  ensureStoreLoaded,
  rawCollection,
  storedCampaignUsage,
  storedMembers,
  storedRedemptionGists,
  storedRedemptions,
} from '../entitlements/store'
import { cancelReasonsFor } from '../entitlements/cancelIntent'
import { ok, refuse, type Outcome } from '../result'

type Json = Record<string, unknown>

/**
 * The campaign as the editor holds it: any of its fields (name, kind, schedule, terms…), laid over
 * the saved campaign `id` when given (its latest draft), else over nothing (a campaign not yet
 * saved). Fields the preview does not read are ignored.
 */
export type AudiencePreviewInput = { id?: string } & Record<string, unknown>

export type CampaignByIdInput = { id: string }

const unknownCampaign = (id: string) =>
  refuse(
    'campaign_unknown',
    {
      zh: `找不到 ID 为 ${id} 的营销活动：它可能已被删除。请检查 ID，或在“营销活动”列表中打开它。`,
      en: `There is no campaign with id ${id}; it may have been deleted. Check the id, or open the campaign from the Campaigns list.`,
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

/** What the member looks like to audiences over [from, until), for one catalogue. */
type CachedFacts = {
  from: number
  until: number
  catalogue: EngineCatalogue
  redemptions: readonly CampaignRedemption[]
  facts: AudienceFacts
}

/**
 * Facts per member record (a changed member is a new record, so it is never stale), one cache for
 * counts at now and one for counts at a later start, so a preview of a scheduled campaign and the
 * checks' "now" do not evict each other.
 */
const factsCaches = {
  now: new WeakMap<MemberRecord, CachedFacts>(),
  ahead: new WeakMap<MemberRecord, CachedFacts>(),
}

const covers = (
  cached: CachedFacts | undefined,
  catalogue: EngineCatalogue,
  redemptions: readonly CampaignRedemption[],
  time: number,
): cached is CachedFacts =>
  cached !== undefined &&
  cached.catalogue === catalogue &&
  cached.redemptions === redemptions &&
  cached.from <= time &&
  time < cached.until

/**
 * Every member in the store as audiences see them at `at` (re-used while nothing changed). A count
 * at a later start first looks in the cache for now: a member whose membership does not change
 * before `at` looks the same to audiences then (the audience itself compares with `at`), so a
 * scheduled campaign's first preview costs a warm one for most members.
 */
function* factsAt(
  payload: Payload,
  catalogue: EngineCatalogue,
  rankOf: ReadonlyMap<string, number>,
  at: Date,
  now: Date,
): Generator<AudienceFacts> {
  const ahead = at.getTime() > now.getTime()
  const cache = ahead ? factsCaches.ahead : factsCaches.now
  const time = at.getTime()
  const entryTierId = catalogue.entryTierId ?? ''
  for (const member of storedMembers(payload)) {
    const redemptions = storedRedemptions(payload, member.id)
    const cached = cache.get(member)
    if (covers(cached, catalogue, redemptions, time)) {
      yield cached.facts
      continue
    }
    if (ahead) {
      const current = factsCaches.now.get(member)
      if (covers(current, catalogue, redemptions, time)) {
        yield current.facts
        continue
      }
    }
    yield factsFor(member, catalogue, rankOf, entryTierId, redemptions, at, cache)
  }
}

/** One member's facts at `at`, worked out from the membership and kept in `cache`. */
function factsFor(
  member: MemberRecord,
  catalogue: EngineCatalogue,
  rankOf: ReadonlyMap<string, number>,
  entryTierId: string,
  redemptions: readonly CampaignRedemption[],
  at: Date,
  cache: WeakMap<MemberRecord, CachedFacts>,
): AudienceFacts {
  const membership = membershipAt(member.membership, at, catalogue.settings)
  const facts = audienceFactsOf(membership, {
    entryTierId,
    rankOf,
    joinedAt: member.joinedAt ?? null,
    growthValue: member.growthValue ?? 0,
    redemptions,
  })
  cache.set(member, {
    from: at.getTime(),
    until: membershipStableUntil(member.membership, membership, at),
    catalogue,
    redemptions,
    facts,
  })
  return facts
}

/**
 * Works out every member's facts at `now` in slices of `slice` members, yielding to the event loop
 * between slices, so the first preview after a start finds them ready (the app server calls it once
 * the store has loaded). Members already cached are skipped; safe to call at any time.
 */
export async function warmAudienceFacts(
  payload: Payload,
  now = new Date(),
  slice = 5_000,
): Promise<number> {
  await ensureStoreLoaded(payload)
  const { catalogue, offers } = await catalogueOf(payload)
  const entryTierId = catalogue.entryTierId ?? ''
  const time = now.getTime()
  let worked = 0
  let inSlice = 0
  for (const member of [...storedMembers(payload)]) {
    const redemptions = storedRedemptions(payload, member.id)
    if (!covers(factsCaches.now.get(member), catalogue, redemptions, time)) {
      factsFor(member, catalogue, offers.rankOf, entryTierId, redemptions, now, factsCaches.now)
      worked += 1
    }
    inSlice += 1
    if (inSlice >= slice) {
      inSlice = 0
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return worked
}

/** The best saving each member would get: their own billing period when sold, else the largest. */
function bestSavingOf(campaign: CampaignDefinition, catalogue: EngineCatalogue): BestSaving {
  const quotesByTier = new Map<string, OfferQuote[]>()
  const bestByTier = new Map<string, number>()
  for (const tierId of tiersSold(campaign, catalogue)) {
    const prices = catalogue.latestPlanByTier.get(tierId)?.prices ?? []
    const quotes = prices.flatMap((price) => quoteOffer(campaign, price) ?? [])
    quotesByTier.set(tierId, quotes)
    if (quotes.length) bestByTier.set(tierId, Math.max(...quotes.map((quote) => quote.saving)))
  }
  const target = campaign.terms.target.tierId
  return (facts) => {
    const sold = target ?? facts.tierId
    const quotes = quotesByTier.get(sold)
    if (!quotes?.length) return null
    for (const quote of quotes) if (quote.period === facts.billingPeriod) return quote.saving
    return bestByTier.get(sold) ?? null
  }
}

/** The campaign's audience at `at`, over every member in the store. */
export async function countCampaignAudience(
  payload: Payload,
  campaign: CampaignDefinition,
  at: Date,
  now: Date,
  options: CountOptions = {},
): Promise<{ catalogue: EngineCatalogue; counted: AudienceCount }> {
  await ensureStoreLoaded(payload)
  const { catalogue, offers } = await catalogueOf(payload)
  const compiled = compileCampaign(campaign, offers.rankOf)
  return {
    catalogue,
    counted: countAudience(
      compiled,
      factsAt(payload, catalogue, offers.rankOf, at, now),
      at,
      bestSavingOf(campaign, catalogue),
      options,
    ),
  }
}

function countJson(catalogue: EngineCatalogue, counted: AudienceCount) {
  return {
    members: counted.members,
    eligible: counted.eligible,
    eligibleByTier: [...counted.eligibleByTier]
      .map(([tierId, members]) => ({ tier: tierRef(catalogue, tierId), members }))
      .sort(
        (a, b) =>
          (a.tier.rank ?? Number.MAX_SAFE_INTEGER) - (b.tier.rank ?? Number.MAX_SAFE_INTEGER) ||
          (a.tier.id < b.tier.id ? -1 : 1),
      ),
    ineligible: [...counted.ineligible]
      .map(([reason, members]) => ({
        reason,
        message: ineligibilityMessages[reason as Ineligibility],
        members,
      }))
      .sort((a, b) => b.members - a.members || (a.reason < b.reason ? -1 : 1)),
  }
}

const campaignRef = (campaign: CampaignDefinition) => ({
  id: campaign.id || null,
  slug: campaign.slug,
  name: campaign.name,
  kind: campaign.kind,
})

const budgetJson = (campaign: CampaignDefinition) => ({
  totalRedemptions: campaign.terms.budget.totalRedemptions,
  perMember: campaign.terms.budget.perMember,
  maxDiscount: campaign.terms.budget.maxDiscount,
})

/** Who the campaign reaches at its start (or now), by tier and by why not, its prices and cost. */
async function preview(
  req: PayloadRequest,
  campaign: CampaignDefinition,
  now: Date,
): Promise<Outcome<Json>> {
  const { at, countedAt } = previewInstant(campaign.schedule.startsAt, now)
  const { catalogue, counted } = await countCampaignAudience(req.payload, campaign, at, now)
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
    /** The instant counted: the start while it is ahead, else now. */
    evaluatedAt: at.toISOString(),
    countedAt,
    ...countJson(catalogue, counted),
    prices,
    cost: costAtBudget(counted.savings, campaign.terms.budget),
    budget: budgetJson(campaign),
    currency: catalogue.settings.currency,
  })
}

const definitionOf = async (payload: Payload, doc: Json) => {
  const { catalogue } = await catalogueOf(payload)
  return campaignFromDoc(doc, { benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key })
}

/**
 * The audience preview of a campaign as edited: the fields laid over the saved campaign's latest
 * draft (`id`), or a campaign not yet saved. Localized fields are in the request's locale.
 */
export async function previewAudience(
  req: PayloadRequest,
  input: AudiencePreviewInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const { id, ...fields } = input
  const stored = id === undefined ? {} : await readCampaign(req, id, true)
  if (!stored) return unknownCampaign(id!)
  await ensureStoreLoaded(req.payload)
  const edited = { ...editedCampaign(stored, fields, req.locale), id: id ?? '', _status: 'draft' }
  return preview(req, await definitionOf(req.payload, edited), now)
}

/** The audience preview of a saved campaign, as its latest draft reads. */
export async function previewSavedAudience(
  req: PayloadRequest,
  input: CampaignByIdInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const stored = await readCampaign(req, input.id, true)
  if (!stored) return unknownCampaign(input.id)
  await ensureStoreLoaded(req.payload)
  return preview(req, await definitionOf(req.payload, stored), now)
}

type LaunchDoc = { _id: string; campaign: string; audience: number; at: Date }
type Launch = { audience: number; at: Date }

const launchId = (campaignId: string) => `campaign:${campaignId}:launch`

/** Launch counts already read, per Payload instance: they never change once written. */
const launchesSeen = new WeakMap<Payload, Map<string, Launch>>()

const seenLaunches = (payload: Payload) => {
  let seen = launchesSeen.get(payload)
  if (!seen) launchesSeen.set(payload, (seen = new Map()))
  return seen
}

/**
 * Whether the launch audience may be counted now: published, started, and not yet over (ended,
 * by time or by hand). Paused or exhausted campaigns have launched, so they may be counted too.
 */
export function launchCountDue(campaign: CampaignDefinition, now: Date): boolean {
  const time = now.getTime()
  const { startsAt, endsAt, endedAt } = campaign.schedule
  return (
    campaign.published &&
    startsAt.getTime() <= time &&
    time < endsAt.getTime() &&
    (endedAt === null || time < endedAt.getTime())
  )
}

async function readLaunch(payload: Payload, campaignId: string): Promise<Launch | null> {
  const seen = seenLaunches(payload)
  const known = seen.get(campaignId)
  if (known) return known
  const doc = (await rawCollection(payload, slugs.campaignClaims).findOne({
    _id: launchId(campaignId),
  } as never)) as unknown as LaunchDoc | null
  if (!doc) return null
  const launch = { audience: Number(doc.audience), at: new Date(doc.at) }
  seen.set(campaignId, launch)
  return launch
}

/**
 * The audience a started campaign had at launch: the stored count, or — the first time it is asked
 * after the start (the stats, or the job that looks every minute) — counted now and claimed as one
 * document whose `_id` names the campaign. Whoever inserts first holds it; a process that loses
 * the race reads the winner's count, so every process reports the same figure and it is written
 * once. Counted now, members who have already redeemed the campaign count as in the audience
 * (they were in it), so a late count does not leave out those who converted. Null before the start,
 * for drafts, and for a campaign that ended before anyone counted it.
 */
export async function audienceAtLaunch(
  payload: Payload,
  campaign: CampaignDefinition,
  now: Date,
): Promise<Launch | null> {
  if (!campaign.id) return null
  const held = await readLaunch(payload, campaign.id)
  if (held || !launchCountDue(campaign, now)) return held
  const { counted } = await countCampaignAudience(payload, campaign, now, now, {
    redeemersInAudience: true,
  })
  const doc = {
    _id: launchId(campaign.id),
    campaign: campaign.id,
    audience: counted.eligible,
    at: now,
  }
  try {
    await rawCollection(payload, slugs.campaignClaims).insertOne(doc as never)
    const launch = { audience: doc.audience, at: now }
    seenLaunches(payload).set(campaign.id, launch)
    return launch
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error
    return readLaunch(payload, campaign.id)
  }
}

/**
 * Records the launch audience of every published campaign that has started and has none (the
 * scheduled job `snapshotLaunchAudiences`). Answers how many it recorded.
 */
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
  let recorded = 0
  for (const doc of published.docs) {
    const campaign = await definitionOf(req.payload, doc as unknown as Json)
    if (!launchCountDue(campaign, now) || (await readLaunch(req.payload, campaign.id))) continue
    const launch = await audienceAtLaunch(req.payload, campaign, now)
    if (launch && launch.at.getTime() === now.getTime()) recorded += 1
  }
  return recorded
}

/**
 * A campaign's figures: status, eligible now, redemptions, revenue, discount given (by tier and
 * billing period), the audience at launch and the conversion. The published campaign is read.
 */
export async function campaignStats(
  req: PayloadRequest,
  input: CampaignByIdInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const stored = await readCampaign(req, input.id, false)
  if (!stored) return unknownCampaign(input.id)
  await ensureStoreLoaded(req.payload)
  const campaign = await definitionOf(req.payload, stored)
  const usage = storedCampaignUsage(req.payload, campaign.id)
  const status = campaignStatus(campaign, now, usage)
  const { catalogue, counted } = await countCampaignAudience(req.payload, campaign, now, now)
  const figures = redemptionFigures(storedRedemptionGists(req.payload, campaign.id))
  const launch = await audienceAtLaunch(req.payload, campaign, now)
  const { totalRedemptions, maxDiscount } = campaign.terms.budget
  return ok({
    campaign: campaignRef(campaign),
    status,
    eligibleNow: counted.eligible,
    redemptions: figures.redemptions,
    revenue: figures.revenue,
    discountGiven: figures.discountGiven,
    byTierAndPeriod: figures.byTierAndPeriod.map((row) => ({
      tier: row.tierId === null ? null : tierRef(catalogue, row.tierId),
      billingPeriod: row.billingPeriod,
      redemptions: row.redemptions,
      revenue: row.revenue,
      discountGiven: row.discountGiven,
    })),
    audienceAtLaunch: launch?.audience ?? null,
    audienceCountedAt: launch ? launch.at.toISOString() : null,
    conversion: conversion(figures.redemptions, launch?.audience ?? null),
    budget: budgetJson(campaign),
    budgetLeft: {
      redemptions:
        totalRedemptions === null ? null : Math.max(0, totalRedemptions - usage.redemptions),
      discount: maxDiscount === null ? null : Math.max(0, maxDiscount - usage.discountGiven),
    },
    // A retention campaign: why the members it was offered to said they would not renew.
    cancelReasons:
      campaign.kind === 'retention' ? await cancelReasonsFor(req.payload, campaign.id) : [],
    currency: catalogue.settings.currency,
    evaluatedAt: now.toISOString(),
  })
}
