// What has been used of a campaign's budget, for its status and the frozen-budget rule.
import type { CollectionSlug, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'

import { noUsage, type CampaignUsage } from '../../domain/campaigns/types'

/** Where redemptions are recorded (one document per redemption). */
export const campaignRedemptionsSlug = slugs.campaignRedemptions

/**
 * Redemptions of a campaign and the discount they gave (分). Redemptions are documents of the
 * `campaign-redemptions` collection with a `campaign` relationship and a `discount` amount in 分.
 * That collection may not be configured (campaigns exist before redemptions do): then nothing has
 * been used, and the answer is zeros. With it, the count comes from the database and the discount
 * from the redemptions' `discount` fields.
 */
export async function campaignUsage(
  req: PayloadRequest,
  campaignId: string,
): Promise<CampaignUsage> {
  const collection = campaignRedemptionsSlug as CollectionSlug
  if (!campaignId || !req.payload.collections[collection]) return noUsage
  const found = await req.payload.find({
    req,
    collection,
    where: { campaign: { equals: campaignId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const discountGiven = found.docs.reduce((sum, doc) => {
    const discount = (doc as { discount?: unknown }).discount
    return sum + (typeof discount === 'number' && Number.isFinite(discount) ? discount : 0)
  }, 0)
  return { redemptions: found.docs.length, discountGiven }
}
