// The referral programme (老带新; docs/campaigns.md "Referrals", docs/rules.md rule 16):
// - every member's code, assigned once (at create, or on the first read for members from before)
//   and unique by a claim document `referral-code:<code>` whose `_id` also finds the owner;
// - GET /api/members/{member}/referral: the code, the referrer, how many the member referred and
//   the rewards under the live referral campaign;
// - POST /api/members/{member}/referral `{ code }`: the attribution, once, by a conditional
//   single-document update (`referredBy` and `firstPaidOrder` unset);
// - `rewardReferral`, called by the billing order after its ledger event: the referred member's
//   first paid order rewards the referrer, claimed in `campaign-claims` so retries and concurrent
//   orders never reward twice or past the cap.
// Without transactions (FerretDB) every limit here is a unique `_id` insert or a conditional update
// of one document (docs/database.md).
import { randomBytes } from 'node:crypto'

import { ObjectId } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { ledgerIdsOf, refId } from '../../adapters/entitlements'
import { audienceMatches } from '../../domain/campaigns/audience'
import {
  attributionDecision,
  attributionMessage,
  isPaidOrder,
  normaliseReferralCode,
  referralCode,
  referralIds,
  referralProgramme,
  rewardsLeft,
} from '../../domain/campaigns/referral'
import { acceptsRedemptions, campaignStatus } from '../../domain/campaigns/status'
import { audienceFactsOf, type CampaignDefinition } from '../../domain/campaigns/types'
import type { EngineCatalogue } from '../../domain/entitlements/engine'
import { membershipAt, type OrderType } from '../../domain/entitlements/membership'
import { reasonMessages } from '../../domain/entitlements/reasons'
import { serialized } from '../entitlements/ledger'
import {
  catalogueOf,
  ensureStoreLoaded,
  findMember,
  memberChanged,
  rawCollection,
  rememberRedemption,
  storedCampaignUsage,
  storedRedemptions,
  storedReferral,
  storedReferredCount,
  storedRewards,
} from '../entitlements/store'
import { ok, refuse, type Outcome } from '../result'
import { recordWebhookEvent } from '../webhooks/outbox'
import {
  claimBudgetSlot,
  claimNumbered,
  giveCampaignGifts,
  insertClaim,
  releaseCampaign,
} from './redeem'

type Doc = Record<string, unknown>

const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000

const membersOf = (payload: Payload) => rawCollection(payload, slugs.members)
const claimsOf = (payload: Payload) => rawCollection(payload, slugs.campaignClaims)

async function memberDoc(payload: Payload, memberId: string): Promise<Doc | null> {
  if (!ObjectId.isValid(memberId)) return null
  return (await membersOf(payload).findOne({ _id: new ObjectId(memberId) } as never)) as Doc | null
}

/**
 * The member's referral code, assigning one if they have none: a new code is first claimed
 * (`referral-code:<code>`, unique `_id`), then set on the member only if no code is set yet. Two
 * processes assigning at once agree on whichever set first; the other gives its claim back.
 */
export async function ensureReferralCode(
  payload: Payload,
  memberId: string,
): Promise<string | null> {
  const claims = claimsOf(payload)
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const doc = await memberDoc(payload, memberId)
    if (!doc) return null
    if (typeof doc.referralCode === 'string' && doc.referralCode) return doc.referralCode
    const code = referralCode((count) => randomBytes(count))
    const claimId = referralIds.code(code)
    try {
      await claims.insertOne({ _id: claimId, member: memberId, at: new Date() } as never)
    } catch (error) {
      if (isDuplicateKey(error)) continue // another member's code: draw again
      throw error
    }
    const set = await membersOf(payload).updateOne(
      { _id: new ObjectId(memberId), referralCode: null } as never,
      { $set: { referralCode: code } } as never,
    )
    if (set.modifiedCount === 1) {
      await memberChanged(payload, memberId)
      return code
    }
    await claims.deleteOne({ _id: claimId, member: memberId } as never)
  }
  throw new Error(`member ${memberId}: no free referral code after 5 draws`)
}

/** Whether any of the events (ids) is a paid order (`isPaidOrder`); the first found, or null. */
async function paidEventAmong(payload: Payload, ids: readonly string[]): Promise<string | null> {
  const events = rawCollection(payload, slugs.membershipEvents)
  const docs = await Promise.all(
    ids.map((id) => events.findOne({ _id: id } as never, { projection: { type: 1, amount: 1 } })),
  )
  const paid = docs.find(
    (doc) => doc && isPaidOrder({ type: String(doc.type), amount: doc.amount as number }),
  )
  return paid ? String(paid._id) : null
}

/** Paid before: the first paid order is recorded, or (members from before) the ledger has one. */
async function hasPaid(payload: Payload, doc: Doc, except?: string): Promise<boolean> {
  if (typeof doc.firstPaidOrder === 'string') return doc.firstPaidOrder !== except
  return (
    (await paidEventAmong(
      payload,
      ledgerIdsOf(doc).filter((id) => id !== except),
    )) !== null
  )
}

const live = (payload: Payload, at: Date) => (definition: CampaignDefinition) =>
  acceptsRedemptions(campaignStatus(definition, at, storedCampaignUsage(payload, definition.id)))

type MemberRefJson = { id: string; externalId: string }

const memberRefOf = (payload: Payload, id: string | null): MemberRefJson | null => {
  if (!id) return null
  const member = findMember(payload, id)
  return { id, externalId: member?.externalId ?? '' }
}

export type MemberReferralInput = { member: string }

export type ReferralAnswer = {
  member: MemberRefJson
  code: string
  referredBy: MemberRefJson | null
  referredCount: number
  /** Rewards earned under every referral campaign. */
  rewardsEarned: number
  /** The live referral campaign and what is left of its cap for this member; null: none live. */
  programme: {
    campaign: Pick<CampaignDefinition, 'id' | 'slug' | 'name'>
    perReferrer: number
    earned: number
    left: number
  } | null
}

/** GET /api/members/{member}/referral (frontend, billing, support): the member's referral facts. */
export async function memberReferral(
  payload: Payload,
  input: MemberReferralInput,
  now = new Date(),
): Promise<Outcome<ReferralAnswer>> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  const code =
    storedReferral(payload, member.id).code ?? (await ensureReferralCode(payload, member.id))
  if (!code) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  const { offers } = await catalogueOf(payload)
  const rewards = storedRewards(payload, member.id)
  const programme = referralProgramme(
    offers.campaigns.map((campaign) => campaign.definition),
    live(payload, now),
  )
  const earned = programme ? (rewards.get(programme.id) ?? 0) : 0
  return ok({
    member: { id: member.id, externalId: member.externalId },
    code,
    referredBy: memberRefOf(payload, storedReferral(payload, member.id).referredBy),
    referredCount: storedReferredCount(payload, member.id),
    rewardsEarned: [...rewards.values()].reduce((sum, count) => sum + count, 0),
    programme: programme
      ? {
          campaign: { id: programme.id, slug: programme.slug, name: programme.name },
          perReferrer: programme.terms.budget.perMember,
          earned,
          left: rewardsLeft(programme.terms.budget.perMember, earned),
        }
      : null,
  })
}

export type AttributeReferralInput = { member: string; code: string }

export type AttributionAnswer = {
  /** false: the member was already attributed to this code's owner; nothing changed. */
  attributed: boolean
  member: MemberRefJson
  referredBy: MemberRefJson
  referredAt: string | null
}

/**
 * POST /api/members/{member}/referral `{ code }` (frontend, billing): attributes a new member to
 * the code's owner, once. Attributions run one at a time in the process, so two members cannot
 * refer each other by racing (docs/database.md: one app process per database).
 */
export async function attributeReferral(
  payload: Payload,
  input: AttributeReferralInput,
  now = new Date(),
): Promise<Outcome<AttributionAnswer>> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  const code = normaliseReferralCode(input.code)
  const names = { member: member.externalId, code }
  return serialized('referral:attribution', async () => {
    const owner = (await claimsOf(payload).findOne({ _id: referralIds.code(code) } as never)) as
      (Doc & { member?: string }) | null
    const referrerId = owner?.member && findMember(payload, owner.member) ? owner.member : null
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const doc = await memberDoc(payload, member.id)
      if (!doc) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
      const referredBy = refId(doc.referredBy)
      const decision = attributionDecision({
        memberId: member.id,
        referrerId,
        referredBy,
        paid: await hasPaid(payload, doc),
        referredByOf: (id) => storedReferral(payload, id).referredBy,
      })
      const answer = (attributed: boolean, at: unknown): Outcome<AttributionAnswer> =>
        ok({
          attributed,
          member: { id: member.id, externalId: member.externalId },
          referredBy: memberRefOf(payload, referrerId)!,
          referredAt: at ? new Date(at as string | Date).toISOString() : null,
        })
      if (decision === 'unchanged') return answer(false, doc.referredAt)
      if (decision !== 'attribute') {
        return refuse(decision, attributionMessage(decision, names), { field: 'code' })
      }
      const set = await membersOf(payload).updateOne(
        { _id: new ObjectId(member.id), referredBy: null, firstPaidOrder: null } as never,
        { $set: { referredBy: new ObjectId(referrerId!), referredAt: now } } as never,
      )
      if (set.modifiedCount === 1) {
        await memberChanged(payload, member.id)
        return answer(true, now)
      }
      // Attributed or paid in between (another request, another process): decide again.
    }
    throw new Error(`member ${member.id}: the referral attribution kept changing`)
  })
}

/**
 * Records the order as the member's first paid order if none is recorded (one conditional update
 * of the member: two orders at once agree on one). A member from before whose ledger already has a
 * paid order gets that one recorded instead. Returns the member document when `orderId` is it.
 */
async function markFirstPaidOrder(
  payload: Payload,
  memberId: string,
  orderId: string,
): Promise<Doc | null> {
  const doc = await memberDoc(payload, memberId)
  if (!doc) return null
  if (typeof doc.firstPaidOrder === 'string') return doc.firstPaidOrder === orderId ? doc : null
  const earlier = await paidEventAmong(
    payload,
    ledgerIdsOf(doc).filter((id) => id !== orderId),
  )
  const _id = new ObjectId(memberId)
  const marked = (await membersOf(payload).findOneAndUpdate(
    { _id, firstPaidOrder: null } as never,
    { $set: { firstPaidOrder: earlier ?? orderId } } as never,
    { returnDocument: 'after' },
  )) as Doc | null
  const after = marked ?? (await memberDoc(payload, memberId))
  if (marked) await memberChanged(payload, memberId)
  return after?.firstPaidOrder === orderId ? after : null
}

/** What one reward holds and will write, kept in its order record `order:referral:<orderId>`. */
type RewardClaim = {
  orderId: string
  triggeringOrder: string
  campaignId: string
  campaignSlug: string
  referrerId: string
  referredMemberId: string
  bonusDays: number
  discount: 0
  at: Date
  claims: string[]
  giftsGiven?: boolean
}

async function heldReward(payload: Payload, rewardId: string): Promise<RewardClaim | null> {
  const doc = (await claimsOf(payload).findOne({ _id: `order:${rewardId}` } as never)) as Doc | null
  if (!doc || doc.kind !== 'referral-reward') return null
  return { ...(doc as unknown as RewardClaim), at: new Date(doc.at as string | Date) }
}

/**
 * Takes what a reward needs, in this order, giving back what it took on any failure: the referred
 * member's one reward ever, the referrer's next reward under the cap (`perMember`), a slot of the
 * programme's budget (`totalRedemptions`). null: none left.
 */
async function claimReward(
  payload: Payload,
  campaign: CampaignDefinition,
  reward: RewardClaim,
): Promise<RewardClaim | null> {
  const claims = claimsOf(payload)
  const key = `campaign:${campaign.id}`
  return serialized(key, async () => {
    const already = await heldReward(payload, reward.orderId)
    if (already) return already
    const owner = { orderId: reward.orderId, campaignId: campaign.id, at: reward.at }
    const held: string[] = []
    const fail = async () => {
      await releaseCampaign({ payload }, { ...reward, claims: held })
      return null
    }
    const once = referralIds.referred(reward.referredMemberId)
    if (!(await insertClaim(claims, once, owner))) return null
    held.push(once)
    const slot = await claimNumbered(
      claims,
      referralIds.referrerSlot(campaign.id, reward.referrerId),
      campaign.terms.budget.perMember,
      owner,
    )
    if (!slot) return fail()
    held.push(slot.id)
    const { totalRedemptions } = campaign.terms.budget
    if (totalRedemptions !== null) {
      const budget = await claimBudgetSlot(claims, key, totalRedemptions, owner)
      if (!budget) return fail()
      held.push(budget.id)
    }
    const done: RewardClaim = { ...reward, claims: held }
    await claims.updateOne(
      { _id: `order:${reward.orderId}` } as never,
      {
        $set: { ...done, kind: 'referral-reward', campaign: campaign.id, order: reward.orderId },
      } as never,
      { upsert: true },
    )
    return done
  })
}

/** Writes a claimed reward: gifts, bonus days, then the record (last: its absence means unfinished). */
async function writeReward(
  req: PayloadRequest,
  reward: RewardClaim,
  catalogue: EngineCatalogue,
): Promise<void> {
  const { payload } = req
  const common = { overrideAccess: true, req, depth: 0 } as const
  const remember = () =>
    rememberRedemption(payload, {
      orderId: reward.orderId,
      memberId: reward.referrerId,
      campaignId: reward.campaignId,
      kind: 'referral',
      at: reward.at,
      discount: 0,
      // A reward is paid for by nobody: no revenue, no tier sold.
      amountPaid: 0,
      tierId: null,
      billingPeriod: null,
      referredMemberId: reward.referredMemberId,
    })
  const recorded = await payload.findByID({
    ...common,
    collection: slugs.campaignRedemptions,
    id: reward.orderId,
    disableErrors: true,
  })
  if (recorded) return remember()
  if (!reward.giftsGiven) {
    await giveCampaignGifts(req, {
      campaignId: reward.campaignId,
      memberId: reward.referrerId,
      at: reward.at,
      catalogue,
      source: 'referral',
    })
    await claimsOf(payload).updateOne(
      { _id: `order:${reward.orderId}` } as never,
      { $set: { giftsGiven: true } } as never,
    )
  }
  if (reward.bonusDays > 0) {
    // A grant event: the referrer's period grows by the days (its id makes a retry a no-op).
    const id = referralIds.bonusDays(reward.triggeringOrder)
    const existing = await payload.findByID({
      ...common,
      collection: slugs.membershipEvents,
      id,
      disableErrors: true,
    })
    if (!existing) {
      await payload
        .create({
          ...common,
          collection: slugs.membershipEvents,
          data: {
            id,
            member: reward.referrerId,
            type: 'grant',
            days: reward.bonusDays,
            occurredAt: reward.at.toISOString(),
            reason: `推荐奖励 / Referral reward: ${reward.campaignSlug} (${reward.triggeringOrder})`,
          } as never,
        })
        .catch(async (error: unknown) => {
          const raced = await payload.findByID({
            ...common,
            collection: slugs.membershipEvents,
            id,
            disableErrors: true,
          })
          if (!raced) throw error
        })
    }
  }
  // Written ahead of the redemption, so a reward never exists without its event (docs/webhooks.md).
  await recordWebhookEvent(payload, {
    type: 'campaign.redeemed',
    member: reward.referrerId,
    subjectId: `redemption:${reward.orderId}`,
    occurredAt: reward.at,
    data: {
      redemptionId: reward.orderId,
      orderId: reward.triggeringOrder,
      campaign: { id: reward.campaignId, slug: reward.campaignSlug, kind: 'referral' },
      referredMember: reward.referredMemberId,
      tier: null,
      billingPeriod: null,
      amountPaid: 0,
      discount: 0,
      bonusDays: reward.bonusDays,
      trialDays: 0,
    },
  })
  try {
    await payload.create({
      ...common,
      collection: slugs.campaignRedemptions,
      data: {
        id: reward.orderId,
        campaign: reward.campaignId,
        member: reward.referrerId,
        referredMember: reward.referredMemberId,
        kind: 'referral',
        orderId: reward.triggeringOrder,
        amountPaid: 0,
        discount: 0,
        bonusDays: reward.bonusDays,
        trialDays: 0,
        redeemedAt: reward.at.toISOString(),
      } as never,
    })
  } catch (error) {
    const raced = await payload.findByID({
      ...common,
      collection: slugs.campaignRedemptions,
      id: reward.orderId,
      disableErrors: true,
    })
    if (!raced) throw error
  }
  remember()
}

export type RewardingOrder = {
  orderId: string
  memberId: string
  type: OrderType | string
  amount: number
  at: Date
  /** The campaign the order named (id or slug): used for the reward when it is a referral. */
  campaign?: string
}

/**
 * After an order's ledger event: if it is the referred member's first paid order, the referrer
 * gets the live referral campaign's rewards (gifts as grants naming the campaign, bonus days as a
 * grant event), within the cap per referrer and the programme's budget, once per referred member.
 * Idempotent by order id: a retry finishes what a crash left and gives nothing twice.
 */
export async function rewardReferral(
  req: PayloadRequest,
  order: RewardingOrder,
  catalogue: EngineCatalogue,
): Promise<void> {
  const { payload } = req
  if (!isPaidOrder(order)) return
  const rewardId = referralIds.reward(order.orderId)
  const held = await heldReward(payload, rewardId)
  if (held) return writeReward(req, held, catalogue)
  const first = await markFirstPaidOrder(payload, order.memberId, order.orderId)
  const referrerId = first ? refId(first.referredBy) : null
  if (!first || !referrerId) return
  const referrer = findMember(payload, referrerId)
  if (!referrer) return

  const { offers } = await catalogueOf(payload)
  const definitions = offers.campaigns.map((campaign) => campaign.definition)
  const isLive = live(payload, order.at)
  const named = definitions.find(
    (definition) =>
      definition.kind === 'referral' &&
      (definition.id === order.campaign || definition.slug === order.campaign),
  )
  const campaign = named && isLive(named) ? named : referralProgramme(definitions, isLive)
  if (!campaign) return
  // The audience is the referrer's: who may earn rewards (e.g. active members only).
  const compiled = offers.campaigns.find((entry) => entry.definition.id === campaign.id)!.compiled
  const membership = membershipAt(referrer.membership, order.at, catalogue.settings)
  const facts = audienceFactsOf(membership, {
    entryTierId: catalogue.entryTierId ?? '',
    rankOf: offers.rankOf,
    joinedAt: referrer.joinedAt ?? null,
    growthValue: referrer.growthValue ?? 0,
    redemptions: storedRedemptions(payload, referrerId),
  })
  if (audienceMatches(compiled.audience, facts, order.at) !== true) return
  // Bonus days extend what the referrer holds (or last held); one who never held a tier gets gifts.
  const holdsTier = membership.tierId !== null || membership.lapsedTierId !== null
  const days = Number.isFinite(campaign.terms.offer.bonusDays) ? campaign.terms.offer.bonusDays : 0
  const reward = await claimReward(payload, campaign, {
    orderId: rewardId,
    triggeringOrder: order.orderId,
    campaignId: campaign.id,
    campaignSlug: campaign.slug,
    referrerId,
    referredMemberId: order.memberId,
    bonusDays: holdsTier ? Math.max(0, Math.trunc(days)) : 0,
    discount: 0,
    at: order.at,
    claims: [],
  })
  if (reward) await writeReward(req, reward, catalogue)
}
