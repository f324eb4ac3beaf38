import type { FieldHook } from 'payload'

import { slugs } from '../../collections/slugs'
import { campaignFromDoc } from '../../src/adapters/campaigns'
import { campaignStatus } from '../../src/domain/campaigns/status'
import { campaignUsage } from '../../src/operations/campaigns/campaignUsage'

/**
 * The campaign's status, derived on every read (docs/campaigns.md): from the published document
 * (a draft being edited shows the status of what is published), the clock and its usage.
 */
export const deriveCampaignStatus: FieldHook = async ({ context, data, req }) => {
  if (!data) return 'draft'
  // Reading the published document for its status: that read needs no status of its own.
  if (context.readingCampaignStatus) return null
  // Read without its schedule (a `select` leaving it out): no status rather than a wrong one.
  if (!data.schedule) return null
  const id = data.id === undefined || data.id === null ? '' : String(data.id)
  let subject: Record<string, unknown> = data
  if (data._status !== 'published' && id) {
    const main = await req.payload
      .findByID({
        collection: slugs.campaigns,
        id,
        depth: 0,
        // Not `req`: the flag below would stay on the request's context for every later read.
        overrideAccess: true,
        disableErrors: true,
        context: { readingCampaignStatus: true },
      })
      .catch(() => null)
    if (main) subject = main as unknown as Record<string, unknown>
  }
  const campaign = campaignFromDoc(subject, { benefitKeyOf: () => undefined })
  return campaignStatus(campaign, new Date(), await campaignUsage(req, id))
}
