import { refuseChangesAfterCreate } from '../shared/refuseChangesAfterCreate'

/** The ledger is append-only: a mistake is corrected by a new event, never by editing one. */
export const refuseLedgerChanges = refuseChangesAfterCreate({
  zh: '会员流水只能追加，不能修改或删除；如需更正，请追加一条新记录（如取消或赠送）。',
  en: 'Membership events can only be appended; to correct one, append a new event (e.g. a cancellation or a grant).',
})
