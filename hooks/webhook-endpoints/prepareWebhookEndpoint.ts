import type { CollectionBeforeChangeHook } from 'payload'

import { throwFieldError } from '../../src/adapters/findings'
import { slugs } from '../../collections/slugs'
import { newWebhookSecret } from '../../src/domain/webhooks/signing'
import { targetFinding } from '../../src/operations/webhooks/targets'

/**
 * A new endpoint gets its signing secret; every save checks the target address (docs/rules.md
 * rule 20); turning a disabled endpoint back on clears why it was disabled.
 */
export const prepareWebhookEndpoint: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const url = typeof data.url === 'string' ? data.url.trim() : originalDoc?.url
  if (typeof url === 'string' && (operation === 'create' || url !== originalDoc?.url)) {
    const finding = await targetFinding(url)
    if (finding)
      throwFieldError(req, slugs.webhookEndpoints, 'url', finding.message, originalDoc?.id)
  }
  const next: Record<string, unknown> = { ...data, ...(typeof url === 'string' ? { url } : {}) }
  if (operation === 'create') next.secret = newWebhookSecret()
  if (operation === 'update' && data.active === true && originalDoc?.active === false) {
    next.disabledAt = null
    next.disabledReason = null
  }
  return next
}
