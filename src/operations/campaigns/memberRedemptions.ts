// What the offers read about redemptions, on the hot path (synchronous, from memory). Until the
// `campaign-redemptions` collection exists nobody has redeemed anything: redemption (through
// orders) replaces these two functions with reads of its in-memory index, and every eligibility
// answer (memberOffers, the `offer` of a refusal) follows.
import type { Payload } from 'payload'

import { noUsage, type CampaignRedemption, type CampaignUsage } from '../../domain/campaigns/types'

const none: readonly CampaignRedemption[] = []

/** The member's redemptions (any campaign), for per-member limits, exclusions and the one trial. */
export function memberRedemptions(
  _payload: Payload,
  _memberId: string,
): readonly CampaignRedemption[] {
  return none
}

/** A campaign's budget use (redemptions and discount given), for the `exhausted` status. */
export function liveCampaignUsage(_payload: Payload, _campaignId: string): CampaignUsage {
  return noUsage
}
