// POST /api/membership/orders: the billing system reports an order; it becomes a ledger event and
// the member follows at once. The order id is the event id, so a repeat changes nothing.
import type { PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { eventFromDoc, refId } from '../../adapters/entitlements'
import { isDocumentId } from '../../adapters/memberRef'
import type { BillingPeriod } from '../../domain/catalogue/types'
import type { OrderType } from '../../domain/entitlements/membership'
import type { OrderRefusalCode } from '../../domain/entitlements/orders'
import { reasonMessages } from '../../domain/entitlements/reasons'
import type { CampaignDefinition } from '../../domain/campaigns/types'
import {
  campaignOrderCheck,
  claimCampaign,
  heldClaim,
  releaseCampaign,
  writeRedemption,
  type CampaignClaim,
} from '../campaigns/redeem'
import { rewardReferral } from '../campaigns/referral'
import { ok, refuse, type Outcome } from '../result'
import { eventRefusal, tierIdFor } from './events'
import { applyLedger } from './ledger'
import { upgradeQuoteCheck, type QuotedUpgrade } from './quote'
import { readQuoteId } from './quoteToken'
import { catalogueOf, ensureStoreLoaded, findMember, knownEvent, rememberEvent } from './store'

export type OrderInput = {
  orderId: string
  type: OrderType
  member: string
  tier?: string
  billingPeriod?: BillingPeriod
  /** In the smallest currency unit (分). */
  amount: number
  currency?: string
  occurredAt?: Date
  autoRenew?: boolean
  immediate?: boolean
  /** A campaign (id or slug) the order redeems: re-checked now, its budget claimed. */
  campaign?: string
  /** upgrade: the quote id it was priced with (GET /api/members/{id}/quote; rule 18). */
  quote?: string
}

type OrderEvent = ReturnType<typeof eventJson>
export type OrderAnswer = { recorded: boolean; duplicate: boolean; event: OrderEvent }

/** The order field each refusal is about, so billing knows what to fix. */
const refusalField: Record<OrderRefusalCode, keyof OrderInput> = {
  tier_not_purchasable: 'tier',
  billing_period_not_offered: 'billingPeriod',
  not_an_upgrade: 'tier',
  not_a_downgrade: 'tier',
  already_member: 'type',
  nothing_to_renew: 'type',
  renewal_tier_mismatch: 'tier',
  nothing_to_cancel: 'type',
}

const eventJson = (doc: object) => {
  const event = eventFromDoc(doc)
  return {
    orderId: event.orderId,
    type: event.type,
    member: refId((doc as { member?: unknown }).member),
    tier: event.tierId,
    planVersion: event.planVersion,
    billingPeriod: event.billingPeriod,
    amount: event.amount,
    occurredAt: event.occurredAt.toISOString(),
  }
}

async function existingEvent(req: PayloadRequest, orderId: string) {
  return (await req.payload.findByID({
    collection: slugs.membershipEvents,
    id: orderId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Record<string, unknown> | null
}

/** A repeat of a recorded order: same member and type → no change; otherwise a conflict. */
async function answerRepeat(
  req: PayloadRequest,
  existing: Record<string, unknown>,
  input: OrderInput,
  memberId: string | null,
): Promise<Outcome<OrderAnswer>> {
  const event = eventJson(existing)
  if (event.type !== input.type || (memberId !== null && event.member !== memberId)) {
    return refuse(
      'order_conflict',
      {
        zh: `订单 ${input.orderId} 已记录为另一会员或另一类型（${event.type}），未做任何更改。`,
        en: `Order ${input.orderId} is already recorded for another member or type (${event.type}); nothing changed.`,
      },
      { field: 'orderId', details: { event } },
    )
  }
  // Finishes a member update and a redemption a crash may have interrupted; a no-op otherwise.
  if (event.member) await applyLedger(req, event.member, input.orderId)
  const claim = await heldClaim(req, input.orderId)
  const { catalogue } = await catalogueOf(req.payload)
  if (claim) await writeRedemption(req, claim, catalogue)
  if (event.member) {
    const at = new Date(event.occurredAt)
    const rewarding = { ...event, memberId: event.member, amount: event.amount ?? 0, at }
    await rewardReferral(req, { ...rewarding, campaign: input.campaign }, catalogue)
  }
  return ok({ recorded: false, duplicate: true, event })
}

/**
 * Records an order as a ledger event (`recorded: true`), or recognises a repeat of one
 * (`duplicate: true`); refuses what cannot happen to this member now, naming the field to fix.
 */
export async function recordOrder(
  req: PayloadRequest,
  input: OrderInput,
): Promise<Outcome<OrderAnswer>> {
  const { payload } = req
  await ensureStoreLoaded(payload)
  const { catalogue } = await catalogueOf(payload)
  let member = findMember(payload, input.member)

  // A repeat this process knows of; one from elsewhere meets the event's unique id below.
  const existing = knownEvent(payload, input.orderId)
    ? await existingEvent(req, input.orderId)
    : null
  if (existing) return answerRepeat(req, existing, input, member?.id ?? null)

  const tierId = input.tier === undefined ? null : tierIdFor(catalogue, input.tier)
  if (input.tier !== undefined && !tierId) {
    return refuse(
      'tier_unknown',
      {
        zh: `没有已发布的等级“${input.tier}”：请检查等级 ID 或标识（slug）。`,
        en: `There is no published tier "${input.tier}": check the tier id or slug.`,
      },
      { field: 'tier' },
    )
  }
  if (!member) {
    // A first purchase, or a first trial, introduces the member.
    if ((input.type !== 'purchase' && input.type !== 'trial') || isDocumentId(input.member)) {
      return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
    }
    await payload
      .create({
        collection: slugs.members,
        data: { externalId: input.member },
        overrideAccess: true,
        req,
      })
      .catch(() => undefined) // a concurrent order may have created them first
    member = findMember(payload, input.member)
    if (!member) throw new Error(`member ${input.member} could not be created`)
  }
  if (input.type === 'trial' && input.campaign === undefined) {
    return refuse(
      'trial_needs_campaign',
      {
        zh: '试用订单须填写试用活动（campaign）：试用只能通过试用活动开通。',
        en: 'A trial order must name its trial campaign (campaign): trials come only from trial campaigns.',
      },
      { field: 'campaign' },
    )
  }
  const at = input.occurredAt ?? new Date()
  const refusal = await eventRefusal(req, {
    type: input.type,
    memberId: member.id,
    tierId,
    billingPeriod: input.billingPeriod ?? null,
    at,
  })
  if (refusal) {
    return refuse(refusal.code, refusal.message, { field: refusalField[refusal.code] })
  }
  // An upgrade pays the quoted price: the credit for the unused period, with the quoted campaign
  // unless the order names one (docs/rules.md rule 18). The campaign is judged first, with the
  // quote's credit (read from its signature, which nobody can alter); then the quote itself.
  const signed = input.type === 'upgrade' && input.quote ? readQuoteId(input.quote) : null
  const quoteClaims = signed && signed.member === member.id ? signed : null
  const campaign = input.campaign ?? quoteClaims?.campaign?.id
  const billingPeriod = input.billingPeriod ?? quoteClaims?.period
  let checkedCampaign: { campaign: CampaignDefinition; claim: CampaignClaim } | null = null
  if (campaign !== undefined) {
    const checked = await campaignOrderCheck(
      req,
      {
        orderId: input.orderId,
        campaign,
        memberId: member.id,
        type: input.type,
        tierId,
        billingPeriod: billingPeriod ?? null,
        amount: input.amount,
        credit: quoteClaims?.credit ?? 0,
        at,
      },
      catalogue,
      member.membership,
    )
    if (!checked.ok) return checked
    checkedCampaign = checked
  }
  let quoted: QuotedUpgrade | null = null
  if (input.type === 'upgrade') {
    const checked = upgradeQuoteCheck({
      ...input,
      memberId: member.id,
      eventCount: member.membership.eventCount,
      tierId,
      at,
    })
    if (!checked.ok) {
      // A retry of an order recorded by another process finds the ledger already moved.
      const raced = checked.refusal.reason === 'quote_expired'
      const existing = raced ? await existingEvent(req, input.orderId) : null
      return existing ? answerRepeat(req, existing, input, member.id) : checked
    }
    quoted = checked.quote
  }
  let claim: CampaignClaim | null = null
  if (checkedCampaign) {
    const claimed = await claimCampaign(req, checkedCampaign.campaign, checkedCampaign.claim)
    if (!claimed.ok) return claimed
    claim = claimed.claim
  }
  try {
    const doc = await payload.create({
      collection: slugs.membershipEvents,
      data: {
        id: input.orderId,
        member: member.id,
        type: input.type,
        occurredAt: at.toISOString(),
        billingPeriod,
        amount: input.amount,
        credit: quoted ? quoted.credit : undefined,
        currency: input.currency ?? catalogue.settings.currency,
        autoRenew: input.autoRenew,
        immediate: input.immediate,
        // Bonus days extend the period bought (a renewal: after the renewed cycle); a trial's
        // days are its length, over the membership the member returns to.
        days:
          input.type === 'trial'
            ? (claim?.trialDays ?? 0)
            : claim && claim.bonusDays > 0
              ? claim.bonusDays
              : undefined,
        // A trial order's tier is its campaign's target when billing left it out.
        tier: tierId ?? claim?.tierId ?? undefined,
        reason: claim ? `活动 / Campaign: ${claim.campaignSlug}` : undefined,
      },
      overrideAccess: true,
      // No populated member: Payload populates with `$in`, which FerretDB answers by a scan.
      depth: 0,
      context: { eventAlreadyValidated: true, trialFromCampaign: claim?.kind === 'trial' },
      req,
    })
    rememberEvent(payload, input.orderId, member.id)
    if (claim) await writeRedemption(req, claim, catalogue)
    // The referred member's first paid order rewards their referrer (once; docs/rules.md rule 16).
    await rewardReferral(req, { ...input, campaign, memberId: member.id, at }, catalogue)
    return ok({ recorded: true, duplicate: false, event: eventJson(doc) })
  } catch (error) {
    // The same order raced in from a retry: whoever lost reports the duplicate.
    const raced = await existingEvent(req, input.orderId)
    if (raced) return answerRepeat(req, raced, input, member.id)
    // Refused after claiming: the budget goes back.
    if (claim) await releaseCampaign(req, claim)
    throw error
  }
}
