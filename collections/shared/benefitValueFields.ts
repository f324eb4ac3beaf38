import type { Field } from 'payload'

/**
 * The inputs a benefit value is entered in; which one counts depends on the benefit's shape
 * (see `valueFromRow`). Shared by tier benefit rows and support grants.
 */
export const benefitValueRow: Field = {
  type: 'row',
  fields: [
    { name: 'enabled', type: 'checkbox', label: { zh: '包含', en: 'Included' } },
    { name: 'amount', type: 'number', label: { zh: '数量', en: 'Amount' } },
    { name: 'unlimited', type: 'checkbox', label: { zh: '不限', en: 'Unlimited' } },
    { name: 'level', type: 'text', label: { zh: '等级键', en: 'Level key' } },
    { name: 'percent', type: 'number', label: { zh: '折扣（% off）', en: 'Percent off' } },
  ],
}
