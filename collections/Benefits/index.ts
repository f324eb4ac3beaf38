import type { CollectionConfig, PayloadRequest } from 'payload'

import { preventBenefitDeletionWhileUsed } from '../../hooks/benefits/preventBenefitDeletionWhileUsed'
import { validateBenefitChange } from '../../hooks/benefits/validateBenefitChange'
import { catalogueChangeHooks } from '../../hooks/entitlements/invalidateCatalogue'
import { explainBulkRefusals } from '../../hooks/shared/explainBulkRefusals'
import {
  categoryLabels,
  durationUnitLabels,
  optionsFrom,
  quotaPeriodLabels,
  valueKindLabels,
} from '../../src/adapters/labels'
import { policy } from '../../src/access/policy'
import { inEditorLanguage } from '../../src/adapters/language'
import type { Localized } from '../../src/domain/catalogue/types'
import { slugs } from '../slugs'
import { nameAndDescriptionFields } from '../shared/localizedText'
import { archiveStatusField } from '../shared/archiveStatus'

const shapeIs =
  (...kinds: string[]) =>
  (data: Partial<Record<string, unknown>>) =>
    kinds.includes(String(data?.valueShape))

type ValidateOptions = { req: PayloadRequest; siblingData: Record<string, unknown> }

/** A field that must be filled when the benefit has the given shape. */
const requiredForShape =
  (kind: string, check: (value: unknown) => boolean, message: Localized) =>
  (value: unknown, { req, siblingData }: ValidateOptions) =>
    siblingData.valueShape !== kind || check(value) ? true : inEditorLanguage(req, message)

/** The benefit catalogue: what a tier can grant, and how its values compare. */
export const Benefits: CollectionConfig = {
  slug: slugs.benefits,
  labels: {
    singular: { zh: '会员权益', en: 'Benefit' },
    plural: { zh: '会员权益', en: 'Benefits' },
  },
  access: policy[slugs.benefits],
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'key', 'category', 'valueShape', 'status'],
    group: { zh: '会员目录', en: 'Catalogue' },
    description: {
      zh: '权益要可感知、可量化：写“2 小时内答疑”，而不是“优先服务”。',
      en: 'Make benefits perceivable and quantifiable: "answers within 2 h", not "priority service".',
    },
  },
  hooks: {
    beforeChange: [validateBenefitChange],
    beforeDelete: [preventBenefitDeletionWhileUsed],
    afterOperation: [explainBulkRefusals],
    ...catalogueChangeHooks,
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '机器键', en: 'Machine key' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && /^[a-z][a-z0-9-]{1,62}$/.test(value)
          ? true
          : inEditorLanguage(req, {
              zh: '只能用小写字母、数字和连字符，以字母开头，例如 tutoring-sessions。',
              en: 'Use lower-case letters, digits and hyphens, starting with a letter, e.g. tutoring-sessions.',
            }),
      admin: {
        description: {
          zh: '前端和接口用它识别权益；被等级使用后不能再改。',
          en: 'Frontends and the API identify the benefit by it; it cannot change once a tier uses it.',
        },
      },
    },
    ...nameAndDescriptionFields,
    {
      name: 'unit',
      type: 'text',
      localized: true,
      label: { zh: '单位', en: 'Unit' },
      admin: {
        description: { zh: '例如 “次”、“分钟”', en: 'For example "sessions", "minutes"' },
      },
    },
    {
      name: 'category',
      type: 'select',
      required: true,
      label: { zh: '类别', en: 'Category' },
      options: optionsFrom(categoryLabels),
    },
    {
      name: 'valueShape',
      type: 'select',
      required: true,
      label: { zh: '取值方式', en: 'Value shape' },
      options: optionsFrom(valueKindLabels),
      admin: {
        description: {
          zh: '决定各等级如何比较高低；有等级使用时不能更改。',
          en: 'Decides how tiers compare; it cannot change while tiers use the benefit.',
        },
      },
    },
    {
      name: 'quotaPeriod',
      type: 'select',
      label: { zh: '额度周期', en: 'Quota period' },
      options: optionsFrom(quotaPeriodLabels),
      admin: { condition: shapeIs('quota') },
      validate: requiredForShape('quota', Boolean, {
        zh: '请选择额度的重置周期。',
        en: 'Choose the period in which the quota resets.',
      }),
    },
    {
      name: 'durationUnit',
      type: 'select',
      label: { zh: '时长单位', en: 'Duration unit' },
      options: optionsFrom(durationUnitLabels),
      admin: { condition: shapeIs('duration') },
      validate: requiredForShape('duration', Boolean, {
        zh: '请选择时长单位。',
        en: 'Choose the unit of the duration.',
      }),
    },
    {
      name: 'levels',
      type: 'array',
      label: { zh: '等级选项（从低到高）', en: 'Levels (lowest first)' },
      labels: { singular: { zh: '等级', en: 'Level' }, plural: { zh: '等级', en: 'Levels' } },
      admin: {
        condition: shapeIs('level'),
        description: {
          zh: '按从低到高排列，例如 720p、1080p、4K。',
          en: 'Order from lowest to highest, e.g. 720p, 1080p, 4K.',
        },
      },
      validate: requiredForShape('level', (value) => Array.isArray(value) && value.length >= 2, {
        zh: '等级型权益至少需要两个等级。',
        en: 'A level benefit needs at least two levels.',
      }),
      fields: [
        {
          name: 'key',
          type: 'text',
          required: true,
          label: { zh: '键', en: 'Key' },
        },
        {
          name: 'label',
          type: 'text',
          required: true,
          localized: true,
          label: { zh: '显示名称', en: 'Label' },
        },
      ],
    },
    {
      type: 'row',
      admin: { condition: shapeIs('quota', 'limit', 'percentage', 'duration') },
      fields: [
        {
          name: 'minimum',
          type: 'number',
          label: { zh: '最小值', en: 'Minimum' },
        },
        {
          name: 'maximum',
          type: 'number',
          label: { zh: '最大值', en: 'Maximum' },
        },
      ],
    },
    archiveStatusField,
  ],
}
