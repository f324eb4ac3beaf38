// The API operations served under a collection's own path, for its config to wire in.
import type { Endpoint } from 'payload'

import { slugs } from '../../collections/slugs'
import { collectionEndpoints } from './operations'

function only(slug: string): Endpoint {
  const [endpoint, ...more] = collectionEndpoints(slug)
  if (!endpoint || more.length) throw new Error(`expected one API operation under /api/${slug}`)
  return endpoint
}

/**
 * GET /api/members/{id}/entitlements and GET /api/members/{id}/offers (`id`: the Payload id or the
 * platform user id).
 */
export const memberEndpoints: Endpoint[] = collectionEndpoints(slugs.members)

/** POST /api/tiers/{id}/publish-impact: the admin's "impact of publishing" panel. */
export const publishImpactEndpoint = only(slugs.tiers)

/**
 * POST /api/campaigns/preview-audience (the editor's audience preview of the form as edited),
 * GET /api/campaigns/{id}/preview-audience (of a saved campaign) and GET /api/campaigns/{id}/stats.
 */
export const campaignEndpoints: Endpoint[] = collectionEndpoints(slugs.campaigns)

/** POST /api/webhook-deliveries/{id}/replay: the delivery edit view's Replay button. */
export const webhookDeliveryEndpoints: Endpoint[] = collectionEndpoints(slugs.webhookDeliveries)
