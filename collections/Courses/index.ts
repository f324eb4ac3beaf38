import type { CollectionConfig } from 'payload'

import { catalogueChangeHooks } from '../../hooks/entitlements/invalidateCatalogue'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

export const Courses: CollectionConfig = {
  slug: slugs.courses,
  labels: {
    singular: { zh: '课程', en: 'Course' },
    plural: { zh: '课程', en: 'Courses' },
  },
  access: policy[slugs.courses],
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'accessTier', 'status', 'updatedAt'],
    group: { zh: '会员目录', en: 'Catalogue' },
    listSearchableFields: ['title', 'slug'],
  },
  hooks: { ...catalogueChangeHooks },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: { zh: '标题', en: 'Title' },
    },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '网址标识', en: 'Slug' },
    },
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: { zh: '简介', en: 'Summary' },
    },
    {
      name: 'accessTier',
      type: 'relationship',
      relationTo: slugs.courseAccessTiers,
      required: true,
      index: true,
      label: { zh: '课程访问层级', en: 'Course-access tier' },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: slugs.media,
      label: { zh: '封面', en: 'Cover image' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      label: { zh: '状态', en: 'Status' },
      options: [
        { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
        { value: 'published', label: { zh: '已上架', en: 'Published' } },
        { value: 'archived', label: { zh: '已下架', en: 'Archived' } },
      ],
      admin: { position: 'sidebar' },
    },
  ],
}
