// Redeeming a campaign through a billing order: the campaign is re-checked at order time (live,
// member eligible, amount paid = the offer price, budget and per-member limit), then its budget is
// claimed, and once the order is on the ledger the redemption and its gifts are written.
//
// Claims hold across processes and under concurrency without transactions (docs/database.md):
// - a budget slot is an insert of `campaign:<id>:slot:<n>` for n < totalRedemptions;
// - the per-member limit likewise, `campaign:<id>:member:<memberId>:<n>` for n < perMember;
// - the discount cap is one document per campaign, `campaign:<id>:discount`, raised by a single
//   conditional update whose filter says the new total fits the cap and this order is not in it.
// Each claim names its order, so a retried order re-finds its own claims; the order record
// `order:<orderId>` keeps what the redemption needs, so a retry after a crash can finish it.
import { ObjectId } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { campaignFromDoc } from '../../adapters/campaigns'
import { rowFromValue } from '../../adapters/catalogue'
import {
  memberEligibility,
  compileCampaign,
  ineligibilityMessages,
} from '../../domain/campaigns/audience'
import { campaignGrants } from '../../domain/campaigns/gifts'
import { quoteOffer } from '../../domain/campaigns/pricing'
import { acceptsRedemptions, budgetAllows, campaignStatus } from '../../domain/campaigns/status'
import {
  audienceFactsOf,
  type CampaignDefinition,
  type CampaignKind,
  type CampaignRedemption,
} from '../../domain/campaigns/types'
import type { BillingPeriod, Localized } from '../../domain/catalogue/types'
import type { EngineCatalogue } from '../../domain/entitlements/engine'
import { membershipAt, type OrderType } from '../../domain/entitlements/membership'
import { serialized } from '../entitlements/ledger'
import { rawCollection, rememberRedemption } from '../entitlements/store'
import { refuse, type Refusal } from '../result'
import { recordWebhookEvent } from '../webhooks/outbox'
import { campaignUsage } from './campaignUsage'

const objectIdPattern = /^[0-9a-f]{24}$/i

const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000

export type CampaignOrder = {
  orderId: string
  /** The campaign's id or slug, as billing sent it. */
  campaign: string
  memberId: string
  type: OrderType
  tierId: string | null
  billingPeriod: BillingPeriod | null
  amount: number
  /** upgrade: the quoted credit for the unused period, taken off the offer price (rule 18). */
  credit?: number
  at: Date
}

/** What an accepted campaign order holds and will write: kept in the order record. */
export type CampaignClaim = {
  orderId: string
  campaignId: string
  campaignSlug: string
  kind: CampaignKind
  memberId: string
  tierId: string
  billingPeriod: BillingPeriod
  amountPaid: number
  discount: number
  bonusDays: number
  trialDays: number
  at: Date
  /** Ids of the claim documents this order holds (slot, member, and the discount document). */
  claims: string[]
}

type Refused = { ok: false; refusal: Refusal }
type Claimed = { ok: true; claim: CampaignClaim }
type Checked = Claimed & { campaign: CampaignDefinition }

type ClaimDoc = { _id: string; order?: string; orders?: string[]; given?: number }

const campaignNamed = (campaign: Pick<CampaignDefinition, 'name'>, message: Localized) => ({
  zh: `活动“${campaign.name.zh}”：${message.zh}`,
  en: `Campaign "${campaign.name.en}": ${message.en}`,
})

async function loadCampaign(
  req: PayloadRequest,
  reference: string,
  catalogue: EngineCatalogue,
): Promise<CampaignDefinition | null> {
  const common = { depth: 0, locale: 'all', overrideAccess: true, req } as const
  let doc: object | null = null
  if (objectIdPattern.test(reference)) {
    doc = await req.payload
      .findByID({ ...common, collection: slugs.campaigns, id: reference, disableErrors: true })
      .catch(() => null)
  }
  if (!doc) {
    const found = await req.payload.find({
      ...common,
      collection: slugs.campaigns,
      where: { slug: { equals: reference } },
      limit: 1,
      pagination: false,
    })
    doc = found.docs[0] ?? null
  }
  if (!doc) return null
  return campaignFromDoc(doc, {
    benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key,
  })
}

/** The member's earlier redemptions, for the audience and the per-member limit. */
async function memberRedemptions(
  req: PayloadRequest,
  memberId: string,
): Promise<CampaignRedemption[]> {
  const docs = await rawCollection(req.payload, slugs.campaignRedemptions)
    .find({ member: new ObjectId(memberId) } as never, {
      projection: { campaign: 1, kind: 1, redeemedAt: 1, referredMember: 1 },
    })
    .toArray()
  // A referral reward is not the member taking an offer (referral.ts).
  return docs
    .filter((doc) => !doc.referredMember)
    .map((doc) => ({
      campaignId: String(doc.campaign),
      kind: doc.kind as CampaignKind,
      at: new Date(doc.redeemedAt as string | Date),
    }))
}

export const trialUsedMessage = (campaign: Pick<CampaignDefinition, 'name'>): Localized =>
  campaignNamed(campaign, ineligibilityMessages.trial_already_used)

/**
 * Everything that decides whether the order may redeem the campaign now, in order: known, live
 * and with budget left, the member eligible, the tier and period covered, the amount the offer
 * price. Returns the claim to take, or the refusal.
 */
export async function campaignOrderCheck(
  req: PayloadRequest,
  order: CampaignOrder,
  catalogue: EngineCatalogue,
  membership: Parameters<typeof membershipAt>[0],
): Promise<Checked | Refused> {
  const campaign = await loadCampaign(req, order.campaign, catalogue)
  if (!campaign) {
    return refuse(
      'campaign_unknown',
      {
        zh: `没有活动“${order.campaign}”：请检查活动 ID 或标识（slug）。`,
        en: `There is no campaign "${order.campaign}": check the campaign id or slug.`,
      },
      { field: 'campaign' },
    )
  }
  const details = { campaign: { id: campaign.id, slug: campaign.slug, kind: campaign.kind } }
  const usage = await campaignUsage(req, campaign.id)
  const status = campaignStatus(campaign, order.at, usage)
  if (status === 'exhausted') return exhausted(campaign, details)
  if (!acceptsRedemptions(status)) {
    return refuse(
      'campaign_not_live',
      campaignNamed(campaign, {
        zh: `当前不可参加（状态：${status}），只有进行中的活动可以核销。`,
        en: `cannot be redeemed now (status: ${status}); only live campaigns can.`,
      }),
      { field: 'campaign', details: { ...details, status } },
    )
  }

  const rankOf = new Map(
    [...catalogue.latestPlanByTier.values()].map((plan) => [plan.tierId, plan.rank]),
  )
  const now = membershipAt(membership, order.at, catalogue.settings)
  const memberDoc = await rawCollection(req.payload, slugs.members).findOne(
    { _id: new ObjectId(order.memberId) } as never,
    { projection: { createdAt: 1, growthPoints: 1, referredBy: 1, firstPaidOrder: 1 } },
  )
  const facts = audienceFactsOf(now, {
    entryTierId: catalogue.entryTierId ?? '',
    rankOf,
    joinedAt: memberDoc?.createdAt ? new Date(memberDoc.createdAt as string | Date) : null,
    growthValue: typeof memberDoc?.growthPoints === 'number' ? memberDoc.growthPoints : 0,
    redemptions: await memberRedemptions(req, order.memberId),
    // A referral campaign's welcome offer: attributed, no paid order yet (referral.ts).
    referredNewMember: Boolean(memberDoc?.referredBy) && !memberDoc?.firstPaidOrder,
  })
  const eligibility = memberEligibility(compileCampaign(campaign, rankOf), facts, order.at)
  if (eligibility === 'trial_already_used') {
    return refuse('trial_used', trialUsedMessage(campaign), { field: 'member', details })
  }
  if (eligibility === 'member_limit_reached') {
    return refuse(
      'already_redeemed',
      campaignNamed(campaign, ineligibilityMessages.member_limit_reached),
      { field: 'member', details },
    )
  }
  if (eligibility !== true) {
    return refuse('not_eligible', campaignNamed(campaign, ineligibilityMessages[eligibility]), {
      field: 'member',
      details: { ...details, why: eligibility },
    })
  }
  if ((campaign.kind === 'trial') !== (order.type === 'trial')) {
    return refuse(
      'not_eligible',
      campaignNamed(
        campaign,
        campaign.kind === 'trial'
          ? {
              zh: `是试用活动：订单类型须为 trial（收到 ${order.type}）；试用结束后会员回到原来的会员，付费购买或升级即转正。`,
              en: `is a trial campaign: the order type must be trial (got ${order.type}); when the trial ends the member is back on what they had, and a paid purchase or upgrade converts it.`,
            }
          : {
              zh: '不是试用活动：trial 订单只能核销试用活动。',
              en: 'is not a trial campaign: a trial order can only redeem a trial campaign.',
            },
      ),
      { field: 'type', details },
    )
  }
  if (order.type === 'cancellation') {
    return refuse(
      'not_eligible',
      campaignNamed(campaign, {
        zh: '取消订单不能参加活动。',
        en: 'a cancellation cannot redeem a campaign.',
      }),
      { field: 'type', details },
    )
  }

  const target = campaign.terms.target.tierId
  const tierId = target ?? order.tierId ?? now.tierId ?? now.lapsedTierId
  if (!tierId || (target !== null && order.tierId !== null && order.tierId !== target)) {
    const targetName = target ? catalogue.latestPlanByTier.get(target)?.name : undefined
    return refuse(
      'not_eligible',
      campaignNamed(campaign, {
        zh: targetName ? `只适用于购买“${targetName.zh}”。` : '请在订单中给出等级。',
        en: targetName ? `applies to "${targetName.en}" only.` : 'the order must name a tier.',
      }),
      { field: 'tier', details },
    )
  }
  // The billing period the order names; else the one held, else the first the offer covers.
  const prices = catalogue.latestPlanByTier.get(tierId)?.prices ?? []
  const candidates =
    order.billingPeriod !== null
      ? [order.billingPeriod]
      : [
          ...(now.billingPeriod ? [now.billingPeriod] : []),
          ...campaign.terms.target.billingPeriods,
          ...prices.map((entry) => entry.period),
        ]
  let billingPeriod: BillingPeriod = candidates[0] ?? 'monthly'
  let quote: ReturnType<typeof quoteOffer> = null
  for (const period of candidates) {
    const price = prices.find((entry) => entry.period === period)
    quote = price ? quoteOffer(campaign, price) : null
    if (quote) {
      billingPeriod = period
      break
    }
  }
  if (!quote) {
    return refuse(
      'not_eligible',
      campaignNamed(campaign, {
        zh: `不适用于 ${billingPeriod} 计费周期。`,
        en: `does not apply to the ${billingPeriod} billing period.`,
      }),
      { field: 'billingPeriod', details },
    )
  }
  const credit = Math.min(Math.max(0, order.credit ?? 0), quote.price)
  if (order.amount !== quote.price - credit) {
    const less = credit
      ? { zh: `，升级抵扣 ${credit} 分`, en: `, less an upgrade credit of ${credit}` }
      : { zh: '', en: '' }
    return refuse(
      'amount_mismatch',
      campaignNamed(campaign, {
        zh: `活动价为 ${quote.price} 分（原价 ${quote.sellingPrice} 分${less.zh}），订单金额为 ${order.amount} 分。`,
        en: `the offer price is ${quote.price} (selling price ${quote.sellingPrice}${less.en}) in fen, the order says ${order.amount}.`,
      }),
      {
        field: 'amount',
        details: { ...details, expected: quote.price - credit, sellingPrice: quote.sellingPrice },
      },
    )
  }
  if (!budgetAllows(campaign.terms.budget, usage, quote.saving)) return exhausted(campaign, details)
  return {
    ok: true,
    campaign,
    claim: {
      orderId: order.orderId,
      campaignId: campaign.id,
      campaignSlug: campaign.slug,
      kind: campaign.kind,
      memberId: order.memberId,
      tierId,
      billingPeriod,
      amountPaid: order.amount,
      discount: quote.saving,
      bonusDays: campaign.kind === 'trial' ? 0 : campaign.terms.offer.bonusDays,
      trialDays: campaign.kind === 'trial' ? campaign.terms.offer.trialDays : 0,
      at: order.at,
      claims: [],
    },
  }
}

function exhausted(
  campaign: Pick<CampaignDefinition, 'name'>,
  details: Record<string, unknown>,
): Refused {
  return refuse(
    'campaign_exhausted',
    campaignNamed(campaign, {
      zh: '名额或优惠预算已用完。',
      en: 'its redemptions or discount budget are used up.',
    }),
    { field: 'campaign', details },
  )
}

/** The lowest slot number that may be free, per campaign, in this process. */
const firstFreeSlot = ((globalThis as { __campaignSlots?: Map<string, number> }).__campaignSlots ??=
  new Map<string, number>())

type Claims = ReturnType<typeof claimsOf>
const claimsOf = (req: Pick<PayloadRequest, 'payload'>) =>
  rawCollection(req.payload, slugs.campaignClaims)

/** Who holds a claim: the order (or a reward named after it) and its campaign. */
export type ClaimOwner = Pick<CampaignClaim, 'orderId' | 'campaignId' | 'at'>

/** Inserts `_id` for this order; true when it is this order's (new, or held from a retry). */
export async function insertClaim(claims: Claims, id: string, claim: ClaimOwner): Promise<boolean> {
  try {
    await claims.insertOne({
      _id: id,
      order: claim.orderId,
      campaign: claim.campaignId,
      at: claim.at,
    } as never)
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const held = (await claims.findOne({ _id: id } as never)) as unknown as ClaimDoc | null
    return held?.order === claim.orderId
  }
}

/** The first of `count` numbered ids (`<prefix>:<n>`) this order can hold, or null. */
export async function claimNumbered(
  claims: Claims,
  prefix: string,
  count: number,
  claim: ClaimOwner,
  start = 0,
): Promise<{ id: string; n: number } | null> {
  for (let n = start; n < count; n += 1) {
    const id = `${prefix}:${n}`
    if (await insertClaim(claims, id, claim)) return { id, n }
  }
  return null
}

/** Raises the campaign's discount given by this order's discount if it fits the cap (once). */
async function claimDiscount(
  claims: Claims,
  id: string,
  cap: number,
  claim: CampaignClaim,
): Promise<boolean> {
  try {
    await claims.insertOne({ _id: id, campaign: claim.campaignId, given: 0, orders: [] } as never)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const raised = await claims.updateOne(
    { _id: id, orders: { $ne: claim.orderId }, given: { $lte: cap - claim.discount } } as never,
    { $inc: { given: claim.discount }, $push: { orders: claim.orderId } } as never,
  )
  if (raised.modifiedCount === 1) return true
  const held = (await claims.findOne({ _id: id } as never)) as unknown as ClaimDoc | null
  return Array.isArray(held?.orders) && held.orders.includes(claim.orderId)
}

/**
 * One of the campaign's `total` budget slots (`<key>:slot:<n>`), starting where this process last
 * found one free; null when all are held. Callers serialise per campaign (`serialized(key)`).
 */
export async function claimBudgetSlot(
  claims: Claims,
  key: string,
  total: number,
  claim: ClaimOwner,
): Promise<{ id: string; n: number } | null> {
  const start = Math.min(firstFreeSlot.get(key) ?? 0, total)
  const slot =
    (await claimNumbered(claims, `${key}:slot`, total, claim, start)) ??
    (start > 0 ? await claimNumbered(claims, `${key}:slot`, start, claim) : null)
  if (slot && slot.n >= start) firstFreeSlot.set(key, slot.n + 1)
  return slot
}

/**
 * Takes the campaign's budget for the order: the member's next redemption, a budget slot and the
 * discount under the cap, in that order; on any failure gives back what it took. Returns the claim
 * with the ids it holds, or the refusal.
 */
export async function claimCampaign(
  req: PayloadRequest,
  campaign: Pick<CampaignDefinition, 'name' | 'terms'>,
  claim: CampaignClaim,
): Promise<Claimed | Refused> {
  const claims = claimsOf(req)
  const { budget } = campaign.terms
  const key = `campaign:${claim.campaignId}`
  return serialized(key, async () => {
    // The same order again (a retry, or a duplicate racing in): it holds what it claimed.
    const already = await heldClaim(req, claim.orderId)
    if (already && already.campaignId === claim.campaignId) return { ok: true, claim: already }
    const held: string[] = []
    const fail = async (refusal: Refused) => {
      await releaseCampaign(req, { ...claim, claims: held })
      return refusal
    }
    // One trial per member ever, across all trial campaigns: one document per member.
    if (claim.kind === 'trial') {
      const id = `trial:${claim.memberId}`
      if (!(await insertClaim(claims, id, claim))) {
        return fail(refuse('trial_used', trialUsedMessage(campaign), { field: 'member' }))
      }
      held.push(id)
    }
    const member = await claimNumbered(
      claims,
      `${key}:member:${claim.memberId}`,
      // A referral campaign's welcome offer comes with the first paid order: once per member.
      claim.kind === 'referral' ? 1 : budget.perMember,
      claim,
    )
    if (!member) {
      return fail(
        refuse(
          'already_redeemed',
          campaignNamed(campaign, ineligibilityMessages.member_limit_reached),
          { field: 'member' },
        ),
      )
    }
    held.push(member.id)
    if (budget.totalRedemptions !== null) {
      const slot = await claimBudgetSlot(claims, key, budget.totalRedemptions, claim)
      if (!slot) return fail(exhausted(campaign, {}))
      held.push(slot.id)
    }
    if (budget.maxDiscount !== null && claim.discount > 0) {
      const id = `${key}:discount`
      if (!(await claimDiscount(claims, id, budget.maxDiscount, claim))) {
        return fail(exhausted(campaign, {}))
      }
      held.push(id)
    }
    const done = { ...claim, claims: held }
    await claims.updateOne(
      { _id: `order:${claim.orderId}` } as never,
      { $set: { ...done, campaign: claim.campaignId, order: claim.orderId } } as never,
      { upsert: true },
    )
    return { ok: true, claim: done }
  })
}

/** Gives back what an order claimed (the order was refused after claiming). */
export async function releaseCampaign(
  req: Pick<PayloadRequest, 'payload'>,
  claim: Pick<CampaignClaim, 'orderId' | 'campaignId' | 'discount' | 'claims'>,
): Promise<void> {
  const claims = claimsOf(req)
  const key = `campaign:${claim.campaignId}`
  for (const id of claim.claims) {
    if (id.endsWith(':discount')) {
      await claims.updateOne(
        { _id: id, orders: claim.orderId } as never,
        { $inc: { given: -claim.discount }, $pull: { orders: claim.orderId } } as never,
      )
      continue
    }
    await claims.deleteOne({ _id: id, order: claim.orderId } as never)
    const slot = id.startsWith(`${key}:slot:`) ? Number(id.slice(`${key}:slot:`.length)) : NaN
    if (Number.isInteger(slot)) {
      firstFreeSlot.set(key, Math.min(firstFreeSlot.get(key) ?? 0, slot))
    }
  }
  await claims.deleteOne({ _id: `order:${claim.orderId}` } as never)
}

/** The claim an order holds, from its order record (a retry after a crash), or null. */
export async function heldClaim(
  req: PayloadRequest,
  orderId: string,
): Promise<CampaignClaim | null> {
  const doc = (await claimsOf(req).findOne({ _id: `order:${orderId}` } as never)) as Record<
    string,
    unknown
  > | null
  if (!doc || typeof doc.campaignId !== 'string') return null
  return { ...(doc as unknown as CampaignClaim), at: new Date(doc.at as string | Date) }
}

/**
 * Writes what an accepted order redeemed: the gifts as grants naming the campaign, then the
 * redemption (id = order id) — the last write, so its absence tells a retry to finish. A no-op
 * when the redemption is already there.
 */
export async function writeRedemption(
  req: PayloadRequest,
  claim: CampaignClaim,
  catalogue: EngineCatalogue,
): Promise<void> {
  const { payload } = req
  const existing = await payload.findByID({
    collection: slugs.campaignRedemptions,
    id: claim.orderId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (existing) {
    // A retry: the event was written before the redemption (this records nothing new).
    await recordRedemptionWebhook(req, claim)
    return
  }
  await giveCampaignGifts(req, {
    campaignId: claim.campaignId,
    memberId: claim.memberId,
    at: claim.at,
    catalogue,
    source: 'campaign',
  })
  // Written ahead of the redemption, so a redemption never exists without its event (docs/webhooks.md).
  await recordRedemptionWebhook(req, claim)
  try {
    await payload.create({
      collection: slugs.campaignRedemptions,
      data: {
        id: claim.orderId,
        campaign: claim.campaignId,
        member: claim.memberId,
        kind: claim.kind,
        orderId: claim.orderId,
        tier: claim.tierId,
        billingPeriod: claim.billingPeriod,
        amountPaid: claim.amountPaid,
        discount: claim.discount,
        bonusDays: claim.bonusDays,
        trialDays: claim.trialDays,
        redeemedAt: claim.at.toISOString(),
      },
      overrideAccess: true,
      req,
    })
    rememberWritten(payload, claim)
  } catch (error) {
    // A concurrent retry of the same order wrote it first.
    const raced = await payload.findByID({
      collection: slugs.campaignRedemptions,
      id: claim.orderId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!raced) throw error
    rememberWritten(payload, claim)
  }
}

/** `campaign.redeemed`, once per redemption (its id is the order id). */
const recordRedemptionWebhook = (req: PayloadRequest, claim: CampaignClaim) =>
  recordWebhookEvent(req.payload, {
    type: 'campaign.redeemed',
    member: claim.memberId,
    subjectId: `redemption:${claim.orderId}`,
    occurredAt: claim.at,
    data: {
      redemptionId: claim.orderId,
      orderId: claim.orderId,
      campaign: { id: claim.campaignId, slug: claim.campaignSlug, kind: claim.kind },
      tier: claim.tierId,
      billingPeriod: claim.billingPeriod,
      amountPaid: claim.amountPaid,
      discount: claim.discount,
      bonusDays: claim.bonusDays,
      trialDays: claim.trialDays,
    },
  })

const rememberWritten = (payload: Payload, claim: CampaignClaim): void =>
  rememberRedemption(payload, {
    orderId: claim.orderId,
    memberId: claim.memberId,
    campaignId: claim.campaignId,
    kind: claim.kind,
    at: claim.at,
    discount: claim.discount,
    amountPaid: claim.amountPaid,
    tierId: claim.tierId,
    billingPeriod: claim.billingPeriod,
  })

/**
 * Delivers a campaign's gifts to a member as entitlement grants whose reason names the campaign
 * and whose `grantedBy` is `<source>:<campaign slug>` (an offer taken, or a referral reward).
 */
export async function giveCampaignGifts(
  req: PayloadRequest,
  input: {
    campaignId: string
    memberId: string
    at: Date
    catalogue: EngineCatalogue
    source: 'campaign' | 'referral'
  },
): Promise<void> {
  const { payload } = req
  const { catalogue } = input
  const campaignDoc = await payload.findByID({
    collection: slugs.campaigns,
    id: input.campaignId,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!campaignDoc) return
  const campaign = campaignFromDoc(campaignDoc, {
    benefitKeyOf: (id) => catalogue.benefitsById.get(id)?.key,
  })
  const grants = campaignGrants({
    campaign,
    benefitsByKey: catalogue.benefitsByKey,
    at: input.at,
    timeZone: catalogue.settings.timeZone,
  })
  for (const grant of grants) {
    await payload.create({
      collection: slugs.entitlementGrants,
      data: {
        member: input.memberId,
        benefit: grant.benefitId,
        startsAt: grant.startsAt.toISOString(),
        endsAt: grant.endsAt.toISOString(),
        reason: grant.reason,
        grantedBy: `${input.source}:${campaign.slug}`,
        ...rowFromValue(grant.value),
      } as never,
      overrideAccess: true,
      req,
    })
  }
}
