import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { campaignFromDoc, editedCampaign } from '../../src/adapters/campaigns'
import { throwIfFindings } from '../../src/adapters/findings'
import { campaignFindings, liveEditFindings } from '../../src/domain/campaigns/rules'
import { termsFrozen } from '../../src/domain/campaigns/status'
import { campaignUsage } from '../../src/operations/campaigns/campaignUsage'
import { loadCampaignRules } from '../../src/operations/campaigns/loadCampaignRules'
import { preservingLocale } from '../../src/operations/preserveLocale'

/** Once started, only what may still change is checked again: copy, channels and the budget. */
const editableAfterStart = ['copy.', 'channels', 'terms.budget.']

/** Call inside preservingLocale (it reads with locale 'all'). */
const read = (req: PayloadRequest, id: string, draft: boolean) =>
  req.payload
    .findByID({
      collection: slugs.campaigns,
      id,
      draft,
      locale: 'all',
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null) as Promise<Record<string, unknown> | null>

/**
 * docs/rules.md rule 15. On publish, the campaign keeps every guard rail (campaignFindings);
 * drafts are not checked. A campaign members may already hold (published and started: live,
 * paused, exhausted or ended) keeps its terms (liveEditFindings): only a later end, pausing,
 * resuming, ending, a bigger budget, copy, channels and the name may change.
 */
export const validateCampaignOnPublish: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published' || context.skipCampaignValidation) return data
  const id = originalDoc?.id === undefined ? '' : String(originalDoc.id)
  const rules = await loadCampaignRules(req)
  const [latest, published] = await preservingLocale(req, () =>
    Promise.all([id ? read(req, id, true) : null, id ? read(req, id, false) : null]),
  )
  const now = new Date()
  const next = campaignFromDoc(
    { ...editedCampaign(latest ?? {}, data, req.locale), id, _status: 'published' },
    rules.lookups,
  )
  const findingsInput = {
    tiers: rules.tiers,
    benefits: rules.benefits,
    settings: rules.settings,
    currency: rules.currency,
    now,
  }
  const previous =
    published && published._status === 'published'
      ? campaignFromDoc(published, rules.lookups)
      : null
  const findings =
    previous && termsFrozen(previous, now)
      ? [
          ...liveEditFindings({
            previous,
            next,
            usage: await campaignUsage(req, id),
            settings: rules.settings,
            currency: rules.currency,
            now,
          }),
          ...campaignFindings({ campaign: next, ...findingsInput }).filter((finding) =>
            editableAfterStart.some((path) => finding.path.startsWith(path)),
          ),
        ]
      : campaignFindings({ campaign: next, ...findingsInput })
  throwIfFindings(findings, { req, id, collection: collection.slug, fallbackPath: 'name' })
  return data
}
