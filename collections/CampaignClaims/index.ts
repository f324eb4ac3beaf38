import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Claims on campaign budgets, written by the billing order operation only (docs/database.md): a
 * unique `_id` per budget slot (`campaign:<id>:slot:<n>`), per member redemption
 * (`campaign:<id>:member:<memberId>:<n>`) and per order (`order:<orderId>`), one document per
 * campaign holding the discount given under its cap (`campaign:<id>:discount`), and one holding
 * the audience counted at launch (`campaign:<id>:launch`, written once by the first count after the
 * start). Whoever inserts an
 * id first holds it, in any process; `order` names the order that holds it.
 */
export const CampaignClaims: CollectionConfig = {
  slug: slugs.campaignClaims,
  labels: {
    singular: { zh: '活动名额', en: 'Campaign claim' },
    plural: { zh: '活动名额', en: 'Campaign claims' },
  },
  access: policy[slugs.campaignClaims],
  admin: { hidden: true, useAsTitle: 'id' },
  fields: [
    { name: 'id', type: 'text' },
    { name: 'order', type: 'text' },
    { name: 'campaign', type: 'text' },
    { name: 'given', type: 'number' },
    { name: 'orders', type: 'json' },
    { name: 'claims', type: 'json' },
    { name: 'at', type: 'date' },
    { name: 'audience', type: 'number' },
  ],
}
