import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { slugs } from '../../collections/slugs'
import { campaignFromDoc } from '../../src/adapters/campaigns'
import { throwIfFindings } from '../../src/adapters/findings'
import { liveEditFindings } from '../../src/domain/campaigns/rules'
import { termsFrozen } from '../../src/domain/campaigns/status'
import { campaignUsage } from '../../src/operations/campaigns/campaignUsage'
import { loadCampaignRules } from '../../src/operations/campaigns/loadCampaignRules'
import { preservingLocale } from '../../src/operations/preserveLocale'

/** The published campaigns an update addresses (by id, or by a bulk filter). */
async function addressed(req: PayloadRequest, args: { id?: unknown; where?: Where }) {
  const where: Where | undefined =
    args.id !== undefined ? { id: { equals: args.id } } : (args.where ?? undefined)
  if (!where) return []
  const found = await preservingLocale(req, () =>
    req.payload.find({
      collection: slugs.campaigns,
      where: { and: [where, { _status: { equals: 'published' } }] },
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    }),
  )
  return found.docs
}

/**
 * docs/rules.md rule 15. Unpublishing (an update that sets the main document back to draft, not
 * a draft saved over it) takes a campaign from members who may hold its terms: refused once it
 * has started, like every other frozen term. A draft save (`draft: true`) leaves the published
 * campaign as it is and is not refused.
 */
export const refuseUnpublishingStartedCampaign: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (operation !== 'update' || (args as { draft?: boolean }).draft || data?._status !== 'draft') {
    return args
  }
  if (req.context?.skipCampaignValidation) return args
  const docs = await addressed(req, args as { id?: unknown; where?: Where })
  if (!docs.length) return args
  const rules = await loadCampaignRules(req)
  const now = new Date()
  for (const doc of docs) {
    const previous = campaignFromDoc(doc, rules.lookups)
    if (!termsFrozen(previous, now)) continue
    const findings = liveEditFindings({
      previous,
      next: { ...previous, published: false },
      usage: await campaignUsage(req, previous.id),
      currency: rules.currency,
      now,
    })
      .filter((finding) => finding.path === 'published')
      .map((finding) => ({ ...finding, path: '_status' }))
    throwIfFindings(findings, {
      req,
      id: previous.id,
      collection: slugs.campaigns,
      fallbackPath: '_status',
    })
  }
  return args
}
