import type { CollectionBeforeChangeHook } from 'payload'

import { editedName } from '../../src/adapters/catalogue'
import { throwFieldError } from '../../src/adapters/findings'
import { tierTargetedByCampaigns } from '../../src/domain/campaigns/references'
import { campaignsTargeting } from '../../src/operations/findReferences'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'

/** docs/rules.md rule 15: a tier a scheduled, live or paused campaign sells is not archived. */
export const preventTierArchiveWhileCampaignsTarget: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published' || context.skipCatalogueValidation) return data
  if ((data.status ?? originalDoc?.status) !== 'archived') return data
  const id = originalDoc?.id === undefined ? '' : String(originalDoc.id)
  if (!id) return data
  const campaigns = await campaignsTargeting(req, id)
  if (campaigns.count === 0) return data
  const stored = await storedInAllLocales(req, collection.slug, id)
  const tier = editedName(stored.name, data.name, req.locale)
  throwFieldError(
    req,
    collection.slug,
    'status',
    tierTargetedByCampaigns({ tier, action: 'archive', campaigns: campaigns.examples }),
    id,
  )
}
