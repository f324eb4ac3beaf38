import { refuseChangesAfterCreate } from '../shared/refuseChangesAfterCreate'

/** Audit entries are appended by hooks and never edited or deleted, by anyone. */
export const refuseAuditLogChanges = refuseChangesAfterCreate({
  zh: '审计记录只能追加，不能修改或删除。',
  en: 'Audit entries can only be appended; they cannot be changed or deleted.',
})
