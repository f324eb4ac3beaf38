import type { CollectionConfig } from 'payload'

import { refuseImmutableChanges } from '../../hooks/tier-versions/refuseImmutableChanges'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Entitlement plan versions: what a tier granted when it was published. Immutable; members hold
 * the version they paid for, so answers can be cached under a version for ever.
 * The id is `<tier id>:v<version>`.
 */
export const TierVersions: CollectionConfig = {
  slug: slugs.tierVersions,
  labels: {
    singular: { zh: '等级版本', en: 'Tier version' },
    plural: { zh: '等级版本', en: 'Tier versions' },
  },
  // Payload already names the `tiers` drafts' GraphQL type TierVersion.
  graphQL: { singularName: 'TierPlanVersion', pluralName: 'TierPlanVersions' },
  access: policy[slugs.tierVersions],
  defaultSort: '-publishedAt',
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['tier', 'version', 'change', 'publishedAt', 'publishedBy'],
    group: { zh: '会员目录', en: 'Catalogue' },
    description: {
      zh: '每次发布等级都会生成不可修改的版本。变差的版本不影响付费周期内的会员，直到周期结束。',
      en: 'Every tier publish makes an immutable version. A worse version reaches members in a paid period only when that period ends.',
    },
  },
  hooks: {
    beforeChange: [refuseImmutableChanges],
    beforeDelete: [refuseImmutableChanges],
  },
  fields: [
    { name: 'id', type: 'text', label: 'ID' },
    {
      type: 'row',
      fields: [
        {
          name: 'tier',
          type: 'relationship',
          relationTo: slugs.tiers,
          required: true,
          label: { zh: '等级', en: 'Tier' },
        },
        { name: 'version', type: 'number', required: true, label: { zh: '版本', en: 'Version' } },
        {
          name: 'change',
          type: 'select',
          required: true,
          label: { zh: '对会员的影响', en: 'Effect on members' },
          options: [
            { value: 'initial', label: { zh: '首个版本', en: 'First version' } },
            { value: 'improvement', label: { zh: '只增不减', en: 'Improvement only' } },
            { value: 'worsening', label: { zh: '有权益减少', en: 'Something got worse' } },
            { value: 'unchanged', label: { zh: '权益不变', en: 'Entitlements unchanged' } },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'publishedAt',
          type: 'date',
          required: true,
          label: { zh: '发布时间', en: 'Published at' },
        },
        { name: 'publishedBy', type: 'text', label: { zh: '发布人', en: 'Published by' } },
      ],
    },
    {
      name: 'snapshot',
      type: 'json',
      required: true,
      label: { zh: '权益快照', en: 'Entitlement snapshot' },
    },
    {
      name: 'delta',
      type: 'json',
      label: { zh: '与上一版本的差异', en: 'Change from the previous version' },
    },
  ],
}
