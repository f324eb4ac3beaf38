import type { Field } from 'payload'

/** Referenced configuration is archived, never deleted (docs/rules.md rule 6). */
export const archiveStatusField: Field = {
  name: 'status',
  type: 'select',
  required: true,
  defaultValue: 'active',
  label: { zh: '启用状态', en: 'Availability' },
  options: [
    { value: 'active', label: { zh: '启用', en: 'Active' } },
    { value: 'archived', label: { zh: '已归档', en: 'Archived' } },
  ],
  admin: { position: 'sidebar' },
}
