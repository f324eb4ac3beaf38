import type { Field } from 'payload'

/** The name and description every catalogue document has, in zh and en. */
export const nameAndDescriptionFields: Field[] = [
  {
    name: 'name',
    type: 'text',
    required: true,
    localized: true,
    label: { zh: '名称', en: 'Name' },
  },
  {
    name: 'description',
    type: 'textarea',
    localized: true,
    label: { zh: '说明', en: 'Description' },
  },
]
