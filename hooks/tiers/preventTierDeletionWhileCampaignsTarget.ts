import type { CollectionBeforeDeleteHook } from 'payload'

import { toLocalized } from '../../src/adapters/catalogue'
import { throwFieldError } from '../../src/adapters/findings'
import { tierTargetedByCampaigns } from '../../src/domain/campaigns/references'
import { campaignsTargeting } from '../../src/operations/findReferences'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/** docs/rules.md rule 15: a tier a scheduled, live or paused campaign sells is not deleted. */
export const preventTierDeletionWhileCampaignsTarget: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const campaigns = await campaignsTargeting(req, String(id))
  if (campaigns.count === 0) return
  const stored = await storedInAllLocales(req, collection.slug, String(id))
  throwFieldError(
    req,
    collection.slug,
    'status',
    tierTargetedByCampaigns({
      tier: toLocalized(stored.name),
      action: 'delete',
      campaigns: campaigns.examples,
    }),
    id,
  )
}
