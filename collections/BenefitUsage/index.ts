import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Quota use, one row per consumption, chained per member, benefit and window: the row ids are
 * `<member>:<benefit>:<window start>:<n>`, so two consumers racing for the same next slot cannot
 * both write it (docs/rules.md rule 9). Written by the consume operation only.
 */
export const BenefitUsage: CollectionConfig = {
  slug: slugs.benefitUsage,
  labels: {
    singular: { zh: '额度使用', en: 'Quota use' },
    plural: { zh: '额度使用', en: 'Quota use' },
  },
  access: policy[slugs.benefitUsage],
  defaultSort: '-at',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['at', 'member', 'benefit', 'amount', 'usedAfter', 'windowStart'],
    group: { zh: '会员', en: 'Members' },
  },
  fields: [
    { name: 'id', type: 'text', label: 'ID' },
    {
      type: 'row',
      fields: [
        { name: 'member', type: 'relationship', relationTo: slugs.members, required: true },
        { name: 'benefit', type: 'relationship', relationTo: slugs.benefits, required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'windowStart',
          type: 'date',
          required: true,
          label: { zh: '周期开始', en: 'Window start' },
        },
        {
          name: 'windowEnd',
          type: 'date',
          required: true,
          label: { zh: '重置时间', en: 'Resets at' },
        },
        { name: 'sequence', type: 'number', required: true, label: { zh: '序号', en: 'Sequence' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'amount', type: 'number', required: true, label: { zh: '本次用量', en: 'Amount' } },
        {
          name: 'usedAfter',
          type: 'number',
          required: true,
          label: { zh: '累计已用', en: 'Used after' },
        },
        { name: 'at', type: 'date', required: true, label: { zh: '时间', en: 'At' } },
      ],
    },
    { name: 'idempotencyKey', type: 'text', label: { zh: '幂等键', en: 'Idempotency key' } },
  ],
}
