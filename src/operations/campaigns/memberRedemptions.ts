// What the offers read about redemptions, on the hot path: synchronous, from the entitlement store,
// which loads every redemption at boot and hears of each new one from the order that wrote it
// (src/operations/campaigns/redeem.ts). Every eligibility answer (memberOffers, the `offer` of a
// refusal, the pricing matrix) follows at once.
import type { Payload } from 'payload'

import type { CampaignRedemption, CampaignUsage } from '../../domain/campaigns/types'
import { storedCampaignUsage, storedRedemptions } from '../entitlements/store'

/** The member's redemptions (any campaign), for per-member limits, exclusions and the one trial. */
export const memberRedemptions = (
  payload: Payload,
  memberId: string,
): readonly CampaignRedemption[] => storedRedemptions(payload, memberId)

/** A campaign's budget use (redemptions and discount given), for the `exhausted` status. */
export const liveCampaignUsage = (payload: Payload, campaignId: string): CampaignUsage =>
  storedCampaignUsage(payload, campaignId)
