import type { CollectionBeforeDeleteHook } from 'payload'

import { throwFieldError } from '../../src/adapters/findings'
import { countOf } from '../../src/domain/catalogue/english'
import { campaignUsage } from '../../src/operations/campaigns/campaignUsage'

/** docs/rules.md rule 15: a campaign members have redeemed is ended, never deleted. */
export const preventCampaignDeletionWithRedemptions: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const { redemptions } = await campaignUsage(req, String(id))
  if (redemptions === 0) return
  throwFieldError(
    req,
    collection.slug,
    'status',
    {
      zh: `不能删除：该活动已被兑换 ${redemptions} 次，兑换记录要指向它。请改为结束活动。`,
      en: `Cannot delete: the campaign has ${countOf(redemptions, 'redemption')} that must keep pointing at it. End it instead.`,
    },
    id,
  )
}
