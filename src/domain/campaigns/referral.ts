// The referral programme (老带新, docs/campaigns.md "Referrals", docs/rules.md rule 16): every member
// has a stable, unguessable code; a new member is attributed to a code's owner once (not to
// themselves, never in a cycle, only before their first paid order); that first paid order rewards
// the referrer under the live referral campaign, capped per referrer. Plain functions of plain data.
import type { Localized } from '../catalogue/types'
import type { OrderType } from '../entitlements/membership'
import { compareOffers } from './pricing'
import type { CampaignDefinition } from './types'

/** Digits and capitals without 0/O, 1/I/L: nothing a member can misread when passing it on. */
export const referralCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** 12 of 31 symbols: about 59 bits, so codes cannot be guessed or enumerated. */
export const referralCodeLength = 12

const codePattern = new RegExp(`^[${referralCodeAlphabet}]{${referralCodeLength}}$`)

export const isReferralCode = (text: string): boolean => codePattern.test(text)

/** What a member typed, as the stored code: case and separators (spaces, hyphens) do not matter. */
export const normaliseReferralCode = (text: string): string =>
  text.replace(/[\s-]+/g, '').toUpperCase()

/**
 * A new code from a source of random bytes (crypto in production). Bytes ≥ 248 (= 8 × 31) are
 * skipped so every symbol is equally likely; the source is asked again until the code is complete.
 */
export function referralCode(randomBytes: (count: number) => Uint8Array): string {
  const limit = Math.floor(256 / referralCodeAlphabet.length) * referralCodeAlphabet.length
  let code = ''
  while (code.length < referralCodeLength) {
    for (const byte of randomBytes(referralCodeLength * 2)) {
      if (byte >= limit) continue
      code += referralCodeAlphabet[byte % referralCodeAlphabet.length]
      if (code.length === referralCodeLength) break
    }
  }
  return code
}

/** Orders that count as paying: a purchase, upgrade or renewal of more than 0 分. */
export const isPaidOrder = (order: { type: OrderType | string; amount?: number | null }): boolean =>
  (order.type === 'purchase' || order.type === 'upgrade' || order.type === 'renewal') &&
  typeof order.amount === 'number' &&
  order.amount > 0

/**
 * Whether attributing `memberId` to `referrerId` would close a cycle: the referrer was referred,
 * directly or through others, by the member (or is the member). `referredByOf` gives who referred
 * a member (null: nobody). A chain that already loops is not followed forever.
 */
export function wouldCycle(
  memberId: string,
  referrerId: string,
  referredByOf: (id: string) => string | null,
): boolean {
  const seen = new Set<string>()
  for (let id: string | null = referrerId; id !== null; id = referredByOf(id)) {
    if (id === memberId) return true
    if (seen.has(id)) return false
    seen.add(id)
  }
  return false
}

export type AttributionFacts = {
  memberId: string
  /** The owner of the code given; null when no member has it. */
  referrerId: string | null
  /** Who referred the member already; null when nobody. */
  referredBy: string | null
  /** The member has had a paid order (`isPaidOrder`). */
  paid: boolean
  referredByOf: (id: string) => string | null
}

export type AttributionDecision =
  | 'attribute'
  /** The same code again: nothing changes, and that is not an error. */
  | 'unchanged'
  | 'referral_code_unknown'
  | 'own_referral_code'
  | 'already_referred'
  | 'referral_cycle'
  | 'already_paid'

/** What attributing the member to the code's owner does, checked in this order. */
export function attributionDecision(facts: AttributionFacts): AttributionDecision {
  if (facts.referrerId === null) return 'referral_code_unknown'
  if (facts.referrerId === facts.memberId) return 'own_referral_code'
  if (facts.referredBy !== null) {
    return facts.referredBy === facts.referrerId ? 'unchanged' : 'already_referred'
  }
  if (facts.paid) return 'already_paid'
  if (wouldCycle(facts.memberId, facts.referrerId, facts.referredByOf)) return 'referral_cycle'
  return 'attribute'
}

export type AttributionRefusal = Exclude<AttributionDecision, 'attribute' | 'unchanged'>

/** The zh/en message of each refusal, naming the member and the code and saying what to do. */
export function attributionMessage(
  refusal: AttributionRefusal,
  input: { member: string; code: string },
): Localized {
  const { member, code } = input
  switch (refusal) {
    case 'referral_code_unknown':
      return {
        zh: `没有会员的推荐码是“${code}”：请核对推荐码（12 位，不含 0、O、1、I、L）。`,
        en: `No member has the referral code "${code}": check the code (12 characters, without 0, O, 1, I or L).`,
      }
    case 'own_referral_code':
      return {
        zh: `推荐码“${code}”是会员 ${member} 自己的：请填写推荐你的好友的推荐码。`,
        en: `The referral code "${code}" is member ${member}'s own: enter the code of the friend who referred them.`,
      }
    case 'already_referred':
      return {
        zh: `会员 ${member} 已由另一推荐码推荐，推荐关系不能更改；推荐码“${code}”未记录。`,
        en: `Member ${member} was already referred with another code, and a referral never changes; the code "${code}" was not recorded.`,
      }
    case 'referral_cycle':
      return {
        zh: `推荐码“${code}”的主人是由会员 ${member}（直接或间接）推荐的，不能互相推荐：请填写其他好友的推荐码。`,
        en: `The owner of the referral code "${code}" was referred (directly or through others) by member ${member}; members cannot refer each other in a circle: enter another friend's code.`,
      }
    case 'already_paid':
      return {
        zh: `会员 ${member} 已有付费订单，只有首次付费前的新会员可以填写推荐码；推荐码“${code}”未记录。`,
        en: `Member ${member} has already paid; only new members can enter a referral code, before their first paid order. The code "${code}" was not recorded.`,
      }
  }
}

/** Why a member may not take a referral campaign's welcome offer (the order's `not_eligible`). */
export const welcomeMessages = {
  not_referred: {
    zh: '推荐活动的新人优惠只给已填写推荐码、尚未付费的新会员：请先为会员记录推荐码，或不带此活动下单。',
    en: "A referral campaign's welcome offer is for new members who entered a referral code and have not paid yet: record the member's referral code first, or order without this campaign.",
  },
} satisfies Record<string, Localized>

/**
 * The referral programme at `now`: the live referral campaign that gives rewards, the best by the
 * offers' ranking (`compareOffers`; a reward has no price, so higher priority, then the earliest
 * end, then the id). `isLive` says whether a campaign is live now (status and budget). null: none.
 */
export function referralProgramme(
  definitions: readonly CampaignDefinition[],
  isLive: (definition: CampaignDefinition) => boolean,
): CampaignDefinition | null {
  const ranked = (definition: CampaignDefinition) => ({
    campaignId: definition.id,
    value: 0,
    priority: definition.terms.priority,
    endsAt: definition.schedule.endsAt,
  })
  let best: CampaignDefinition | null = null
  for (const definition of definitions) {
    if (definition.kind !== 'referral' || !isLive(definition)) continue
    if (best === null || compareOffers(ranked(definition), ranked(best)) < 0) best = definition
  }
  return best
}

/** Rewards left to a referrer who has earned `earned` under a cap of `perReferrer`. */
export const rewardsLeft = (perReferrer: number, earned: number): number =>
  Math.max(0, perReferrer - earned)

/** Ids derived from the order that triggers a reward: a retry of the order finds the same ones. */
export const referralIds = {
  /** The reward's record (campaign-redemptions) and the owner of its claims. */
  reward: (orderId: string) => `referral:${orderId}`,
  /** The ledger event that gives the referrer the campaign's bonus days. */
  bonusDays: (orderId: string) => `referral-days:${orderId}`,
  /** Once per referred member, ever: the first paid order that rewarded (or tried to). */
  referred: (memberId: string) => `referral:referred:${memberId}`,
  /** The referrer's n-th reward under a campaign (n < perMember). */
  referrerSlot: (campaignId: string, referrerId: string) =>
    `campaign:${campaignId}:referrer:${referrerId}`,
  /** The code, owned by one member: unique across processes, and found by `_id`. */
  code: (code: string) => `referral-code:${code}`,
}
