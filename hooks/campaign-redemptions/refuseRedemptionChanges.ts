import { refuseChangesAfterCreate } from '../shared/refuseChangesAfterCreate'

/** Redemptions are append-only: they are what a campaign's budget has used. */
export const refuseRedemptionChanges = refuseChangesAfterCreate({
  zh: '活动核销记录只能追加，不能修改或删除。',
  en: 'Campaign redemptions can only be appended, never edited or deleted.',
})
