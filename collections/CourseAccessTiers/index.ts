import type { CollectionConfig } from 'payload'

import { catalogueChangeHooks } from '../../hooks/entitlements/invalidateCatalogue'
import { explainBulkRefusals } from '../../hooks/shared/explainBulkRefusals'
import { preventAccessTierDeletionWhileUsed } from '../../hooks/course-access-tiers/preventAccessTierDeletionWhileUsed'
import { policy } from '../../src/access/policy'
import { nameAndDescriptionFields } from '../shared/localizedText'
import { archiveStatusField } from '../shared/archiveStatus'
import { slugs } from '../slugs'

/** Layers of the course library by value and depth: basic library … enterprise projects. */
export const CourseAccessTiers: CollectionConfig = {
  slug: slugs.courseAccessTiers,
  labels: {
    singular: { zh: '课程访问层级', en: 'Course-access tier' },
    plural: { zh: '课程访问层级', en: 'Course-access tiers' },
  },
  access: policy[slugs.courseAccessTiers],
  defaultSort: 'rank',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['rank', 'name', 'status'],
    group: { zh: '会员目录', en: 'Catalogue' },
  },
  hooks: {
    beforeDelete: [preventAccessTierDeletionWhileUsed],
    afterOperation: [explainBulkRefusals],
    ...catalogueChangeHooks,
  },
  fields: [
    {
      name: 'rank',
      type: 'number',
      required: true,
      unique: true,
      min: 0,
      label: { zh: '层级序号', en: 'Rank' },
      admin: {
        description: {
          zh: '越大越高级，例如 1 基础课程库 … 5 企业级项目。',
          en: 'Higher is deeper, e.g. 1 basic library … 5 enterprise projects.',
        },
      },
    },
    ...nameAndDescriptionFields,
    archiveStatusField,
  ],
}
