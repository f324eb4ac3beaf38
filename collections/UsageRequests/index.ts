import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Idempotency keys of consume requests, id `<member>:<key>`: the first request with a key claims
 * it, a repeat gets the first answer back instead of consuming again.
 */
export const UsageRequests: CollectionConfig = {
  slug: slugs.usageRequests,
  labels: {
    singular: { zh: '扣减请求', en: 'Consume request' },
    plural: { zh: '扣减请求', en: 'Consume requests' },
  },
  access: policy[slugs.usageRequests],
  admin: { hidden: true, useAsTitle: 'id' },
  fields: [
    { name: 'id', type: 'text' },
    { name: 'state', type: 'select', options: ['pending', 'done'], required: true },
    { name: 'result', type: 'json' },
    { name: 'at', type: 'date', required: true },
  ],
}
