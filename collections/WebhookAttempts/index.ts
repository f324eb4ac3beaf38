import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Claims of delivery attempts (docs/database.md): attempt n of a delivery is the insert of one
 * `_id` derived from both, so two runners never send the same attempt; the document then keeps
 * the attempt's outcome.
 */
export const WebhookAttempts: CollectionConfig = {
  slug: slugs.webhookAttempts,
  labels: {
    singular: { zh: 'Webhook 尝试', en: 'Webhook attempt' },
    plural: { zh: 'Webhook 尝试', en: 'Webhook attempts' },
  },
  access: policy[slugs.webhookAttempts],
  admin: { hidden: true },
  fields: [
    { name: 'delivery', type: 'text', index: true },
    { name: 'attempt', type: 'number' },
    { name: 'startedAt', type: 'date' },
    { name: 'leaseUntil', type: 'date' },
    { name: 'finishedAt', type: 'date' },
    { name: 'delivered', type: 'checkbox' },
    { name: 'status', type: 'number' },
    { name: 'error', type: 'text' },
    { name: 'durationMs', type: 'number' },
  ],
}
